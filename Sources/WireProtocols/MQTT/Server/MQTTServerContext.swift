import LabCore
import LocalCloud
import NIOCore

/// What every connection of one `MQTTServer` shares: the cloud it authenticates against, the
/// clock SAS expiry is judged by, the persistent sessions and the open connections.
struct MQTTServerContext: Sendable {
    let cloud: LocalCloud
    /// The wall clock tokens are checked against; the SDKs sign with real time even when the
    /// lab clock has been fast-forwarded.
    let tokenClock: any LabClock
    let sessions: MQTTSessionStore
    let connections: MQTTOpenConnections
}
