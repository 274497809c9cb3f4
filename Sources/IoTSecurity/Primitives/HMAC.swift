internal import COpenSSL

/// Keyed message authentication, the primitive behind every Azure IoT SAS signature and the DPS
/// group-enrollment key derivation.
public enum HMAC {
    /// The 32-byte HMAC-SHA256 of `message` under `key` (RFC 2104; any key length is allowed).
    public static func sha256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        // OpenSSL reads a null key pointer as "reuse the previous key", so empty inputs are passed
        // as a one-byte buffer with a length of zero.
        let keyStorage = key.isEmpty ? [0] : key
        let messageStorage = message.isEmpty ? [0] : message
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        keyStorage.withUnsafeBufferPointer { keyBytes in
            messageStorage.withUnsafeBufferPointer { messageBytes in
                output.withUnsafeMutableBufferPointer { out in
                    _ = COpenSSL.HMAC(
                        EVP_sha256(), keyBytes.baseAddress, Int32(key.count),
                        messageBytes.baseAddress, message.count, out.baseAddress, &length)
                }
            }
        }
        return Array(output.prefix(Int(length)))
    }
}
