import NIOCore
import NIOSSL

extension Channel {
    /// DER of the certificate the TLS client presented and of the rest of the chain it sent, after
    /// the handshake; `(nil, [])` on a plain connection or when the client sent no certificate.
    ///
    /// Authentication needs both: a self-signed device is matched by the leaf's thumbprint, a
    /// CA-signed one by a chain from the leaf to a CA verified on the hub.
    public func peerCertificates() async -> (leaf: [UInt8]?, chain: [[UInt8]]) {
        let result = try? await eventLoop.submit { [self] in
            try pipeline.syncOperations.peerCertificates()
        }.get()
        return result ?? (nil, [])
    }
}

extension ChannelPipeline.SynchronousOperations {
    /// ``NIOCore/Channel/peerCertificates()`` for code already on the channel's event loop.
    /// - Throws: `ChannelPipelineError.notFound` when the pipeline has no TLS handler.
    public func peerCertificates() throws -> (leaf: [UInt8]?, chain: [[UInt8]]) {
        let handler = try handler(type: NIOSSLHandler.self)
        if let presented = handler.peerValidatedCertificateChain {
            let der = presented.compactMap { try? $0.toDERBytes() }
            return (der.first, Array(der.dropFirst()))
        }
        // A resumed TLS session runs no verification callback; its leaf is still known.
        return (try handler.peerCertificate?.toDERBytes(), [])
    }
}
