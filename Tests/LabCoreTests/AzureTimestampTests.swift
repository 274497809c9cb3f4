import Foundation
import LabCore
import Testing

@Suite struct AzureTimestampTests {
    @Test func writesSevenFractionalDigitsInUTC() {
        #expect(AzureTimestamp.string(Date(timeIntervalSince1970: 1_767_225_600.685)) == "2026-01-01T00:00:00.6850000Z")
        #expect(AzureTimestamp.string(nil) == "0001-01-01T00:00:00Z")
    }

    @Test func readsBackWhatItWrites() {
        let date = Date(timeIntervalSince1970: 1_767_225_600.1234567)
        let text = AzureTimestamp.string(date)
        #expect(AzureTimestamp.string(AzureTimestamp.date(text)) == text)
        #expect(AzureTimestamp.date("0001-01-01T00:00:00Z") == nil)
        #expect(AzureTimestamp.date("yesterday") == nil)
    }
}
