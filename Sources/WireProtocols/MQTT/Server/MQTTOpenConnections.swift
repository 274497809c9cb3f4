import NIOCore

/// The channels a server has open, so stopping it ends them too (closing the listener alone
/// leaves accepted connections running).
actor MQTTOpenConnections {
    private var channels: [ObjectIdentifier: any Channel] = [:]

    init() {}

    func insert(_ channel: any Channel) {
        channels[ObjectIdentifier(channel)] = channel
    }

    func remove(_ channel: any Channel) {
        channels[ObjectIdentifier(channel)] = nil
    }

    /// Closes every open connection and waits until each has closed.
    func closeAll() async {
        let open = channels.values
        channels = [:]
        for channel in open {
            try? await channel.close()
        }
    }
}
