import Foundation
import IoTSecurity
import NIOCore
import NIOEmbedded
import NIOSSL
import Testing
import WireProtocols

@Suite struct TLSHandshakeTests {
    /// Certificates are checked by clients against the real clock.
    let now = Date()

    /// The shared front-door certificates, and a server presenting them.
    private func serving() async throws -> (FrontDoorCertificates, TLSTestServer) {
        let certificates = try TLSTestCertificates.shared()
        return (certificates, try await TLSTestServer(context: certificates.serverContext()))
    }

    @Test func aClientTrustingTheCAVerifiesTheServerAsLocalhostAndAs127001() async throws {
        let (certificates, server) = try await serving()
        let byName = try await TLSTestClient.handshake(
            port: server.port, trustedCAPEM: certificates.caCertificatePEM, serverHostname: "localhost")
        #expect(byName == .tlsv13)
        let byAddress = try await TLSTestClient.handshake(
            port: server.port, trustedCAPEM: certificates.caCertificatePEM, serverHostname: nil)
        #expect(byAddress == .tlsv13)
        try await server.stop()
    }

    @Test func aHubHostNameIsVerifiedWhenTheClientSendsItAsSNI() async throws {
        let (certificates, server) = try await serving()
        let version = try await TLSTestClient.handshake(
            port: server.port, trustedCAPEM: certificates.caCertificatePEM, serverHostname: "myhub.azure-devices.net")
        #expect(version == .tlsv13)
        try await server.stop()
    }

    @Test func aTLS12OnlyClientIsServedAsTheDeviceSDKNeeds() async throws {
        let (certificates, server) = try await serving()
        let version = try await TLSTestClient.handshake(
            port: server.port, trustedCAPEM: certificates.caCertificatePEM, serverHostname: "localhost",
            maximumVersion: .tlsv12)
        #expect(version == .tlsv12)
        try await server.stop()
    }

    @Test func aClientTrustingAnotherCARefusesTheServer() async throws {
        let (_, server) = try await serving()
        let folder = try TLSTestFolder()
        let stranger = try FrontDoorCertificates.loadOrCreate(in: folder.url, hostNames: [], now: now)
        await #expect(throws: NIOSSLError.self) {
            try await TLSTestClient.handshake(
                port: server.port, trustedCAPEM: stranger.caCertificatePEM, serverHostname: "localhost")
        }
        try await server.stop()
    }

    @Test func aClientWithoutACertificateIsAcceptedAndPresentsNone() async throws {
        let (certificates, server) = try await serving()
        _ = try await TLSTestClient.handshake(
            port: server.port, trustedCAPEM: certificates.caCertificatePEM, serverHostname: "localhost"
        ) {
            let presented = try await serverSidePeerCertificates(server)
            #expect(presented.leaf == nil && presented.chain.isEmpty)
        }
        try await server.stop()
    }

    @Test(arguments: [TLSVersion.tlsv12, .tlsv13])
    func aSelfSignedDeviceCertificateIsAcceptedAndCapturedForAuthentication(version: TLSVersion) async throws {
        let (certificates, server) = try await serving()
        let key = try PrivateKey.generate(.ecP256)
        let device = try X509Certificate.selfSigned(
            commonName: "thermostat-01", key: key, usage: .endEntity(dnsNames: []),
            notBefore: now.addingTimeInterval(-60), notAfter: now.addingTimeInterval(86_400))
        let negotiated = try await TLSTestClient.handshake(
            port: server.port, trustedCAPEM: certificates.caCertificatePEM, serverHostname: "localhost",
            identity: .init(certificatesPEM: [device.pem], keyPEM: key.pem), maximumVersion: version
        ) {
            let presented = try await serverSidePeerCertificates(server)
            #expect(presented.leaf == device.der)
            #expect(presented.chain.isEmpty)
        }
        #expect(negotiated == version)
        try await server.stop()
    }

    @Test func aCASignedDeviceChainIsCapturedLeafFirst() async throws {
        let (certificates, server) = try await serving()
        let rootKey = try PrivateKey.generate(.ecP256)
        let root = try X509Certificate.selfSigned(
            commonName: "Azure IoT Hub CA Cert Test Only", key: rootKey, usage: .certificateAuthority,
            notBefore: now.addingTimeInterval(-60), notAfter: now.addingTimeInterval(86_400))
        let intermediateKey = try PrivateKey.generate(.ecP256)
        let intermediate = try X509Certificate.issued(
            commonName: "Azure IoT Hub Intermediate Cert Test Only", subjectKey: intermediateKey, issuer: root,
            issuerKey: rootKey, usage: .certificateAuthority,
            notBefore: now.addingTimeInterval(-60), notAfter: now.addingTimeInterval(86_400))
        let deviceKey = try PrivateKey.generate(.ecP256)
        let device = try X509Certificate.issued(
            commonName: "ca-device", subjectKey: deviceKey, issuer: intermediate, issuerKey: intermediateKey,
            usage: .endEntity(dnsNames: []), notBefore: now.addingTimeInterval(-60), notAfter: now.addingTimeInterval(86_400))

        _ = try await TLSTestClient.handshake(
            port: server.port, trustedCAPEM: certificates.caCertificatePEM, serverHostname: "localhost",
            identity: .init(certificatesPEM: [device.pem, intermediate.pem], keyPEM: deviceKey.pem)
        ) {
            let presented = try await serverSidePeerCertificates(server)
            #expect(presented.leaf == device.der)
            #expect(presented.chain == [intermediate.der])
        }
        try await server.stop()
    }

    /// What `Channel.peerCertificates()` returns on the server side of the next connection, asked
    /// while the client is still connected (as a listener asks when CONNECT arrives).
    private func serverSidePeerCertificates(_ server: TLSTestServer) async throws -> (leaf: [UInt8]?, chain: [[UInt8]]) {
        switch await server.nextHandshake() {
        case .completed(let channel, _):
            return await channel.peerCertificates()
        case .failed(let reason):
            Issue.record("the server must complete the handshake: \(reason)")
            return (nil, [])
        }
    }

    @Test func aChannelWithoutTLSHasNoPeerCertificates() throws {
        let channel = EmbeddedChannel()
        #expect(throws: ChannelPipelineError.notFound) {
            try channel.pipeline.syncOperations.peerCertificates()
        }
        _ = try channel.finish()
    }
}
