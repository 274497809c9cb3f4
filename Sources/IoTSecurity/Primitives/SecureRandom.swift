internal import COpenSSL

/// Cryptographically strong random bytes, for shared access keys and anything else an attacker must
/// not guess.
///
/// Azure generates symmetric keys from a CSPRNG; OpenSSL's `RAND_bytes` is the same class of source.
public enum SecureRandom {
    /// Returns `count` random bytes (an empty array when `count` is not positive).
    ///
    /// If OpenSSL's generator ever reports failure (it cannot on a seeded Linux system), the bytes
    /// come from the standard library's system generator, which is also cryptographically secure,
    /// so a caller never receives predictable bytes and never has to handle an error.
    public static func bytes(count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        let status = buffer.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        guard status != 1 else { return buffer }
        var system = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &system) }
    }
}
