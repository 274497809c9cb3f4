/// Direct-method calls waiting for a device: to connect and subscribe (during the connect
/// timeout), or to answer (during the response timeout).
struct PendingMethodCalls: Sendable {
    /// One call in flight; `timer` fails it when its current timeout passes on the hub's clock.
    struct Call: Sendable {
        let request: MethodRequest
        /// `deviceId` or `deviceId/moduleId` of the target.
        let key: String
        let call: DirectMethodCall
        let continuation: CheckedContinuation<DirectMethodResult, any Error>
        var timer: Task<Void, Never>?
        /// Whether the device has the request (waiting for its answer) or not yet (waiting for it to connect).
        var dispatched = false
    }

    private var calls: [String: Call] = [:]
    private var lastRequestNumber = 0

    init() {}

    /// A request id unique in this hub, in the decimal form Azure's `$rid` takes.
    mutating func nextRequestId() -> String {
        lastRequestNumber += 1
        return String(lastRequestNumber)
    }

    subscript(requestId: String) -> Call? {
        get { calls[requestId] }
        set { calls[requestId] = newValue }
    }

    mutating func remove(_ requestId: String) -> Call? {
        calls.removeValue(forKey: requestId)
    }

    /// The ids of calls to `key` not yet dispatched, oldest first.
    func awaitingConnection(of key: String) -> [String] {
        calls.values.filter { $0.key == key && !$0.dispatched }.map(\.request.requestId).sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }
    }
}
