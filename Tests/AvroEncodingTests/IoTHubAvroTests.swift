import Foundation
import Testing
import AvroEncoding

@Suite struct IoTHubAvroTests {
    static let sample = IoTHubAvroMessage(
        enqueuedTimeUtc: "2018-07-05T15:11:42.6850000Z",
        properties: ["temperatureAlert": "false"],
        systemProperties: [
            "connectionDeviceId": "sensor-th-0001",
            "connectionAuthMethod": #"{"scope":"device","type":"sas","issuer":"iothub","acceptingIpFilterRule":null}"#,
            "connectionDeviceGenerationId": "636632159551348090",
            "enqueuedTime": "2018-07-05T15:11:42.6850000Z",
        ],
        body: Array(#"{"temperature": 22.24,"humidity": 70.09}"#.utf8))

    @Test(arguments: [
        (1_530_803_502.685, "2018-07-05T15:11:42.6850000Z"),
        (1_709_251_199.25, "2024-02-29T23:59:59.2500000Z"),
        (951_868_800, "2000-03-01T00:00:00.0000000Z"),
        (-0.5, "1969-12-31T23:59:59.5000000Z"),
        (0.000_001_4, "1970-01-01T00:00:00.0000010Z"),
    ] as [(Double, String)])
    func enqueuedTimesHaveSevenFractionalDigitsInUTC(seconds: Double, expected: String) {
        #expect(IoTHubAvro.enqueuedTimeText(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func aMessageRoundTripsThroughAContainerFile() throws {
        let silent = IoTHubAvroMessage(enqueuedTimeUtc: "2018-07-05T15:11:42.7470000Z", body: nil)
        var writer = try AvroContainerWriter(schema: IoTHubAvro.messageSchema)
        try writer.append(Self.sample.record)
        try writer.append(silent.record)
        let reader = try AvroContainerReader(bytes: writer.fileBytes())
        #expect(reader.schema == IoTHubAvro.messageSchema)
        #expect(try reader.records.map { record throws(AvroError) in try IoTHubAvroMessage(record: record) } == [Self.sample, silent])
    }

    @Test func theRecordEncodesAsAzuresBlobsDo() throws {
        let bytes = try Self.sample.record.encoded(as: IoTHubAvro.messageSchema)
        // EnqueuedTimeUtc: 28 characters; then Properties: one entry.
        #expect(Array(bytes.prefix(1)) == [0x38])
        #expect(Array(bytes[29..<31]) == [0x02, 0x20])
        // Body: union branch 1 (bytes), then the length-prefixed JSON.
        let body = Self.sample.body ?? []
        #expect(Array(bytes.suffix(body.count + 2)) == [0x02, UInt8(body.count * 2)] + body)
    }

    @Test func aRecordOfAnotherShapeIsRefusedNamingTheField() {
        #expect(throws: AvroError.valueMismatch(path: "Properties[\"n\"]", expected: "string", found: "long")) {
            try IoTHubAvroMessage(record: .record([
                "EnqueuedTimeUtc": .string("t"), "Properties": .map(["n": .long(1)]), "SystemProperties": .map([:]), "Body": .null,
            ]))
        }
        #expect(throws: AvroError.valueMismatch(path: "EnqueuedTimeUtc", expected: "string", found: "no value")) {
            try IoTHubAvroMessage(record: .record([:]))
        }
        #expect(throws: AvroError.valueMismatch(path: "Body", expected: "union [null, bytes]", found: "string")) {
            try IoTHubAvroMessage(record: .record([
                "EnqueuedTimeUtc": .string("t"), "Properties": .map([:]), "SystemProperties": .map([:]), "Body": .string("x"),
            ]))
        }
    }
}
