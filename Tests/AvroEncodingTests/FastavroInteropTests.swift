import Foundation
import JSONValue
import Testing
import AvroEncoding

/// Files written here are opened by fastavro, and files fastavro writes are opened here: the proof
/// that a learner's standard Avro reader opens what the storage endpoint writes.
@Suite struct FastavroInteropTests {
    /// Prints the file's codec, schema and records as JSON; bytes print as `{"hex": ...}`.
    static let readScript = """
        import json, sys, fastavro
        def bytes_as_hex(value):
            if isinstance(value, bytes):
                return {"hex": value.hex()}
            raise TypeError(type(value))
        with open(sys.argv[1], "rb") as f:
            reader = fastavro.reader(f)
            records = list(reader)
            print(json.dumps({"codec": reader.codec, "schema": reader.metadata["avro.schema"], "records": records},
                             default=bytes_as_hex))
        """

    static func hex(_ bytes: [UInt8]) -> JSONValue {
        ["hex": .string(bytes.map { String(format: "%02x", $0) }.joined())]
    }

    static func read(_ bytes: [UInt8], with fastavro: Fastavro) async throws -> JSONValue? {
        let file = try TemporaryFile(named: "batch.avro")
        try Data(bytes).write(to: file.url)
        let result = try await fastavro.run(script: readScript, arguments: [file.url.path])
        #expect(result.status == 0, "fastavro failed: \(result.error)")
        return try JSONValue(parsing: result.output)
    }

    @Test func fastavroReadsRoutedMessages() async throws {
        guard let fastavro = await Fastavro.locate() else { return }
        var writer = try AvroContainerWriter(schema: IoTHubAvro.messageSchema, recordsPerBlock: 2)
        let messages = (0..<5).map { index in
            IoTHubAvroMessage(
                enqueuedTimeUtc: "2018-07-05T15:11:4\(index).6850000Z",
                properties: ["temperatureAlert": index.isMultiple(of: 2) ? "true" : "false", "seq": "\(index)"],
                systemProperties: ["connectionDeviceId": "sensor-th-0001", "contentType": "application/json"],
                body: index == 4 ? nil : Array(#"{"temperature": \#(20 + index)}"#.utf8))
        }
        for message in messages { try writer.append(message.record) }

        let read = try await Self.read(writer.fileBytes(), with: fastavro)
        #expect(read?["codec"] == "null")
        #expect(read?["schema"] == .string(IoTHubAvro.messageSchema.jsonText))
        let expected: [JSONValue] = messages.map { message in
            [
                "EnqueuedTimeUtc": .string(message.enqueuedTimeUtc),
                "Properties": .object(message.properties.mapValues(JSONValue.string)),
                "SystemProperties": .object(message.systemProperties.mapValues(JSONValue.string)),
                "Body": message.body.map(Self.hex) ?? .null,
            ]
        }
        #expect(read?["records"] == .array(expected))
    }

    @Test func fastavroReadsEveryType() async throws {
        guard let fastavro = await Fastavro.locate() else { return }
        let point = AvroSchema.record(AvroRecordSchema(name: "Point", namespace: "iotlab.test", fields: [
            AvroField(name: "x", type: .float), AvroField(name: "y", type: .double),
        ]))
        let schema = AvroSchema.record(AvroRecordSchema(name: "Reading", namespace: "iotlab.test", fields: [
            AvroField(name: "ok", type: .boolean), AvroField(name: "count", type: .int),
            AvroField(name: "ticks", type: .long), AvroField(name: "raw", type: .bytes),
            AvroField(name: "from", type: point), AvroField(name: "to", type: point),
            AvroField(name: "samples", type: .array(items: .union([.null, .long, .string]))),
            AvroField(name: "nothing", type: .null),
        ]))
        var writer = try AvroContainerWriter(schema: schema)
        try writer.append(.record([
            "ok": .boolean(true), "count": .int(-2_000_000_000), "ticks": .long(Int64.min),
            "raw": .bytes([0, 1, 254, 255]),
            "from": .record(["x": .float(1.5), "y": .double(-1e-300)]),
            "to": .record(["x": .float(-0.25), "y": .double(12_345.678)]),
            "samples": .array([.null, .long(42), .string("héllo")]), "nothing": .null,
        ]))

        let read = try await Self.read(writer.fileBytes(), with: fastavro)
        #expect(read?["records"] == [[
            "ok": true, "count": -2_000_000_000, "ticks": .integer(Int.min), "raw": Self.hex([0, 1, 254, 255]),
            "from": ["x": 1.5, "y": -1e-300], "to": ["x": -0.25, "y": 12_345.678],
            "samples": [nil, 42, "héllo"], "nothing": nil,
        ]])
    }

    @Test func filesFastavroWritesAreReadHere() async throws {
        guard let fastavro = await Fastavro.locate() else { return }
        let file = try TemporaryFile(named: "fastavro.avro")
        // sync_interval=1 makes fastavro start a new block after every record.
        let script = """
            import json, sys, fastavro
            schema = fastavro.parse_schema(json.loads(sys.argv[2]))
            records = [
                {"EnqueuedTimeUtc": "2018-07-05T15:11:42.6850000Z", "Properties": {"a": "1", "b": "2"},
                 "SystemProperties": {"connectionDeviceId": "d1"}, "Body": b"\\x00hi"},
                {"EnqueuedTimeUtc": "2018-07-05T15:11:43.0000000Z", "Properties": {},
                 "SystemProperties": {}, "Body": None},
            ]
            with open(sys.argv[1], "wb") as f:
                fastavro.writer(f, schema, records, codec="null", sync_interval=1)
            """
        let result = try await fastavro.run(script: script, arguments: [file.url.path, IoTHubAvro.messageSchema.jsonText])
        #expect(result.status == 0, "fastavro failed: \(result.error)")

        let reader = try AvroContainerReader(bytes: Array(try Data(contentsOf: file.url)))
        #expect(reader.schema == IoTHubAvro.messageSchema)
        #expect(try reader.records.map { record throws(AvroError) in try IoTHubAvroMessage(record: record) } == [
            IoTHubAvroMessage(
                enqueuedTimeUtc: "2018-07-05T15:11:42.6850000Z", properties: ["a": "1", "b": "2"],
                systemProperties: ["connectionDeviceId": "d1"], body: [0x00, 0x68, 0x69]),
            IoTHubAvroMessage(enqueuedTimeUtc: "2018-07-05T15:11:43.0000000Z", body: nil),
        ])
    }
}
