import Foundation
import HubEngine
import IoTSecurity
import LabCore
import Testing
import WireProtocols

/// The real `azure-iot-device` SDK authenticates with the files `iotlab pki` writes, exactly as a
/// learner passes them: `X509(cert_file="certs/new-device.cert.pem", key_file="private/new-device.key.pem")`,
/// against a hub where the certGen root CA is uploaded and verified (lab 06's flow, the hub side of
/// which `PKICommandTests` drives through `iotlab az`). Certificates are issued today, as the tool
/// issues them, so the hub's lab clock starts today too.
@Suite(.serialized) struct PKIDeviceSDKTests {
    /// A folder holding what `create-root-and-intermediate` and then `request` write.
    struct CertGenFolder {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-pki-sdk-\(UUID().uuidString)")
        let profile = CertGenProfile(keyAlgorithm: .rsa(bits: 2048), now: Date())

        func write(_ files: [CertGenFile]) throws {
            for file in files {
                let url = root.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents).write(to: url)
            }
        }

        func text(_ path: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }

        /// Runs `create-root-and-intermediate`, then `request` signed by its CA, and returns the root PEM.
        func create(_ request: CertGenRequest) throws -> String {
            try write(CertGenRequest.rootAndIntermediate.issue(by: nil, profile: profile))
            let role = try #require(request.signer)
            let texts = try role.requiredFiles.map(text)
            let issuer = try CertGenIssuer(certificatePEM: texts[0], keyPEM: texts[1], chainAbovePEM: Array(texts.dropFirst(2)))
            try write(request.issue(by: issuer, profile: profile))
            return try text(CertGenLayout.rootCertificate)
        }

        func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// Registers `deviceId` as CA-authenticated under a verified root, connects the SDK with
    /// `certificateFile` and the device key, and checks that its telemetry arrived under that id.
    private func connect(_ deviceId: String, request: CertGenRequest, certificateFile: String) async throws {
        let folder = CertGenFolder()
        defer { folder.remove() }
        let rootPEM = try folder.create(request)
        try await MQTTDeviceSDKTests.withHub(clock: ManualClock(start: Date())) { fixture in
            _ = try await fixture.cloud.createCertificate(hubName: MQTTServerFixture.hubName, name: "root-ca-cert", pem: rootPEM, verified: true)
            _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: deviceId, authentication: .certificateAuthority))
            let files = folder.path(certificateFile) + ":" + folder.path(CertGenLayout.key(CertGenLayout.devicePrefix))
            guard let result = try await MQTTDeviceSDKTests.runSDK(fixture, deviceId: deviceId, key: files, mode: "x509") else { return }
            #expect(result["sent"] == true)
            let reader = EndpointReader(workspace: fixture.workspace, hubName: MQTTServerFixture.hubName)
            var positions = try reader.positions(partitionCount: 4, at: .earliest)
            let message = try #require(try reader.readAll(from: &positions, limit: 10).first?.message)
            #expect(message.systemProperties.connectionDeviceId == deviceId)
        }
    }

    @Test func aCreateDeviceCertificateDeviceConnectsThroughTheVerifiedRoot() async throws {
        try await connect(
            "sensor-thl-2000", request: .deviceCertificate(name: "sensor-thl-2000"),
            certificateFile: CertGenLayout.certificate(CertGenLayout.devicePrefix))
    }

    @Test func aDeviceFromTheIntermediateConnectsWithItsFullChainFile() async throws {
        try await connect(
            "sensor-thl-2001", request: .deviceCertificateFromIntermediate(name: "sensor-thl-2001"),
            certificateFile: CertGenLayout.fullChain(CertGenLayout.devicePrefix))
    }
}
