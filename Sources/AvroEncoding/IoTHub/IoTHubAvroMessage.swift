import JSONValue

/// One routed message as a record of `IoTHubAvro.messageSchema`.
///
/// The storage endpoint builds these to append to its Avro writer, and `iotlab endpoint read`
/// turns records read back from a blob into them.
public struct IoTHubAvroMessage: Sendable, Hashable {
    /// The enqueued time as IoT Hub writes it, UTC with seven fractional digits
    /// (`2018-07-05T15:11:42.6850000Z`); the hub formats it, as it does the `enqueuedTime`
    /// system property, so the two always agree.
    public var enqueuedTimeUtc: String
    /// Application properties, enrichments included.
    public var properties: OrderedDictionary<String, String>
    /// System properties under the names IoT Hub's Avro uses (`connectionDeviceId`, `enqueuedTime`...).
    public var systemProperties: OrderedDictionary<String, String>
    /// The body as sent; `nil` is written as the union's `null` branch.
    public var body: [UInt8]?

    public init(
        enqueuedTimeUtc: String, properties: OrderedDictionary<String, String> = [:],
        systemProperties: OrderedDictionary<String, String> = [:], body: [UInt8]?
    ) {
        self.enqueuedTimeUtc = enqueuedTimeUtc
        self.properties = properties
        self.systemProperties = systemProperties
        self.body = body
    }

    /// The message as an Avro record ready for `AvroContainerWriter.append(_:)`.
    public var record: AvroValue {
        .record([
            "EnqueuedTimeUtc": .string(enqueuedTimeUtc),
            "Properties": .map(properties.mapValues(AvroValue.string)),
            "SystemProperties": .map(systemProperties.mapValues(AvroValue.string)),
            "Body": body.map(AvroValue.bytes) ?? .null,
        ])
    }

    /// Reads a record of `IoTHubAvro.messageSchema` back, as a container reader returns it.
    /// - Throws: `valueMismatch` naming the field that is missing or of another type.
    public init(record: AvroValue) throws(AvroError) {
        guard case .string(let enqueued) = record["EnqueuedTimeUtc"] else {
            throw .valueMismatch(path: "EnqueuedTimeUtc", expected: "string", found: record["EnqueuedTimeUtc"]?.kindName ?? "no value")
        }
        self.enqueuedTimeUtc = enqueued
        self.properties = try Self.stringMap(record["Properties"], field: "Properties")
        self.systemProperties = try Self.stringMap(record["SystemProperties"], field: "SystemProperties")
        switch record["Body"] {
        case .bytes(let bytes): self.body = bytes
        case .null: self.body = nil
        case let other:
            throw .valueMismatch(path: "Body", expected: "union [null, bytes]", found: other?.kindName ?? "no value")
        }
    }

    private static func stringMap(_ value: AvroValue?, field: String) throws(AvroError) -> OrderedDictionary<String, String> {
        guard case .map(let entries) = value else {
            throw .valueMismatch(path: field, expected: "map<string>", found: value?.kindName ?? "no value")
        }
        var strings: OrderedDictionary<String, String> = [:]
        for (key, entry) in entries {
            guard case .string(let text) = entry else {
                throw .valueMismatch(path: "\(field)[\"\(key)\"]", expected: "string", found: entry.kindName)
            }
            strings[key] = text
        }
        return strings
    }
}
