import Foundation
import HubEngine
import LocalCloud
import WireProtocols

/// What `iotlab info` prints for connecting one's own code: the front doors' endpoints, the CA
/// file, ready-to-paste connection strings for every hub and its identities, and the DPS
/// endpoints with a provisioning example.
///
/// Device and module strings keep the hub's `HostName` (the SAS token and MQTT username must name
/// the hub) and add `GatewayHostName`, which the Azure SDKs connect to instead; service strings
/// name the local HTTPS endpoint, port included, as the service SDK connects to `HostName` verbatim.
public struct ConnectionReport: Sendable {
    /// One hub's connection strings.
    struct Hub: Sendable {
        let name: String
        let hostName: String
        /// Policy name and its key, `iothubowner` first when it exists.
        let servicePolicy: (name: String, key: String)?
        /// `(label, connection string)` per device or module, in registry order.
        let identities: [(label: String, connectionString: String)]
        /// How many identities were left out to keep the report short.
        let omitted: Int
    }

    let endpoints: FrontDoorEndpoints?
    let caFile: URL
    let hubs: [Hub]
    let provisioning: ProvisioningReport

    /// At most this many identities are listed per hub; `az iot hub device-identity
    /// connection-string show` gives any other.
    static let identitiesPerHub = 20

    /// The report for the hubs in `cloud`; `endpoints` is `nil` when no front door runs here.
    static func collect(cloud: LocalCloud, endpoints: FrontDoorEndpoints?, caFile: URL) async throws -> ConnectionReport {
        let gateway = (endpoints ?? .defaults).clientHost
        var hubs: [Hub] = []
        for resource in await cloud.hubs() {
            let engine = try await cloud.engine(forHub: resource.name)
            var identities: [(label: String, connectionString: String)] = []
            var total = 0
            for device in try await engine.devices() {
                var entries = [(label: "device \(device.deviceId)", connectionString: Self.deviceString(device, hostName: resource.hostName))]
                for module in try await engine.modules(on: device.deviceId) {
                    entries.append((
                        label: "module \(device.deviceId)/\(module.moduleId)",
                        connectionString: Self.moduleString(module, hostName: resource.hostName)))
                }
                total += entries.count
                identities += entries.prefix(max(0, identitiesPerHub - identities.count))
            }
            let policy = resource.policies.first { $0.keyName == "iothubowner" } ?? resource.policies.first
            hubs.append(Hub(
                name: resource.name, hostName: resource.hostName, servicePolicy: policy.map { ($0.keyName, $0.primaryKey) },
                identities: identities.map { ($0.label, $0.connectionString + ";GatewayHostName=\(gateway)") },
                omitted: total - identities.count))
        }
        return ConnectionReport(
            endpoints: endpoints, caFile: caFile, hubs: hubs, provisioning: try await ProvisioningReport.collect(cloud: cloud))
    }

    /// The report as text: endpoints, CA, then one block per hub.
    public var text: String {
        var lines: [String] = []
        if let endpoints {
            lines.append("front doors")
            lines += endpoints.lines.map { "  " + $0 }
            if let note = endpoints.httpsNote { lines.append("  note: " + note) }
            if endpoints.mqttPort != 8883 {
                lines.append("  note: the Azure device SDKs always connect to MQTT on 8883; only clients that take a port (paho) reach \(endpoints.mqttPort)")
            }
        } else {
            lines.append("front doors  not running here; `iotlab serve` starts them (MQTT 8883, HTTPS 443); the strings below assume those ports")
        }
        let caExists = FileManager.default.fileExists(atPath: caFile.path)
        lines.append("CA file      \(caFile.path)" + (caExists ? "" : " (created by iotlab serve or iotlab ca export FILE)"))
        lines.append("  device SDK:  server_verification_cert=open(\"\(caFile.path)\").read()")
        lines.append("  service SDK: REQUESTS_CA_BUNDLE=\(caFile.path)")
        let serviceHost = (endpoints ?? .defaults).serviceHostName
        for hub in hubs {
            lines.append("")
            lines.append("hub \(hub.name) (\(hub.hostName))")
            if let policy = hub.servicePolicy {
                lines.append("  service \(policy.name)")
                lines.append("    HostName=\(serviceHost);SharedAccessKeyName=\(policy.name);SharedAccessKey=\(policy.key)")
            }
            for identity in hub.identities {
                lines.append("  \(identity.label)")
                lines.append("    \(identity.connectionString)")
            }
            if hub.omitted > 0 {
                lines.append("  … and \(hub.omitted) more: iotlab az iot hub device-identity connection-string show -n \(hub.name) -d ID")
            }
        }
        lines += provisioning.lines(endpoints: endpoints ?? .defaults, caFile: caFile)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A device's SAS string, or for an X.509 device az's `x509=true` form (its certificate and
    /// key are given to the SDK separately).
    private static func deviceString(_ device: DeviceIdentity, hostName: String) -> String {
        device.connectionString(hostName: hostName) ?? "HostName=\(hostName);DeviceId=\(device.deviceId);x509=true"
    }

    private static func moduleString(_ module: ModuleIdentity, hostName: String) -> String {
        module.connectionString(hostName: hostName)
            ?? "HostName=\(hostName);DeviceId=\(module.deviceId);ModuleId=\(module.moduleId);x509=true"
    }
}
