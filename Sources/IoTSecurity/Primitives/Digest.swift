internal import COpenSSL

/// Message digests, through OpenSSL's EVP interface.
///
/// SHA-1 and SHA-256 are the two hashes Azure IoT uses for X.509 certificate thumbprints; SHA-256
/// is also the hash inside every SAS signature.
public enum Digest {
    /// The 20-byte SHA-1 digest of `data`.
    public static func sha1(_ data: [UInt8]) -> [UInt8] {
        digest(data, algorithm: EVP_sha1())
    }

    /// The 32-byte SHA-256 digest of `data`.
    public static func sha256(_ data: [UInt8]) -> [UInt8] {
        digest(data, algorithm: EVP_sha256())
    }

    private static func digest(_ data: [UInt8], algorithm: OpaquePointer?) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        data.withUnsafeBytes { input in
            output.withUnsafeMutableBufferPointer { out in
                _ = EVP_Digest(input.baseAddress, input.count, out.baseAddress, &length, algorithm, nil)
            }
        }
        return Array(output.prefix(Int(length)))
    }
}
