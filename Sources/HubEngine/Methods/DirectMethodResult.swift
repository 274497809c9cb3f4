import JSONValue

/// What a direct-method invocation returns: the device's status and JSON payload.
public struct DirectMethodResult: Sendable, Equatable {
    public var status: Int
    public var payload: JSONValue

    public init(status: Int, payload: JSONValue) {
        self.status = status
        self.payload = payload
    }

    /// `{"status": …, "payload": …}`, as the REST API and `az iot hub invoke-device-method` return it.
    public var json: JSONValue { ["status": .integer(status), "payload": payload] }
}
