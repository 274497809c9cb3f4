import NIOCore

/// The channels a server has open, so stopping it ends them too (closing the listener alone
/// leaves accepted connections running).
actor MQTTOpenConnections {
    private var channels: [ObjectIdentifier: any Channel] = [:]
    private var stopped = false

    init() {}

    /// Records an accepted channel; `false` once the server has stopped, when the connection
    /// must not be served (it was accepted just before the listener closed).
    func insert(_ channel: any Channel) -> Bool {
        guard !stopped else { return false }
        channels[ObjectIdentifier(channel)] = channel
        return true
    }

    func remove(_ channel: any Channel) {
        channels[ObjectIdentifier(channel)] = nil
    }

    /// Closes every open connection and refuses those still being set up.
    func closeAll() async {
        stopped = true
        let open = channels.values
        channels = [:]
        for channel in open {
            try? await channel.close()
        }
    }
}
