import Foundation
import Testing

/// `iotlab serve` opens the front doors with the workspace's own TLS identity, and `iotlab info`
/// and `iotlab ca export` give learners what their own code needs to reach them.
@Suite struct FrontDoorTests {
    /// Stops a served workspace as Ctrl-C would.
    private func stop(_ server: Process) {
        server.interrupt()
        server.waitUntilExit()
    }

    @Test func servePrintsEveryEndpointAndTheCAItCreated() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        let (server, endpoints) = try await iotlab.startServingFrontDoors()
        defer { stop(server) }

        #expect(endpoints.mqttPort > 0 && endpoints.httpsPort > 0 && endpoints.mqttPort != endpoints.httpsPort)
        #expect(endpoints.printed.contains("listening mqtts://127.0.0.1:\(endpoints.mqttPort) "))
        #expect(endpoints.printed.contains("listening https://127.0.0.1:\(endpoints.httpsPort) "))
        #expect(endpoints.printed.contains("listening wss://127.0.0.1:\(endpoints.httpsPort)/$iothub/websocket "))
        #expect(endpoints.printed.contains("TLS CA \(endpoints.caFile.path)"))
        #expect(FileManager.default.fileExists(atPath: endpoints.caFile.path))
    }

    @Test func theExportedCAVerifiesBothFrontDoorsAsTheSDKsConnect() async throws {
        guard let python = await PythonClient.locate(importing: ["ssl"]) else { return }
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        let (server, endpoints) = try await iotlab.startServingFrontDoors()
        defer { stop(server) }
        let exported = iotlab.workingDirectory.appendingPathComponent("iotlab-ca.pem")
        let export = try await iotlab.run("ca", "export", "iotlab-ca.pem")
        #expect(export.status == 0, "\(export.errors)")
        #expect(export.output.contains(exported.path))
        #expect(try String(contentsOf: exported, encoding: .utf8) == String(contentsOf: endpoints.caFile, encoding: .utf8))

        // The device SDK: TLS 1.2 only, SNI and host check on GatewayHostName=localhost.
        let device = try await python.run(script: "tls_handshake.py", ["\(endpoints.mqttPort)", exported.path, "localhost"])
        #expect(device.lines == ["TLSv1.2"], "\(device.errors)")
        // The service SDK (requests): the default context, HostName=localhost:PORT.
        let service = try await python.run(script: "tls_handshake.py", ["\(endpoints.httpsPort)", exported.path, "localhost", "service"])
        #expect(service.lines == ["TLSv1.3"], "\(service.errors)")
        let byAddress = try await python.run(script: "tls_handshake.py", ["\(endpoints.mqttPort)", exported.path, "127.0.0.1"])
        #expect(byAddress.lines == ["TLSv1.2"], "\(byAddress.errors)")
    }

    @Test func aHubCreatedBetweenTwoServesIsInTheNextServerCertificate() async throws {
        guard let python = await PythonClient.locate(importing: ["ssl"]) else { return }
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        try await iotlab.createHub("first-hub")
        let (first, _) = try await iotlab.startServingFrontDoors()
        stop(first)
        try await iotlab.createHub("second-hub")

        let (server, endpoints) = try await iotlab.startServingFrontDoors()
        defer { stop(server) }
        for host in ["first-hub.azure-devices.net", "second-hub.azure-devices.net"] {
            let handshake = try await python.run(script: "tls_handshake.py", ["\(endpoints.mqttPort)", endpoints.caFile.path, host])
            #expect(handshake.lines == ["TLSv1.2"], "\(host): \(handshake.errors)")
        }
        let stranger = try await python.run(
            script: "tls_handshake.py", ["\(endpoints.mqttPort)", endpoints.caFile.path, "third-hub.azure-devices.net"])
        #expect(stranger.status != 0)
        #expect(stranger.errors.contains("CERTIFICATE_VERIFY_FAILED"), "\(stranger.errors)")
    }

    @Test func infoPrintsTheEndpointsAndConnectionStringsThatWorkLocally() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        try await iotlab.createHub("info-hub", devices: ["sensor-1"])
        let key = try await iotlab.run(
            "az", "iot", "hub", "device-identity", "show", "-n", "info-hub", "-d", "sensor-1",
            "--query", "authentication.symmetricKey.primaryKey", "-o", "tsv")
        let policyKey = try await iotlab.run(
            "az", "iot", "hub", "policy", "show", "--hub-name", "info-hub", "-n", "iothubowner",
            "--query", "primaryKey", "-o", "tsv")
        let (server, endpoints) = try await iotlab.startServingFrontDoors()
        defer { stop(server) }

        let info = try await iotlab.run("info")
        #expect(info.status == 0, "\(info.errors)")
        #expect(info.output.contains("mqtts://127.0.0.1:\(endpoints.mqttPort) "))
        #expect(info.output.contains("https://127.0.0.1:\(endpoints.httpsPort) "))
        #expect(info.output.contains("CA file      \(endpoints.caFile.path)\n"))
        let deviceString = "HostName=info-hub.azure-devices.net;DeviceId=sensor-1;SharedAccessKey=\(key.output.trimmingCharacters(in: .newlines));GatewayHostName=localhost"
        #expect(info.output.contains("    \(deviceString)\n"), "\(info.output)")
        let serviceString = "HostName=localhost:\(endpoints.httpsPort);SharedAccessKeyName=iothubowner;SharedAccessKey=\(policyKey.output.trimmingCharacters(in: .newlines))"
        #expect(info.output.contains("    \(serviceString)\n"), "\(info.output)")
    }

    @Test func theDeviceSDKConnectsWithTheStringInfoPrintedAndTheExportedCA() async throws {
        guard let python = await PythonClient.locate(importing: ["azure.iot.device"]) else { return }
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        try await iotlab.createHub("sdk-hub", devices: ["sensor-1"])
        let (server, endpoints) = try await iotlab.startServingFrontDoors()
        defer { stop(server) }
        let info = try await iotlab.run("info")
        let lines = info.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let printed = try #require(lines.first { $0.hasPrefix("HostName=sdk-hub.azure-devices.net;DeviceId=sensor-1;") })
        #expect(try await iotlab.run("ca", "export", "ca.pem").status == 0)

        let device = try await python.run(
            script: "device_from_info.py", [printed, iotlab.workingDirectory.appendingPathComponent("ca.pem").path],
            environment: ["IOTLAB_MQTT_PORT": "\(endpoints.mqttPort)"])
        #expect(device.lines == ["connected", "sent", "twin 1"], "\(device.errors)")
        let events = try await iotlab.run("endpoint", "read", "events", "-n", "sdk-hub")
        #expect(events.output.contains("sensor-1  source=info  {\"temperature\": 21.5}"), "\(events.output)")
    }

    @Test func theServiceSDKWorksWithTheStringInfoPrintedAndTheCABundle() async throws {
        guard let python = await PythonClient.locate(importing: ["azure.iot.hub"]) else { return }
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        try await iotlab.createHub("service-hub", devices: ["existing"])
        let (server, endpoints) = try await iotlab.startServingFrontDoors()
        defer { stop(server) }
        let info = try await iotlab.run("info")
        let lines = info.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let printed = try #require(lines.first { $0.hasPrefix("HostName=localhost:\(endpoints.httpsPort);SharedAccessKeyName=iothubowner;") })

        let service = try await python.run(
            script: "service_from_info.py", [printed, "made-by-service"],
            environment: ["REQUESTS_CA_BUNDLE": endpoints.caFile.path])
        #expect(service.lines == ["existing", "made-by-service"], "\(service.errors)")
        let shown = try await iotlab.run("az", "iot", "hub", "device-identity", "show", "-n", "service-hub", "-d", "made-by-service", "--query", "deviceId", "-o", "tsv")
        #expect(shown.output == "made-by-service\n")
    }

    @Test func infoWithoutAServerSaysTheFrontDoorsAreNotRunning() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        try await iotlab.createHub("quiet-hub", devices: ["d"])
        let info = try await iotlab.run("info")
        #expect(info.status == 0, "\(info.errors)")
        #expect(info.output.contains("front doors  not running here"))
        #expect(info.output.contains(";DeviceId=d;"))
        #expect(info.output.contains("HostName=localhost;SharedAccessKeyName=iothubowner;"))
    }

    @Test func caExportWithoutAServerCreatesTheCAOnceAndNamesAFileItCannotWrite() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        #expect(try await iotlab.run("ca", "export", "first.pem").status == 0)
        #expect(try await iotlab.run("ca", "export", "second.pem").status == 0)
        let first = try String(contentsOf: iotlab.workingDirectory.appendingPathComponent("first.pem"), encoding: .utf8)
        let second = try String(contentsOf: iotlab.workingDirectory.appendingPathComponent("second.pem"), encoding: .utf8)
        #expect(first.hasPrefix("-----BEGIN CERTIFICATE-----\n"))
        #expect(first == second, "the CA is created once per workspace")

        let missing = iotlab.workingDirectory.appendingPathComponent("no-such-folder/ca.pem")
        let failed = try await iotlab.run("ca", "export", missing.path)
        #expect(failed.status != 0)
        #expect(failed.errors.contains("TLS file \(missing.path) cannot be written"), "\(failed.errors)")
    }

    @Test func aBusyPortIsAnErrorNamingThePortAndItsFlag() async throws {
        let holder = try IoTLabProcess()
        defer { holder.cleanUp() }
        let (server, endpoints) = try await holder.startServingFrontDoors()
        defer { stop(server) }

        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        let busy = try await iotlab.run(["serve", "--mqtt-port", "\(endpoints.mqttPort)", "--https-port", "0"])
        #expect(busy.status != 0)
        #expect(busy.errors.contains("port \(endpoints.mqttPort) on 127.0.0.1 is already in use"), "\(busy.errors)")
        #expect(busy.errors.contains("--mqtt-port"))
        let busyHTTPS = try await iotlab.run(["serve", "--mqtt-port", "0", "--https-port", "\(endpoints.httpsPort)"])
        #expect(busyHTTPS.status != 0)
        #expect(busyHTTPS.errors.contains("port \(endpoints.httpsPort) on 127.0.0.1 is already in use"), "\(busyHTTPS.errors)")
        #expect(busyHTTPS.errors.contains("--https-port"))
        // Refused before taking the workspace: a later serve opens it.
        let (again, _) = try await iotlab.startServingFrontDoors()
        stop(again)
        #expect(again.terminationStatus == 0)
    }

    @Test func https443WithoutThePrivilegeMovesTo8443AndSaysWhatNeeds443() async throws {
        // Without root, 443 is refused as is; as root, setpriv drops the capability that allows it.
        let launcher = getuid() == 0 ? ["/usr/bin/setpriv", "--inh-caps=-all", "--bounding-set=-net_bind_service"] : []
        guard launcher.isEmpty || FileManager.default.isExecutableFile(atPath: launcher[0]) else {
            Issue.record("running as root, /usr/bin/setpriv is needed to take away the right to bind 443")
            return
        }
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        try await iotlab.createHub("fallback-hub")
        let (server, endpoints) = try await iotlab.startServingFrontDoors(["--mqtt-port", "0"], launcher: launcher)
        defer { stop(server) }
        #expect(endpoints.httpsPort == 8443)
        #expect(endpoints.printed.contains("note: HTTPS is on 8443 because this process may not bind 443."))
        #expect(endpoints.printed.contains("MQTT over WebSockets and file upload always use 443"))
        let info = try await iotlab.run("info")
        #expect(info.output.contains("    HostName=localhost:8443;SharedAccessKeyName=iothubowner;"), "\(info.output)")
    }

    @Test func aWorkspaceResetKeepsTheFrontDoorsOnTheirPorts() async throws {
        guard let python = await PythonClient.locate(importing: ["ssl"]) else { return }
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        let (server, endpoints) = try await iotlab.startServingFrontDoors()
        defer { stop(server) }
        let reset = try await iotlab.run("workspace", "reset", "--yes")
        #expect(reset.status == 0, "\(reset.errors)")
        let handshake = try await python.run(script: "tls_handshake.py", ["\(endpoints.mqttPort)", endpoints.caFile.path, "localhost"])
        #expect(handshake.lines == ["TLSv1.2"], "\(handshake.errors)")
        let info = try await iotlab.run("info")
        #expect(info.output.contains("mqtts://127.0.0.1:\(endpoints.mqttPort) "))
    }
}
