/// X.509 certificate thumbprints, as a self-signed device identity registers them and as the hub
/// compares them with the certificate a device presents.
///
/// Azure accepts a SHA-1 (40 hex digits) or SHA-256 (64 hex digits) thumbprint and shows it in
/// uppercase; users often paste the `AB:CD:...` form `openssl x509 -fingerprint` prints.
public enum X509Thumbprint {
    /// The thumbprint as uppercase hex digits with separators removed.
    ///
    /// Colons and spaces between digits are tolerated; anything else that is not a hex digit, or
    /// a digit count other than 40 or 64, is refused.
    /// - Throws: ``ThumbprintError`` naming the offending character and its 1-based column, or the
    ///   digit count.
    public static func normalized(_ text: String) throws(ThumbprintError) -> String {
        var digits: [UInt8] = []
        for (offset, character) in text.enumerated() {
            if character == ":" || character == " " { continue }
            guard let ascii = character.asciiValue, Hex.value(of: ascii) != nil else {
                throw .invalidCharacter(character, column: offset + 1)
            }
            digits.append(ascii)
        }
        guard digits.count == sha1DigitCount || digits.count == sha256DigitCount else {
            throw .wrongLength(digitCount: digits.count)
        }
        return String(decoding: digits, as: UTF8.self).uppercased()
    }

    /// The SHA-1 thumbprint of a DER-encoded certificate, the form Azure shows by default.
    public static func sha1(ofDER certificate: [UInt8]) -> String {
        Hex.encode(Digest.sha1(certificate))
    }

    /// The SHA-256 thumbprint of a DER-encoded certificate.
    public static func sha256(ofDER certificate: [UInt8]) -> String {
        Hex.encode(Digest.sha256(certificate))
    }

    static let sha1DigitCount = 40
    static let sha256DigitCount = 64
}
