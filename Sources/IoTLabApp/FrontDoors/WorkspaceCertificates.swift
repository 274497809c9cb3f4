import Foundation
import LocalCloud
import WireProtocols
import WorkspaceStore

/// The front-door certificates of a workspace: its CA, and a server certificate covering the
/// loopback names, every hub's `NAME.azure-devices.net`, DPS's global device endpoint
/// (`global.azure-devices-provisioning.net`) and every DPS's `NAME.azure-devices-provisioning.net`,
/// and the address served to a classroom.
///
/// The server certificate is brought up to date when the front doors start (a hub created while
/// they run is covered from the next start); clients that use `GatewayHostName=localhost` or a
/// service `HostName=localhost:PORT` never need more than the loopback names.
enum WorkspaceCertificates {
    /// Loads or creates the certificates for `hubNames`, `provisioningHostNames`, and for `listenHost` when it is an
    /// address clients name (not loopback; for a wildcard bind, the machine's host name).
    /// `now` is the real wall clock, which TLS clients check validity against.
    static func load(
        home: WorkspaceHome, hubNames: [String], provisioningHostNames: [String], listenHost: String?, now: Date
    ) throws -> FrontDoorCertificates {
        var hostNames = hubNames.map { "\($0).azure-devices.net" } + [ProvisioningServiceResource.deviceHostName]
            + provisioningHostNames
        if let listenHost {
            switch listenHost {
            case "127.0.0.1", "::1", "localhost": break
            case "0.0.0.0", "::": hostNames.append(ProcessInfo.processInfo.hostName)
            default: hostNames.append(listenHost)
            }
        }
        return try FrontDoorCertificates.loadOrCreate(in: home.tlsFolder, hostNames: hostNames, now: now)
    }
}
