/// The live device and module sessions of one hub: at most one per identity, as Azure keeps one
/// connection per device or module id.
///
/// Each session has a number that is never reused, so a handle whose session was taken over or
/// closed cannot act for the connection that replaced it.
struct SessionRegistry: Sendable {
    /// One live session: where its deliveries go and what it subscribed to.
    struct Session: Sendable {
        let number: UInt64
        let continuation: AsyncStream<DeviceDelivery>.Continuation
        var subscriptions: Set<DeviceSubscription> = []
    }

    /// `deviceId` or `deviceId/moduleId` → the live session.
    private var sessions: [String: Session] = [:]
    private var lastNumber: UInt64 = 0

    init() {}

    /// Registers a new session for `key`, returning it and the session it replaces, if any.
    mutating func open(key: String, continuation: AsyncStream<DeviceDelivery>.Continuation) -> (Session, replaced: Session?) {
        lastNumber += 1
        let session = Session(number: lastNumber, continuation: continuation)
        let replaced = sessions.updateValue(session, forKey: key)
        return (session, replaced)
    }

    /// The live session of `key` if its number is `number`.
    func session(_ key: String, number: UInt64) -> Session? {
        guard let session = sessions[key], session.number == number else { return nil }
        return session
    }

    /// The live session of `key`, whichever it is.
    func session(_ key: String) -> Session? { sessions[key] }

    /// The live session of `key` when it subscribed to `topic`.
    func session(_ key: String, subscribedTo topic: DeviceSubscription) -> Session? {
        guard let session = sessions[key], session.subscriptions.contains(topic) else { return nil }
        return session
    }

    /// Adds topics to the session numbered `number`; false when it is no longer live.
    mutating func subscribe(_ key: String, number: UInt64, to topics: Set<DeviceSubscription>) -> Bool {
        guard sessions[key]?.number == number else { return false }
        sessions[key]?.subscriptions.formUnion(topics)
        return true
    }

    /// Removes the session of `key` (only the one numbered `number`, when given) and returns it.
    mutating func close(_ key: String, number: UInt64? = nil) -> Session? {
        guard let session = sessions[key], number == nil || session.number == number else { return nil }
        return sessions.removeValue(forKey: key)
    }

    /// The keys of every live session of a device: the device's own and its modules'.
    func keys(ofDevice deviceId: String) -> [String] {
        sessions.keys.filter { $0 == deviceId || $0.hasPrefix(deviceId + "/") }
    }

    /// How many identities are connected.
    var count: Int { sessions.count }
}
