import JSONValue

/// A direct-method request as a device receives it on `$iothub/methods/POST/{name}/?$rid={id}`.
public struct MethodRequest: Sendable, Equatable {
    /// The `$rid` the answer must carry.
    public var requestId: String
    public var methodName: String
    public var payload: JSONValue

    public init(requestId: String, methodName: String, payload: JSONValue) {
        self.requestId = requestId
        self.methodName = methodName
        self.payload = payload
    }
}
