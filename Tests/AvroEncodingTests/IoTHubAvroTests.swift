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
