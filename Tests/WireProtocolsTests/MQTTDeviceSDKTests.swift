import Foundation
import HubEngine
import IoTSecurity
import JSONValue
import LabCore
import LocalCloud
import NIOPosix
import Testing
import WireProtocols
import WorkspaceStore

/// The real `azure-iot-device` 2.14.0 SDK over TLS against an in-process `MQTTServer`.
///
/// The SDK hard-codes port 8883, which tests running side by side (here and in other worktrees)
/// cannot all bind. So the server listens on a free port and the script gives the SDK an HTTP
/// CONNECT proxy (the SDK's own `proxy_options`, reference §1) that forwards to it: the SDK still
/// dials `localhost:8883`, checks the certificate for `localhost` and speaks TLS end to end.
/// The tests run one at a time only to spare the CPU: each starts a Python SDK process.
@Suite(.serialized) struct MQTTDeviceSDKTests {
    static let script = #"""
        import json, socket, sys, threading
        from azure.iot.device import IoTHubDeviceClient, IoTHubModuleClient, Message, MethodResponse, ProxyOptions, X509
        from azure.iot.device.exceptions import CredentialError
        host, device, key, ca_file, mode, port = sys.argv[1:7]
        ca = open(ca_file).read()
        result = {}

        from tunnel import tunnel_to
        proxied = []
        tunnel = tunnel_to(int(port), proxied)
        if mode == "x509":
            # key is "certificate-file:key-file" here
            cert_file, key_file = key.split(":")
            client = IoTHubDeviceClient.create_from_x509_certificate(
                X509(cert_file, key_file), hostname=host, device_id=device, server_verification_cert=ca,
                gateway_hostname="localhost", connection_retry=False, proxy_options=tunnel)
            client.connect()
            client.send_message(Message("from x509"))
            client.shutdown()
            result["sent"] = True
            result["proxied"] = proxied[0] if proxied else None
            print(json.dumps(result))
            sys.exit(0)
        if mode == "module":
            # device is "deviceId/moduleId" here
            device_id, module_id = device.split("/")
            cs = f"HostName={host};DeviceId={device_id};ModuleId={module_id};SharedAccessKey={key};GatewayHostName=localhost"
            client = IoTHubModuleClient.create_from_connection_string(
                cs, server_verification_cert=ca, connection_retry=False, proxy_options=tunnel)
            client.connect()
            client.send_message_to_output(Message("to output", content_type="application/json"), "out1")
            client.patch_twin_reported_properties({"stage": "filter"})
            result["twin"] = client.get_twin()
            client.shutdown()
            result["proxied"] = proxied[0] if proxied else None
            print(json.dumps(result))
            sys.exit(0)
        cs = f"HostName={host};DeviceId={device};SharedAccessKey={key};GatewayHostName=localhost"
        client = IoTHubDeviceClient.create_from_connection_string(
            cs, server_verification_cert=ca, connection_retry=False, proxy_options=tunnel)
        if mode == "bad-key":
            try:
                client.connect()
                result["error"] = None
            except CredentialError:
                result["error"] = "CredentialError"
            except Exception as e:
                result["error"] = type(e).__name__
            client.shutdown()
            result["proxied"] = proxied[0] if proxied else None
            print(json.dumps(result))
            sys.exit(0)
        client.connect()
        message = Message('{"temperature": 21.5}', message_id="m-1", content_encoding="utf-8", content_type="application/json")
        message.custom_properties["alert level"] = "a/b=c&d"
        client.send_message(message)
        result["twin"] = client.get_twin()
        client.patch_twin_reported_properties({"firmware": "2.0"})
        desired, c2d, method = threading.Event(), threading.Event(), threading.Event()
        def on_patch(patch):
            result["desired"] = patch
            desired.set()
        def on_message(message):
            result["c2d"] = {"data": message.data.decode(), "id": message.message_id, "props": message.custom_properties}
            c2d.set()
        def on_method(request):
            result["method"] = {"name": request.name, "payload": request.payload}
            client.send_method_response(MethodResponse.create_from_method_request(request, 200, {"rebooted": True}))
            method.set()
        client.on_twin_desired_properties_patch_received = on_patch
        client.on_message_received = on_message
        client.on_method_request_received = on_method
        print("SUBSCRIBED", flush=True)
        result["received"] = [desired.wait(60), c2d.wait(60), method.wait(60)]
        client.shutdown()
        result["proxied"] = proxied[0] if proxied else None
        print(json.dumps(result))
        """#

    struct Hub {
        let workspace: Workspace
        let cloud: LocalCloud
        let hub: IoTHub
        let server: MQTTServer
        let caFile: URL
        let key: String
    }

    /// A hub on `clock` (a fixed lab time unless a test needs certificates issued today to be valid).
    static func withHub(clock: ManualClock = ManualClock(), _ body: (Hub) async throws -> Void) async throws {
        let workspace = try Workspace.inMemory()
        let cloud = try LocalCloud(workspace: workspace, clock: clock)
        _ = try await cloud.createHub(HubCreation(name: MQTTServerFixture.hubName))
        let hub = try await cloud.engine(forHub: MQTTServerFixture.hubName)
        let device = try await hub.createDevice(DeviceIdentity(deviceId: "d1"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-mqtt-sdk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificates = try FrontDoorCertificates.loadOrCreate(
            in: folder, hostNames: ["localhost", "127.0.0.1", "::1", MQTTServerFixture.hostName], now: Date())
        let server = try await MQTTServer.start(
            host: "127.0.0.1", port: 0, tls: certificates.serverContext(), cloud: cloud, tokenClock: SystemClock(),
            group: MultiThreadedEventLoopGroup.singleton)
        let fixture = Hub(workspace: workspace, cloud: cloud, hub: hub, server: server, caFile: certificates.caFile, key: device.authentication.primaryKey ?? "")
        do {
            try await body(fixture)
        } catch {
            try await server.stop()
            throw error
        }
        try await server.stop()
    }

    /// Runs the SDK script; `nil` (with a recorded issue) without Python. `subscribed` runs when
    /// the script says its handlers are set, which the SDK does only once each SUBACK arrived.
    static func runSDK(
        _ fixture: Hub, deviceId: String = "d1", key: String, mode: String, subscribed: @escaping @Sendable () -> Void = {}
    ) async throws -> JSONValue? {
        guard let python = MQTTPythonScript.locate() else { return nil }
        return try await python.run(
            script, arguments: [MQTTServerFixture.hostName, deviceId, key, fixture.caFile.path, mode, String(fixture.server.localPort)],
            onLine: { if $0 == "SUBSCRIBED" { subscribed() } })
    }

    @Test func theDeviceSDKSendsTwinsAndReceivesPatchesMessagesAndMethods() async throws {
        try await Self.withHub { fixture in
            let hub = fixture.hub
            // Once the SDK has subscribed to all three, the service side acts.
            let (subscribed, signal) = AsyncStream.makeStream(of: Void.self)
            let service = Task {
                for await _ in subscribed { break }
                _ = try await hub.updateTwin(of: "d1", patch: ["properties": ["desired": ["interval": 5]]], ifMatch: nil)
                try await hub.sendCloudToDevice(CloudToDeviceMessage(body: Array("hello".utf8), properties: ["k": "v/w"], messageId: "c-1"), to: "d1")
                return try await hub.invokeMethod(DirectMethodCall(methodName: "reboot", payload: ["delay": 1]), onDevice: "d1")
            }
            let result = try await Self.runSDK(fixture, key: fixture.key, mode: "full", subscribed: { signal.yield() })
            // Had the script failed before subscribing, the service side now runs and fails.
            signal.finish()
            guard let result else {
                service.cancel()
                return
            }
            let method = try await service.value
            #expect(result["proxied"] == "CONNECT localhost:8883 HTTP/1.1")
            #expect(result["received"] == [true, true, true])
            #expect(result["twin"]?["desired"]?["$version"] == 1)
            #expect(result["desired"] == ["interval": 5, "$version": 2])
            #expect(result["c2d"] == ["data": "hello", "id": "c-1", "props": ["k": "v/w"]])
            #expect(result["method"] == ["name": "reboot", "payload": ["delay": 1]])
            #expect(method.status == 200)
            #expect(method.payload == ["rebooted": true])
            #expect(try await hub.twin(of: "d1")["properties"]?["reported"]?["firmware"] == "2.0")
            let reader = EndpointReader(workspace: fixture.workspace, hubName: MQTTServerFixture.hubName)
            var positions = try reader.positions(partitionCount: 4, at: .earliest)
            let message = try #require(try reader.readAll(from: &positions, limit: 10).first?.message)
            #expect(message.systemProperties.messageId == "m-1")
            #expect(message.systemProperties.contentType == "application/json")
            #expect(message.applicationProperties["alert level"] == "a/b=c&d")
        }
    }

    @Test func theDeviceSDKWithABadKeyGetsCredentialError() async throws {
        try await Self.withHub { fixture in
            guard let result = try await Self.runSDK(fixture, key: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", mode: "bad-key") else { return }
            #expect(result["error"] == "CredentialError")
        }
    }

    @Test func aSelfSignedX509DeviceConnectsWithItsCertificateAndNoPassword() async throws {
        try await Self.withHub { fixture in
            let files = try DeviceCertificateFiles.selfSigned(commonName: "x1")
            defer { files.remove() }
            let certificate = files.certificate
            let certificateFile = files.certificateFile
            let keyFile = files.keyFile
            _ = try await fixture.hub.createDevice(DeviceIdentity(
                deviceId: "x1", authentication: .selfSigned(primaryThumbprint: X509Thumbprint.sha256(ofDER: certificate.der))))
            guard let result = try await Self.runSDK(fixture, deviceId: "x1", key: certificateFile.path + ":" + keyFile.path, mode: "x509") else { return }
            #expect(result["sent"] == true)
            let reader = EndpointReader(workspace: fixture.workspace, hubName: MQTTServerFixture.hubName)
            var positions = try reader.positions(partitionCount: 4, at: .earliest)
            let message = try #require(try reader.readAll(from: &positions, limit: 10).first?.message)
            #expect(message.body == Array("from x509".utf8))
            #expect(message.systemProperties.connectionAuthMethod?.contains(#""type":"x509Certificate""#) == true)
        }
    }

    @Test func aCASignedDeviceConnectsThroughAVerifiedCACertificate() async throws {
        try await Self.withHub { fixture in
            // Validity spans the lab clock's start as well as today: the hub checks the chain on the lab clock.
            let (notBefore, notAfter) = (Date(timeIntervalSince1970: 1_577_836_800), Date(timeIntervalSince1970: 2_051_222_400))
            let rootKey = try PrivateKey.generate(.ecP256)
            let root = try X509Certificate.selfSigned(
                commonName: "Azure IoT Hub CA Cert Test Only", key: rootKey, usage: .certificateAuthority, notBefore: notBefore, notAfter: notAfter)
            _ = try await fixture.cloud.createCertificate(hubName: MQTTServerFixture.hubName, name: "root-ca-cert", pem: root.pem, verified: true)
            _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "sensor-thl-2000", authentication: .certificateAuthority))
            let deviceKey = try PrivateKey.generate(.ecP256)
            let device = try X509Certificate.issued(
                commonName: "sensor-thl-2000", subjectKey: deviceKey, issuer: root, issuerKey: rootKey, usage: .endEntity(dnsNames: []),
                notBefore: notBefore, notAfter: notAfter)
            let files = try DeviceCertificateFiles(certificate: device, key: deviceKey)
            defer { files.remove() }
            guard let result = try await Self.runSDK(
                fixture, deviceId: "sensor-thl-2000", key: files.certificateFile.path + ":" + files.keyFile.path, mode: "x509") else { return }
            #expect(result["sent"] == true)
            let reader = EndpointReader(workspace: fixture.workspace, hubName: MQTTServerFixture.hubName)
            var positions = try reader.positions(partitionCount: 4, at: .earliest)
            let message = try #require(try reader.readAll(from: &positions, limit: 10).first?.message)
            #expect(message.systemProperties.connectionDeviceId == "sensor-thl-2000")
        }
    }

    @Test func aModuleClientSendsToAnOutputAndPatchesItsTwin() async throws {
        try await Self.withHub { fixture in
            let module = try await fixture.hub.createModule(ModuleIdentity(moduleId: "filter", deviceId: "d1"))
            guard let result = try await Self.runSDK(fixture, deviceId: "d1/filter", key: module.authentication.primaryKey ?? "", mode: "module") else { return }
            #expect(result["twin"]?["reported"]?["stage"] == "filter")
            let reader = EndpointReader(workspace: fixture.workspace, hubName: MQTTServerFixture.hubName)
            var positions = try reader.positions(partitionCount: 4, at: .earliest)
            let message = try #require(try reader.readAll(from: &positions, limit: 10).first?.message)
            #expect(message.body == Array("to output".utf8))
            #expect(message.systemProperties.connectionModuleId == "filter")
            #expect(message.systemProperties.contentType == "application/json")
        }
    }
}
