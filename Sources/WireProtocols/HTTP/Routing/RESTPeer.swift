/// The connection a request came on, as far as the operations need it: the client certificate
/// an X.509 device presented during the TLS handshake, and the port it reached.
struct RESTPeer: Sendable {
    /// DER of the peer's leaf certificate and of the rest of its chain.
    let certificates: @Sendable () async -> (leaf: [UInt8]?, chain: [[UInt8]])
    /// The local port the connection was accepted on, which file-upload answers name.
    let localPort: Int

    /// A plain-TCP peer, or one that sent no certificate.
    static func anonymous(localPort: Int) -> RESTPeer {
        RESTPeer(certificates: { (nil, []) }, localPort: localPort)
    }
}
