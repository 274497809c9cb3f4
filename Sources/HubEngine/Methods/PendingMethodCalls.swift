/// Direct-method calls waiting for a device's answer (filled in by the methods work).
struct PendingMethodCalls: Sendable {
    init() {}
}
