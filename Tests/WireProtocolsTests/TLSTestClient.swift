import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS

/// A NIOSSL client that connects, completes (or fails) the handshake with full verification of the
/// server, and reports the outcome.
enum TLSTestClient {
    /// A client certificate with its chain (leaf first) and the leaf's key, as PEM.
    struct Identity {
        let certificatesPEM: [String]
        let keyPEM: String
    }

    /// Connects to 127.0.0.1:`port`, trusting only `trustedCAPEM` and checking the certificate
    /// against `serverHostname` (or, when `nil`, against the IP address connected to).
    /// `whileConnected` runs after the handshake, before the connection is closed.
    /// - Returns: the negotiated TLS version.
    /// - Throws: the handshake's error.
    static func handshake(
        port: Int, trustedCAPEM: String, serverHostname: String?, identity: Identity? = nil,
        maximumVersion: TLSVersion = .tlsv13, whileConnected: () async throws -> Void = {}
    ) async throws -> TLSVersion? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(trustedCAPEM.utf8)))
        configuration.certificateVerification = .fullVerification
        configuration.maximumTLSVersion = maximumVersion
        if let identity {
            configuration.certificateChain = try identity.certificatesPEM.map {
                .certificate(try NIOSSLCertificate(bytes: Array($0.utf8), format: .pem))
            }
            configuration.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(identity.keyPEM.utf8), format: .pem))
        }
        let context = try NIOSSLContext(configuration: configuration)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let outcome = group.next().makePromise(of: TLSVersion?.self)
        let result: Result<TLSVersion?, any Error>
        do {
            let channel = try await ClientBootstrap(group: group)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: context, serverHostname: serverHostname))
                        try channel.pipeline.syncOperations.addHandler(HandshakeWaiter(outcome: outcome))
                    }
                }
                .connect(host: "127.0.0.1", port: port).get()
            do {
                let version = try await outcome.futureResult.get()
                try await whileConnected()
                result = .success(version)
            } catch {
                result = .failure(error)
            }
            try? await channel.close()
        } catch {
            outcome.fail(error)
            result = .failure(error)
        }
        try await group.shutdownGracefully()
        return try result.get()
    }
}

/// Completes `outcome` with the TLS version once the handshake completes, or with its error.
private final class HandshakeWaiter: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    private let outcome: EventLoopPromise<TLSVersion?>

    init(outcome: EventLoopPromise<TLSVersion?>) {
        self.outcome = outcome
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent {
            outcome.succeed(try? context.pipeline.syncOperations.nioSSL_tlsVersion())
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        outcome.fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        outcome.fail(ChannelError.ioOnClosedChannel)
        context.fireChannelInactive()
    }
}
