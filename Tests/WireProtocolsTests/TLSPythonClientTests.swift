import Foundation
import IoTSecurity
import Testing
import WireProtocols

/// The server seen through Python's `ssl`, configured exactly as the Azure device SDK configures it.
@Suite struct TLSPythonClientTests {
    let now = Date()

    @Test(arguments: ["localhost", "127.0.0.1"])
    func theDeviceSDKsTLS12ClientVerifiesTheServer(host: String) async throws {
        guard let python = await TLSPython.locate() else { return }
        let certificates = try TLSTestCertificates.shared()
        let server = try await TLSTestServer(context: certificates.serverContext())
        let result = try await python.handshake(["\(server.port)", certificates.caFile.path, host])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.lines == ["TLSv1.2"])
        try await server.stop()
    }

    @Test func theDeviceSDKsClientRefusesAHostTheCertificateDoesNotCover() async throws {
        guard let python = await TLSPython.locate() else { return }
        let certificates = try TLSTestCertificates.shared()
        let server = try await TLSTestServer(context: certificates.serverContext())
        let result = try await python.handshake(["\(server.port)", certificates.caFile.path, "otherhub.azure-devices.net"])
        #expect(result.status != 0)
        #expect(result.errors.contains("CERTIFICATE_VERIFY_FAILED"), "\(result.errors)")
        try await server.stop()
    }

    @Test func anX509DeviceCertificateLoadedWithLoadCertChainReachesTheServer() async throws {
        guard let python = await TLSPython.locate() else { return }
        let certificates = try TLSTestCertificates.shared()
        let folder = try TLSTestFolder()
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        let server = try await TLSTestServer(context: certificates.serverContext())
        let key = try PrivateKey.generate(.rsa(bits: 2048))
        let device = try X509Certificate.selfSigned(
            commonName: "x509-device", key: key, usage: .endEntity(dnsNames: []),
            notBefore: now.addingTimeInterval(-60), notAfter: now.addingTimeInterval(86_400))
        let certificateFile = folder.url.appendingPathComponent("device.cert.pem")
        let keyFile = folder.url.appendingPathComponent("device.key.pem")
        try device.pem.write(to: certificateFile, atomically: true, encoding: .utf8)
        try key.pem.write(to: keyFile, atomically: true, encoding: .utf8)

        let result = try await python.handshake(
            ["\(server.port)", certificates.caFile.path, "localhost", certificateFile.path, keyFile.path])
        #expect(result.status == 0, "\(result.errors)")
        guard case .completed(_, let presented) = await server.nextHandshake() else {
            Issue.record("the server must complete the handshake")
            return
        }
        #expect(presented.leaf == device.der)
        #expect(presented.chain.isEmpty)
        try await server.stop()
    }
}
