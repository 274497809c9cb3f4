/// A shared access key, as a device identity, a hub policy or a DPS enrollment holds it.
///
/// Azure generates 32 random bytes and shows them in base64; it accepts a key a user supplies only
/// when it is valid base64 that decodes to 16 to 64 bytes. Both rules live here so that the hub,
/// DPS and the az console agree on them.
public struct SymmetricKey: Sendable, Hashable {
    /// The shortest key Azure accepts, in bytes.
    public static let minimumByteCount = 16
    /// The longest key Azure accepts, in bytes.
    public static let maximumByteCount = 64

    /// The raw key material, the HMAC key for SAS signatures.
    public let bytes: [UInt8]

    /// A fresh random key, as Azure creates when a device or policy is added without keys.
    ///
    /// `byteCount` is clamped to 16...64 so that a generated key is always one Azure would accept.
    public static func generate(byteCount: Int = 32) -> SymmetricKey {
        let count = min(max(byteCount, minimumByteCount), maximumByteCount)
        return SymmetricKey(validatedBytes: SecureRandom.bytes(count: count))
    }

    /// Accepts a key given in base64, as `--primary-key` or a device's `symmetricKey.primaryKey`.
    ///
    /// - Throws: ``KeyValidationError/notBase64`` unless `base64` is canonical padded base64, and
    ///   ``KeyValidationError/wrongLength(byteCount:)`` unless it decodes to 16 to 64 bytes.
    public init(base64: String) throws(KeyValidationError) {
        guard let decoded = Base64.decode(base64) else { throw .notBase64 }
        guard (Self.minimumByteCount...Self.maximumByteCount).contains(decoded.count) else {
            throw .wrongLength(byteCount: decoded.count)
        }
        bytes = decoded
    }

    /// Wraps bytes this module produced itself (random or derived), which are in range by
    /// construction.
    init(validatedBytes: [UInt8]) {
        bytes = validatedBytes
    }

    /// The key in base64, the only form Azure ever shows or accepts.
    public var base64: String { Base64.encode(bytes) }
}
