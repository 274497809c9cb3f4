import Foundation
import JSONValue
import LabCore

/// A routed message as IoT Hub writes it into a storage container blob: the enqueued time as
/// text, the application properties, a few system properties under the storage names
/// (`connectionDeviceId`, `connectionDeviceGenerationId`, `enqueuedTime`...) and the body.
///
/// The same record feeds the Avro writer (`Microsoft.Azure.Devices.Message` records) and the
/// JSON-lines writer, so the two encodings always carry the same facts.
public struct StorageRecord: Sendable, Equatable {
    public var enqueuedTimeUtc: String
    public var properties: OrderedDictionary<String, String>
    public var systemProperties: OrderedDictionary<String, String>
    public var body: [UInt8]

    public init(_ message: HubMessage) {
        let system = message.systemProperties
        enqueuedTimeUtc = AzureTimestamp.string(system.enqueuedTime)
        properties = message.applicationProperties
        var named: OrderedDictionary<String, String> = [:]
        named["messageId"] = system.messageId
        named["correlationId"] = system.correlationId
        named["userId"] = system.userId
        named["connectionDeviceId"] = system.connectionDeviceId
        named["connectionModuleId"] = system.connectionModuleId
        named["connectionAuthMethod"] = system.connectionAuthMethod
        named["connectionDeviceGenerationId"] = system.connectionAuthGenerationId
        named["contentType"] = system.contentType
        named["contentEncoding"] = system.contentEncoding
        named["enqueuedTime"] = enqueuedTimeUtc
        systemProperties = named
        body = message.body
    }

    /// One line of a JSON-encoded blob. The body is embedded as JSON when the message says it
    /// is UTF-8 JSON (as Azure does, which is what lets queries read it), and base64 otherwise.
    public var jsonLine: String {
        let system = systemProperties
        let isJSON = system["contentType"]?.lowercased().contains("application/json") == true
            && system["contentEncoding"]?.lowercased().replacingOccurrences(of: "-", with: "") == "utf8"
        let bodyValue: JSONValue = isJSON ? ((try? JSONValue(parsing: body)) ?? .string(Data(body).base64EncodedString())) : .string(Data(body).base64EncodedString())
        let line: JSONValue = [
            "EnqueuedTimeUtc": .string(enqueuedTimeUtc),
            "Properties": .object(JSONObject(uniqueKeysWithValues: properties.map { ($0.key, JSONValue.string($0.value)) })),
            "SystemProperties": .object(JSONObject(uniqueKeysWithValues: system.map { ($0.key, JSONValue.string($0.value)) })),
            "Body": bodyValue,
        ]
        return line.serialized(.compact)
    }
}
