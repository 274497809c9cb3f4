import Foundation
import HubEngine
import IoTSecurity
import JSONValue
import LabCore
import LocalCloud
import NIOPosix
import ProvisioningEngine
import TestSupport
import Testing
import WireProtocols
import WorkspaceStore

/// A cloud with hub `dps-lab` linked to DPS `dps1`, served over TLS by an `MQTTServer` and an
/// `HTTPSServer` (MQTT over WebSockets, the DPS REST API) on free loopback ports, with a server
/// certificate for the hub's and DPS's host names.
struct DPSFixture {
    static let hubName = "dps-lab"
    static let hubHost = "dps-lab.azure-devices.net"
    static let dpsName = "dps1"

    let workspace: Workspace
    let cloud: LocalCloud
    let mqtt: MQTTServer
    let https: HTTPSServer
    let certificates: FrontDoorCertificates
    let idScope: String

    /// Validity spanning the lab clock's start (2026-01-01, which DPS checks chains on) and today.
    static let validity = (Date(timeIntervalSince1970: 1_577_836_800), Date(timeIntervalSince1970: 2_051_222_400))

    static func with(_ body: (DPSFixture) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-dps-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try Workspace.inMemory()
        let cloud = try LocalCloud(workspace: workspace, clock: ManualClock())
        _ = try await cloud.createHub(HubCreation(name: hubName))
        let dps = try await cloud.createProvisioningService(name: dpsName)
        let connectionString = try await cloud.hub(named: hubName).connectionString()
        _ = try await cloud.linkHub(toProvisioningService: dpsName, connectionString: connectionString)
        let certificates = try FrontDoorCertificates.loadOrCreate(
            in: folder, hostNames: [hubHost, ProvisioningServiceResource.deviceHostName, dps.serviceHostName], now: Date())
        let tls = try certificates.serverContext()
        let group = MultiThreadedEventLoopGroup.singleton
        let mqtt = try await MQTTServer.start(host: "127.0.0.1", port: 0, tls: tls, cloud: cloud, tokenClock: SystemClock(), group: group)
        let https = try await HTTPSServer.start(
            host: "127.0.0.1", port: 0, tls: tls, cloud: cloud, tokenClock: SystemClock(), group: group, webSocketMQTT: mqtt)
        let fixture = DPSFixture(workspace: workspace, cloud: cloud, mqtt: mqtt, https: https, certificates: certificates, idScope: dps.idScope)
        do {
            try await body(fixture)
        } catch {
            try? await https.stop()
            try? await mqtt.stop()
            throw error
        }
        try await https.stop()
        try await mqtt.stop()
    }

    func hub() async throws -> IoTHub { try await cloud.engine(forHub: Self.hubName) }

    /// A symmetric-key individual enrollment; returns its primary key.
    @discardableResult
    func enrollSymmetric(_ registrationId: String, policy: EnrollmentPolicy = EnrollmentPolicy()) async throws -> String {
        let key = SymmetricKey.generate().base64
        let enrollment = IndividualEnrollment(
            registrationId: registrationId, attestation: .symmetricKey(primaryKey: key, secondaryKey: SymmetricKey.generate().base64),
            policy: policy)
        _ = try await cloud.createEnrollment(enrollment, dpsName: Self.dpsName)
        return key
    }

    /// Runs `provisioning_client.py` for `registrationId` with `arguments` (the credential and
    /// options) and returns its JSON line; `nil` (a recorded failure) without the venv's Python.
    func provision(_ registrationId: String, idScope: String? = nil, _ arguments: [String]) async throws -> JSONValue? {
        guard let python = await PythonInterpreter.required(importing: ["azure.iot.device", "paho.mqtt.client"]) else { return nil }
        let script = PythonInterpreter.clientScripts.appendingPathComponent("provisioning_client.py").path
        let result = try await ChildProcess.run(
            python, [script, idScope ?? self.idScope, registrationId, certificates.caFile.path] + arguments,
            environment: [
                "PYTHONPATH": PythonInterpreter.clientScripts.path,
                "IOTLAB_MQTT_PORT": String(mqtt.localPort), "IOTLAB_HTTPS_PORT": String(https.localPort),
            ],
            timeoutSeconds: 150)
        #expect(result.status == 0, "the client exited with \(result.status) (124: it hung and was killed): \(result.errors)")
        return try JSONValue(parsing: result.lines.last ?? "")
    }

    /// Every message on the hub's built-in endpoint so far.
    func builtInMessages() throws -> [HubMessage] {
        let reader = EndpointReader(workspace: workspace, hubName: Self.hubName)
        var positions = try reader.positions(partitionCount: 4, at: .earliest)
        return try reader.readAll(from: &positions, limit: 1000).map(\.message)
    }
}

/// Certificates and keys written to a folder, as certGen.sh leaves them for a lab.
struct DPSCertificateFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-dps-certs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// A CA (self-signed root when `issuer` is nil).
    static func authority(_ name: String, issuer: (X509Certificate, PrivateKey)? = nil) throws -> (X509Certificate, PrivateKey) {
        let key = try PrivateKey.generate(.ecP256)
        let (notBefore, notAfter) = DPSFixture.validity
        let certificate = try issuer.map {
            try X509Certificate.issued(
                commonName: name, subjectKey: key, issuer: $0.0, issuerKey: $0.1, usage: .certificateAuthority, notBefore: notBefore, notAfter: notAfter)
        } ?? X509Certificate.selfSigned(commonName: name, key: key, usage: .certificateAuthority, notBefore: notBefore, notAfter: notAfter)
        return (certificate, key)
    }

    /// A device certificate whose CN is the registration id, written with `chain` after it
    /// (`{id}.cert.pem`, `{id}.key.pem`); self-signed when `issuer` is nil. Returns the files.
    func device(_ registrationId: String, issuer: (X509Certificate, PrivateKey)?, chain: [X509Certificate] = []) throws
        -> (certificate: X509Certificate, certificateFile: String, keyFile: String)
    {
        let key = try PrivateKey.generate(.ecP256)
        let (notBefore, notAfter) = DPSFixture.validity
        let certificate = try issuer.map {
            try X509Certificate.issued(
                commonName: registrationId, subjectKey: key, issuer: $0.0, issuerKey: $0.1, usage: .endEntity(dnsNames: []),
                notBefore: notBefore, notAfter: notAfter)
        } ?? X509Certificate.selfSigned(commonName: registrationId, key: key, usage: .endEntity(dnsNames: []), notBefore: notBefore, notAfter: notAfter)
        let certificateFile = url.appendingPathComponent("\(registrationId).cert.pem")
        let keyFile = url.appendingPathComponent("\(registrationId).key.pem")
        try ([certificate] + chain).map(\.pem).joined(separator: "\n").write(to: certificateFile, atomically: true, encoding: .utf8)
        try key.pem.write(to: keyFile, atomically: true, encoding: .utf8)
        return (certificate, certificateFile.path, keyFile.path)
    }
}
