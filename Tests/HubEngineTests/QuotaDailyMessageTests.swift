import Foundation
import HubEngine
import LabCore
import Testing

@Suite struct QuotaDailyMessageTests {
    private func quota(_ sku: String, units: Int = 1) throws -> DailyMessageQuota {
        DailyMessageQuota(hubName: "lab-hub", capacity: try HubCapacity(skuName: sku, units: units))
    }

    @Test func dailyLimitFollowsTierAndScalesWithUnits() throws {
        #expect(try quota("F1").limit == 8_000)
        #expect(try quota("S1").limit == 400_000)
        #expect(try quota("B1", units: 200).limit == 80_000_000)
        #expect(try quota("S2", units: 2).limit == 12_000_000)
        #expect(try quota("S3").limit == 300_000_000)
        #expect(try quota("B3", units: 10).limit == 3_000_000_000)
    }

    @Test func meterIsHalfKilobyteOnFreeAndFourKilobytesElsewhere() throws {
        #expect(try quota("F1").meter == .halfKilobyte)
        for sku in ["B1", "B2", "B3", "S1", "S2", "S3"] {
            #expect(try quota(sku).meter == .fourKilobytes)
        }
    }

    @Test func messageOneByteOverTheMeterCountsTwiceOnS1() throws {
        let s1 = try quota("S1")
        #expect(s1.messages(forPayloadBytes: 0) == 1)
        #expect(s1.messages(forPayloadBytes: 4_096) == 1)
        #expect(s1.messages(forPayloadBytes: 4_097) == 2)
        #expect(s1.messages(forPayloadBytes: 6 * 1_024) == 2)
        #expect(s1.messages(forPayloadBytes: 256 * 1_024) == 64)
    }

    @Test func messageOneByteOverTheMeterCountsTwiceOnF1() throws {
        let f1 = try quota("F1")
        #expect(f1.messages(forPayloadBytes: 512) == 1)
        #expect(f1.messages(forPayloadBytes: 513) == 2)
        #expect(f1.messages(forPayloadBytes: 4_096) == 8)
    }

    @Test func chargeCountsMeterBlocksAndReportsThem() throws {
        let clock = ManualClock()
        var s1 = try quota("S1")
        #expect(try s1.charge(payloadBytes: 100, at: clock.now()) == 1)
        #expect(try s1.charge(payloadBytes: 4_097, at: clock.now()) == 2)
        #expect(s1.used(at: clock.now()) == 3)
        #expect(s1.remaining(at: clock.now()) == 399_997)
    }

    @Test func quotaRefusesTheMessageThatWouldPassTheLimitAndCountsNothing() throws {
        let clock = ManualClock()
        var f1 = try quota("F1")
        try f1.charge(payloadBytes: 7_999 * 512, at: clock.now())
        #expect(f1.used(at: clock.now()) == 7_999)
        #expect(throws: QuotaError.iotHubQuotaExceeded(hubName: "lab-hub", limit: 8_000, current: 7_999)) {
            try f1.charge(payloadBytes: 513, at: clock.now())
        }
        #expect(f1.used(at: clock.now()) == 7_999)
        #expect(try f1.charge(payloadBytes: 512, at: clock.now()) == 1)
        #expect(f1.remaining(at: clock.now()) == 0)
        #expect(throws: QuotaError.iotHubQuotaExceeded(hubName: "lab-hub", limit: 8_000, current: 8_000)) {
            try f1.charge(payloadBytes: 0, at: clock.now())
        }
    }

    @Test func exhaustedQuotaReadsAsAzureWrites403002() {
        let error = QuotaError.iotHubQuotaExceeded(hubName: "lab-hub", limit: 8_000, current: 8_000)
        #expect(error.httpStatus == 403)
        #expect(
            error.description
                == "403002 IotHubQuotaExceeded: Total number of messages on IotHub 'lab-hub' exceeded the allocated quota. Max allowed message count: '8000', current message count: '8000'. Send and Receive operations are blocked for this hub until the next UTC day. Consider increasing the units for this hub to increase the quota"
        )
    }

    @Test func quotaResetsAtMidnightUTCNotTwentyFourHoursLater() throws {
        let clock = ManualClock()  // 2026-01-01T00:00:00Z
        clock.advance(by: 23 * 3_600)  // 23:00 UTC
        var s1 = try quota("S1")
        try s1.charge(payloadBytes: 400_000 * 4_096, at: clock.now())
        clock.advance(by: 3_599)  // 23:59:59
        #expect(throws: QuotaError.iotHubQuotaExceeded(hubName: "lab-hub", limit: 400_000, current: 400_000)) {
            try s1.charge(payloadBytes: 1, at: clock.now())
        }
        #expect(s1.nextReset(after: clock.now()) == Date(timeIntervalSince1970: 1_767_312_000))
        clock.advance(by: 1)  // 2026-01-02T00:00:00Z
        #expect(s1.used(at: clock.now()) == 0)
        #expect(try s1.charge(payloadBytes: 1, at: clock.now()) == 1)
        #expect(s1.used(at: clock.now()) == 1)
    }

    @Test func clockSteppedBackDoesNotHandOutASecondQuota() throws {
        let clock = ManualClock()
        clock.advance(by: 86_400)  // 2026-01-02T00:00:00Z
        var f1 = try quota("F1")
        try f1.charge(payloadBytes: 8_000 * 512, at: clock.now())
        let yesterday = clock.now().addingTimeInterval(-60)
        #expect(f1.used(at: yesterday) == 8_000)
        #expect(throws: QuotaError.iotHubQuotaExceeded(hubName: "lab-hub", limit: 8_000, current: 8_000)) {
            try f1.charge(payloadBytes: 1, at: yesterday)
        }
    }

    @Test func reopenedOrRescaledHubKeepsTheDaysCount() throws {
        let clock = ManualClock()
        let oneUnit = try quota("S1")
        var restored = DailyMessageQuota(
            hubName: "lab-hub", capacity: try HubCapacity(skuName: "S1", units: 2), used: 400_000, on: clock.now())
        #expect(oneUnit.limit == 400_000)
        #expect(restored.limit == 800_000)
        #expect(restored.remaining(at: clock.now()) == 400_000)
        #expect(try restored.charge(payloadBytes: 1, at: clock.now()) == 1)
        #expect(restored.used(at: clock.now().addingTimeInterval(86_400)) == 0)
        let scaledDown = DailyMessageQuota(
            hubName: "lab-hub", capacity: try HubCapacity(skuName: "S1", units: 1), used: 500_000, on: clock.now())
        #expect(scaledDown.remaining(at: clock.now()) == 0)
    }

    @Test func unknownSkuAndZeroUnitsAreRefusedNamingTheField() {
        #expect(throws: HubError.argumentInvalid(field: "sku", rule: "must be one of F1, B1, B2, B3, S1, S2, S3, was 'S4'")) {
            try HubCapacity(skuName: "S4", units: 1)
        }
        #expect(throws: HubError.argumentInvalid(field: "units", rule: "a hub has at least 1 unit, was 0")) {
            try HubCapacity(skuName: "S1", units: 0)
        }
    }

    @Test func capacityReadsHubSettingsCaseInsensitively() throws {
        let capacity = try HubCapacity(HubSettings(name: "lab-hub", skuName: "s2", units: 4))
        #expect(capacity.skuName == "S2")
        #expect(capacity.tier == .standard)
        #expect(capacity.size == 2)
        #expect(capacity.units == 4)
        #expect(try HubCapacity(skuName: "f1", units: 1).tier == .free)
        #expect(try HubCapacity(skuName: "B3", units: 1).tier == .basic)
    }
}
