/// The connection a request came on, as far as authentication needs it: the client certificate
/// an X.509 device presented during the TLS handshake, if any.
struct RESTPeer: Sendable {
    /// DER of the peer's leaf certificate and of the rest of its chain.
    let certificates: @Sendable () async -> (leaf: [UInt8]?, chain: [[UInt8]])

    /// A plain-TCP peer, or one that sent no certificate.
    static let anonymous = RESTPeer { (nil, []) }
}
