import JSONValue

extension IoTHub {
    /// Connects a device or module the front door has already authenticated, and returns its session.
    ///
    /// Azure keeps one connection per identity: a second connect takes over and the first session
    /// ends with `.closed(.takenOver)`. An unknown identity is `DeviceNotFound`/`ModuleNotFound`, a
    /// disabled device (or a module of one) is refused. `connectionState`,
    /// `connectionStateUpdatedTime` and `lastActivityTime` change and a `ConnectionChanged` event is
    /// journalled (and routed as a connection-state event) in the same transaction.
    public func connect(_ sender: MessageSender) throws -> DeviceSession {
        try requireReachable(sender)
        try recordConnection(.connected, ofDevice: sender.deviceId, module: sender.moduleId)
        let (deliveries, continuation) = AsyncStream.makeStream(of: DeviceDelivery.self)
        let (session, replaced) = sessions.open(key: sender.key, continuation: continuation)
        if let replaced {
            replaced.continuation.yield(.closed(.takenOver))
            replaced.continuation.finish()
        }
        return DeviceSession(hub: self, sender: sender, number: session.number, deliveries: deliveries)
    }

    /// Whether `sender` has a live session, and what it subscribed to (for panes and tests).
    public func subscriptions(of sender: MessageSender) -> Set<DeviceSubscription>? {
        sessions.session(sender.key)?.subscriptions
    }

    /// How many devices and modules are connected (the `connectedDeviceCount` gauge).
    public var connectedIdentityCount: Int { sessions.count }

    // MARK: - Session calls

    func subscribe(_ session: DeviceSession, to topics: Set<DeviceSubscription>) throws {
        guard sessions.subscribe(session.sender.key, number: session.number, to: topics) else {
            throw DeviceMessagingError.connectionClosed(identity: session.sender.key)
        }
        if topics.contains(.methods) { dispatchAwaitingMethodCalls(to: session.sender.key) }
        if topics.contains(.cloudToDevice), session.sender.moduleId == nil { try deliverCloudToDevice(to: session.sender.deviceId) }
    }

    func settle(_ settlement: CloudToDeviceQueues.Settlement, from session: DeviceSession, lockToken: String) throws {
        try requireLive(session)
        try settleCloudToDevice(settlement, deviceId: session.sender.deviceId, lockToken: lockToken)
    }

    /// Queues the messages for the next group commit without waiting for the hub; the returned
    /// handle gives their receipts.
    nonisolated func submit(_ messages: [DeviceMessage], from session: DeviceSession) -> PendingTelemetry {
        let (receipt, startsCommit) = pendingSends.add(messages, from: session.sender, session: session.number)
        if startsCommit { Task { await self.commitPendingSends() } }
        return receipt
    }

    /// Commits what sessions submitted, batch after batch, until nothing waits. Messages that
    /// arrive while a batch is being committed (or held by traffic shaping) form the next batch.
    private func commitPendingSends() async {
        while true {
            let entries = pendingSends.takeOrStop()
            if entries.isEmpty { return }
            var live: [PendingSessionSends.Entry] = []
            for entry in entries {
                if sessions.session(entry.sender.key, number: entry.session) != nil {
                    live.append(entry)
                } else {
                    entry.receipt.settle(.failure(DeviceMessagingError.connectionClosed(identity: entry.sender.key)))
                }
            }
            guard !live.isEmpty else { continue }
            do {
                let results = try await ingest(live.flatMap { entry in entry.messages.map { ($0, entry.sender) } })
                var start = results.startIndex
                for entry in live {
                    let end = start + entry.messages.count
                    entry.receipt.settle(all: results[start..<end])
                    start = end
                }
            } catch {
                for entry in live { entry.receipt.settle(.failure(error)) }
            }
        }
    }

    func sessionTwin(_ session: DeviceSession) throws -> JSONValue {
        try requireLive(session)
        return try twinProperties(ofDevice: session.sender.deviceId, module: session.sender.moduleId)
    }

    func sessionUpdateReported(_ session: DeviceSession, patch: JSONObject) throws -> Int {
        try requireLive(session)
        return try updateReportedProperties(ofDevice: session.sender.deviceId, module: session.sender.moduleId, patch: .object(patch))
    }

    /// Ends the session once what it submitted before has been committed (or refused): those
    /// messages arrived on a live connection, and a device that publishes at QoS 0 and then
    /// disconnects at once must not lose them to the close.
    func disconnect(_ session: DeviceSession) async {
        for pending in pendingSends.receipts(ofSession: session.number, sender: session.sender.key) {
            _ = try? await pending.receipt
        }
        endSession(session.sender.key, number: session.number, reason: .disconnected)
    }

    /// Refuses a handle whose session was closed or replaced.
    func requireLive(_ session: DeviceSession) throws(DeviceMessagingError) {
        guard sessions.session(session.sender.key, number: session.number) != nil else {
            throw .connectionClosed(identity: session.sender.key)
        }
    }

    /// Refuses an identity that is not registered, or whose device is disabled.
    func requireReachable(_ sender: MessageSender) throws {
        let device = try registeredDevice(sender.deviceId)
        if let moduleId = sender.moduleId, state.module(moduleId, on: sender.deviceId) == nil {
            throw HubError.moduleNotFound(deviceId: sender.deviceId, moduleId: moduleId)
        }
        guard device.status == .enabled else { throw DeviceMessagingError.deviceDisabled(deviceId: sender.deviceId) }
    }

    /// Ends the session of `key` (only the one numbered `number`, when given): its stream yields
    /// `.closed(reason)` and finishes, and the identity shows as disconnected unless it was deleted.
    func endSession(_ key: String, number: UInt64? = nil, reason: SessionCloseReason) {
        guard let session = sessions.close(key, number: number) else { return }
        session.continuation.yield(.closed(reason))
        session.continuation.finish()
        guard reason != .identityDeleted else { return }
        let (deviceId, moduleId) = HubState.split(key)
        // The session is gone whatever happens; a store failure here only leaves the stored
        // state saying Connected until the next connect or disconnect records it again.
        try? recordConnection(.disconnected, ofDevice: deviceId, module: moduleId.isEmpty ? nil : moduleId)
    }
}
