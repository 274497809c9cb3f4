import Foundation

extension X509Certificate {
    /// Reads a certificate file as users upload it: PEM text, or the bare base64 body of a `.cer`
    /// file (the portal and az accept both, for the hub's and the DPS's certificates alike).
    /// - Throws: ``X509Error/noPEMBlock(expected:)`` when the text is neither;
    ///   ``X509Error/malformedDER(expected:)`` when the bytes are not a certificate.
    public init(fileText text: String) throws(X509Error) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("-----BEGIN") {
            try self.init(pem: trimmed)
        } else if let der = Data(base64Encoded: trimmed, options: .ignoreUnknownCharacters), !der.isEmpty {
            try self.init(der: Array(der))
        } else {
            throw .noPEMBlock(expected: "CERTIFICATE")
        }
    }
}
