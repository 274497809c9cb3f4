import Foundation
import JSONValue
import LabCore

extension QueuedCloudToDeviceMessage {
    /// The stored record: the message with its body in base64, and the delivery state, so a
    /// queue survives a restart as it was (locks included).
    var json: JSONValue {
        var members: JSONObject = [
            "deviceId": .string(deviceId), "deviceGenerationId": .string(deviceGenerationId),
            "sequenceNumber": .integer(Int(sequenceNumber)), "enqueuedTime": .string(AzureTimestamp.string(enqueuedTime)),
            "expiryTime": .string(AzureTimestamp.string(expiryTime)), "deliveryCount": .integer(deliveryCount),
            "body": .string(Data(message.body).base64EncodedString()),
            "properties": .object(message.properties.mapValues(JSONValue.string)),
            "ack": .string(message.acknowledgement.rawValue),
        ]
        let optional: [(String, String?)] = [
            ("messageId", message.messageId), ("correlationId", message.correlationId), ("userId", message.userId),
            ("contentType", message.contentType), ("contentEncoding", message.contentEncoding),
            ("lockToken", lock?.token), ("lockedUntil", lock.map { AzureTimestamp.string($0.until) }),
        ]
        for (name, value) in optional { if let value { members[name] = .string(value) } }
        return .object(members)
    }

    /// Reads a record written by `json`.
    init(json: JSONValue) throws(HubError) {
        let fields = try JSONFields(json, path: "c2dMessage")
        func date(_ name: String) throws(HubError) -> Date {
            guard let date = try fields.string(name).flatMap(AzureTimestamp.date) else {
                throw .argumentInvalid(field: fields.field(name), rule: "must be a timestamp")
            }
            return date
        }
        var properties: OrderedDictionary<String, String> = [:]
        for (name, value) in try fields.object("properties")?.members ?? [:] {
            guard case .string(let text) = value else {
                throw .argumentInvalid(field: "c2dMessage.properties.\(name)", rule: "must be a string")
            }
            properties[name] = text
        }
        let ack = try fields.choice("ack", of: CloudToDeviceMessage.Acknowledgement.allCases.map(\.rawValue))
        guard let body = Data(base64Encoded: try fields.string("body") ?? "") else {
            throw .argumentInvalid(field: fields.field("body"), rule: "must be base64")
        }
        deviceId = try fields.string("deviceId") ?? ""
        deviceGenerationId = try fields.string("deviceGenerationId") ?? ""
        sequenceNumber = Int64(try fields.integer("sequenceNumber") ?? 0)
        enqueuedTime = try date("enqueuedTime")
        expiryTime = try date("expiryTime")
        deliveryCount = try fields.integer("deliveryCount") ?? 0
        message = CloudToDeviceMessage(
            body: Array(body), properties: properties, messageId: try fields.string("messageId"),
            correlationId: try fields.string("correlationId"), userId: try fields.string("userId"),
            contentType: try fields.string("contentType"), contentEncoding: try fields.string("contentEncoding"),
            acknowledgement: ack.flatMap(CloudToDeviceMessage.Acknowledgement.init(rawValue:)) ?? .none, expiryTime: expiryTime)
        if let token = try fields.string("lockToken") {
            lock = Lock(token: token, until: try date("lockedUntil"))
        }
    }
}
