/// One file a certGen command produces, by its path relative to the certificate folder.
public struct CertGenFile: Sendable, Hashable {
    /// Where the file goes, e.g. `certs/new-device.cert.pem` (see ``CertGenLayout``).
    public let path: String
    /// The file's bytes: PEM text, or DER for a `.pfx`.
    public let contents: [UInt8]
    /// Whether the file holds a private key (a key file or a `.pfx`), so it is written readable
    /// by its owner only.
    public let isSecret: Bool

    public init(path: String, contents: [UInt8], isSecret: Bool) {
        self.path = path
        self.contents = contents
        self.isSecret = isSecret
    }

    init(path: String, text: String, isSecret: Bool = false) {
        self.init(path: path, contents: Array(text.utf8), isSecret: isSecret)
    }
}
