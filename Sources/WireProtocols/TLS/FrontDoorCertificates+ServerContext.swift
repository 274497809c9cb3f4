import NIOCore
import NIOSSL

extension FrontDoorCertificates {
    /// The NIOSSL server context every front door shares: TLS 1.2 and 1.3 (the device SDK pins
    /// TLS 1.2, the service SDK negotiates 1.3), and a client certificate requested but optional,
    /// since X.509 devices authenticate with one while SAS devices send none.
    ///
    /// Wrap each accepted connection in ``NIOSSL/NIOSSLServerHandler/frontDoor(context:)``, not in a
    /// plain `NIOSSLServerHandler(context:)`: only that handler accepts whatever certificate a
    /// client sends (a self-signed device certificate chains to no trusted root) and keeps it for
    /// ``NIOCore/Channel/peerCertificates()``. Whether the certificate identifies a device is decided
    /// afterwards by authentication, against the device's thumbprints or the hub's verified CAs,
    /// exactly as IoT Hub answers a bad certificate with CONNACK 5 rather than a failed handshake.
    /// - Throws: `NIOSSLError` if the stored PEM text cannot be loaded.
    public func serverContext() throws -> NIOSSLContext {
        let chain = try NIOSSLCertificate.fromPEMBytes(Array(serverCertificatePEM.utf8))
        let key = try NIOSSLPrivateKey(bytes: Array(serverPrivateKeyPEM.utf8), format: .pem)
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        configuration.maximumTLSVersion = .tlsv13
        configuration.certificateVerification = .optionalVerification
        return try NIOSSLContext(configuration: configuration)
    }
}

extension NIOSSLServerHandler {
    /// The TLS handler for one connection accepted by a front door, using a context from
    /// ``FrontDoorCertificates/serverContext()``.
    ///
    /// It accepts any client certificate at the TLS layer and records the certificates the client
    /// presented (leaf first) so that ``NIOCore/Channel/peerCertificates()`` can hand them to
    /// authentication; the handshake itself proves the client holds the leaf's private key.
    public static func frontDoor(context: NIOSSLContext) -> NIOSSLServerHandler {
        NIOSSLServerHandler(
            context: context,
            customVerificationCallbackWithMetadata: { presented, promise in
                let chain = presented.isEmpty ? nil : ValidatedCertificateChain(presented)
                promise.succeed(.certificateVerified(VerificationMetadata(chain)))
            })
    }
}
