import Foundation
import JSONValue
import Testing

/// The DPS as a learner meets it: `iotlab serve`, the lab's az setup lines, `iotlab info`, the
/// simulated TPM's CLI, and the Python SDK provisioning through the served front doors.
@Suite(.serialized) struct DPSEndToEndTests {
    private func stop(_ server: Process) {
        server.interrupt()
        server.waitUntilExit()
    }

    /// `az` through the serving process; the trimmed output of a command that must succeed.
    private func az(_ iotlab: IoTLabProcess, _ arguments: String...) async throws -> String {
        let result = try await iotlab.run(["az"] + arguments)
        #expect(result.status == 0, "az \(arguments.joined(separator: " ")): \(result.errors)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A hub and DPS linked as the lab 05 setup script leaves them; returns the ID scope.
    private func setUp(_ iotlab: IoTLabProcess) async throws -> String {
        try await iotlab.createHub("lab-hub")
        _ = try await az(iotlab, "iot", "dps", "create", "--name", "lab-dps", "-g", "iotlab", "--sku", "S1", "-o", "none")
        let connection = try await az(iotlab, "iot", "hub", "connection-string", "show", "--hub-name", "lab-hub", "--query", "connectionString", "-o", "tsv")
        _ = try await az(
            iotlab, "iot", "dps", "linked-hub", "create", "--dps-name", "lab-dps", "-g", "iotlab", "--connection-string", connection,
            "--location", "westus", "-o", "none")
        return try await az(iotlab, "iot", "dps", "show", "--name", "lab-dps", "--query", "properties.idScope", "-o", "tsv")
    }

    @Test func infoShowsTheDPSAndTheSDKProvisionsThroughServe() async throws {
        guard let python = await PythonClient.locate(importing: ["azure.iot.device"]) else { return }
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        let scope = try await setUp(iotlab)
        _ = try await az(iotlab, "iot", "dps", "enrollment", "create", "--dps-name", "lab-dps", "--enrollment-id", "sensor-thl-1000", "--attestation-type", "symmetrickey", "-o", "none")
        let key = try await az(
            iotlab, "iot", "dps", "enrollment", "show", "--dps-name", "lab-dps", "--enrollment-id", "sensor-thl-1000", "--show-keys",
            "--query", "attestation.symmetricKey.primaryKey", "-o", "tsv")
        let (server, endpoints) = try await iotlab.startServingFrontDoors()
        defer { stop(server) }

        let info = try await iotlab.run("info")
        #expect(info.output.contains("lab-dps (ID scope \(scope))"), "\(info.output)")
        #expect(info.output.contains("dps lab-dps  ID scope \(scope)  hubs: lab-hub.azure-devices.net"), "\(info.output)")
        #expect(info.output.contains("registration_id=\"sensor-thl-1000\", id_scope=\"\(scope)\", symmetric_key=\"\(key)\""), "\(info.output)")

        let provisioned = try await python.run(
            script: "provisioning_client.py",
            [scope, "sensor-thl-1000", endpoints.caFile.path, "--key", key, "--telemetry", "1"],
            environment: ["IOTLAB_MQTT_PORT": "\(endpoints.mqttPort)"], timeout: 120)
        let result = try JSONValue(parsing: provisioned.lines.last ?? "")
        #expect(result["status"] == "assigned", "\(provisioned.errors)")
        #expect(result["sent"] == 1)
        let status = try await az(iotlab, "iot", "dps", "registration", "show", "--dps-name", "lab-dps", "--rid", "sensor-thl-1000", "--query", "status", "-o", "tsv")
        #expect(status == "assigned")
    }

    @Test func aSimulatedTPMIsEnrolledAndRegistersOverHTTPS() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        let scope = try await setUp(iotlab)
        let created = try await iotlab.run("tpm", "create", "--registration-id", "tpm-device-1")
        #expect(created.status == 0, "\(created.errors)")
        let lines = created.output.split(separator: "\n").map(String.init)
        let endorsementKey = try #require(lines.firstIndex { $0.hasPrefix("Endorsement key") }.map { lines[$0 + 1] })
        let again = try await iotlab.run("tpm", "create", "--registration-id", "tpm-device-1")
        #expect(again.status != 0)
        #expect(again.errors.contains("already exists"))
        _ = try await az(
            iotlab, "iot", "dps", "enrollment", "create", "--dps-name", "lab-dps", "--enrollment-id", "tpm-device-1", "--attestation-type", "tpm",
            "--endorsement-key", endorsementKey, "-o", "none")
        let (server, endpoints) = try await iotlab.startServingFrontDoors()
        defer { stop(server) }

        let registered = try await iotlab.run(
            "tpm", "register", "--id-scope", scope, "--registration-id", "tpm-device-1", "--port", "\(endpoints.httpsPort)")
        #expect(registered.status == 0, "\(registered.errors)")
        #expect(registered.output.contains(#""status" : "assigned""#) || registered.output.contains(#""status": "assigned""#), "\(registered.output)")
        #expect(registered.output.contains("HostName=lab-hub.azure-devices.net;DeviceId=tpm-device-1;SharedAccessKey="))
        let unknown = try await iotlab.run("tpm", "register", "--id-scope", scope, "--registration-id", "nobody", "--port", "\(endpoints.httpsPort)")
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("iotlab tpm create --registration-id nobody"))
    }
}
