import Foundation
import LocalCloud
import WireProtocols

/// The DPS part of `iotlab info`: where devices register, each instance's ID scope and linked
/// hubs, and a provisioning example that runs as printed.
///
/// Devices name `global.azure-devices-provisioning.net` and then their assigned hub
/// (`NAME.azure-devices.net`), neither of which resolves offline: the example connects to
/// `localhost` (`provisioning_host`, then `gateway_hostname`), which the server certificate covers.
struct ProvisioningReport: Sendable {
    struct Service: Sendable {
        let name: String
        let idScope: String
        let linkedHubs: [String]
        /// An enrolled symmetric-key registration to show in the example, with its key.
        let example: (registrationId: String, key: String)?
    }

    let services: [Service]

    static func collect(cloud: LocalCloud) async throws -> ProvisioningReport {
        var services: [Service] = []
        for service in await cloud.provisioningServices() {
            let enrollments = try await cloud.enrollments(dpsName: service.name, resourceGroup: service.resourceGroup)
            let example = enrollments.lazy.compactMap { enrollment -> (String, String)? in
                guard case .symmetricKey(let primary, _) = enrollment.attestation else { return nil }
                return (enrollment.registrationId, primary)
            }.first
            services.append(Service(
                name: service.name, idScope: service.idScope, linkedHubs: service.linkedHubs.map(\.hostName),
                example: example.map { (registrationId: $0.0, key: $0.1) }))
        }
        return ProvisioningReport(services: services)
    }

    /// The section's lines; none when there is no DPS.
    func lines(endpoints: FrontDoorEndpoints, caFile: URL) -> [String] {
        guard !services.isEmpty else { return [] }
        var lines = [
            "",
            "device provisioning (DPS)",
            "  MQTT   \(endpoints.clientHost):\(endpoints.mqttPort), user name {idScope}/registrations/{registrationId}/api-version=2019-03-31",
            "  HTTPS  https://\(endpoints.clientHost):\(endpoints.httpsPort)/{idScope}/registrations/{registrationId}/register?api-version=2021-06-01",
            "  TPM    iotlab tpm create --registration-id ID, then iotlab tpm register --id-scope SCOPE --registration-id ID",
        ]
        for service in services {
            let hubs = service.linkedHubs.isEmpty
                ? "no linked hub yet (iotlab az iot dps linked-hub create --dps-name \(service.name) --hub-name HUB)"
                : service.linkedHubs.joined(separator: ", ")
            lines.append("  dps \(service.name)  ID scope \(service.idScope)  hubs: \(hubs)")
        }
        let service = services.first { $0.example != nil } ?? services[0]
        let registrationId = service.example?.registrationId ?? "REGISTRATION_ID"
        let key = service.example?.key ?? "ENROLLMENT_KEY"
        lines += [
            "  example (python, azure-iot-device):",
            "    from azure.iot.device import ProvisioningDeviceClient, IoTHubDeviceClient, Message",
            "    ca = open(\"\(caFile.path)\").read()",
            "    dps = ProvisioningDeviceClient.create_from_symmetric_key(provisioning_host=\"\(endpoints.clientHost)\",",
            "        registration_id=\"\(registrationId)\", id_scope=\"\(service.idScope)\", symmetric_key=\"\(key)\", server_verification_cert=ca)",
            "    result = dps.register()",
            "    device = IoTHubDeviceClient.create_from_symmetric_key(symmetric_key=\"\(key)\",",
            "        hostname=result.registration_state.assigned_hub, device_id=result.registration_state.device_id,",
            "        server_verification_cert=ca, gateway_hostname=\"\(endpoints.clientHost)\")",
            "    device.connect(); device.send_message(Message('{\"temperature\": 21}')); device.shutdown()",
        ]
        if service.example == nil {
            lines.append("    (enroll first: iotlab az iot dps enrollment create --dps-name \(service.name) --enrollment-id ID --attestation-type symmetricKey)")
        }
        if endpoints.mqttPort != 8883 {
            lines.append("  note: the Python SDK dials 8883 for DPS too; run serve with --mqtt-port 8883 for this example")
        }
        return lines
    }
}
