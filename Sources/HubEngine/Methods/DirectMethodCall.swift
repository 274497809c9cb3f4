import Foundation
import JSONValue

/// A direct-method invocation as the service sends it (`POST /twins/{id}/methods`, `az iot hub
/// invoke-device-method`): `{"methodName", "payload", "responseTimeoutInSeconds", "connectTimeoutInSeconds"}`.
public struct DirectMethodCall: Sendable, Equatable {
    public var methodName: String
    public var payload: JSONValue
    /// Seconds to wait for the device's answer once it has the request: 5–300, default 30.
    public var responseTimeout: TimeInterval
    /// Seconds to wait for the device to connect and subscribe: 0–300, default 0 (fail at once).
    public var connectTimeout: TimeInterval

    public init(methodName: String, payload: JSONValue = .null, responseTimeout: TimeInterval = 30, connectTimeout: TimeInterval = 0) {
        self.methodName = methodName
        self.payload = payload
        self.responseTimeout = responseTimeout
        self.connectTimeout = connectTimeout
    }

    /// Azure's limit on a method's request and response payloads: 128 KB each.
    public static let maximumPayloadBytes = 128 * 1024

    /// Refuses a call outside Azure's rules, naming the field.
    func validate() throws(DeviceMessagingError) {
        guard !methodName.isEmpty else { throw .argumentInvalid(field: "methodName", rule: "must not be empty") }
        guard (5...300).contains(responseTimeout) else {
            throw .argumentInvalid(field: "responseTimeoutInSeconds", rule: "must be between 5 and 300; it is \(responseTimeout)")
        }
        guard (0...300).contains(connectTimeout) else {
            throw .argumentInvalid(field: "connectTimeoutInSeconds", rule: "must be between 0 and 300; it is \(connectTimeout)")
        }
        try Self.checkSize(of: payload, what: "The method request payload")
    }

    /// Refuses a payload over 128 KB of compact JSON.
    static func checkSize(of payload: JSONValue, what: String) throws(DeviceMessagingError) {
        let size = payload.compactBytes.count
        guard size <= maximumPayloadBytes else { throw .messageTooLarge(what: what, size: size, limit: maximumPayloadBytes) }
    }
}
