import Foundation

/// How certGen.sh makes its test certificates (subjects, passwords, key type, validity), with the
/// choices `iotlab pki` leaves to the learner: the key algorithm and the number of days.
public struct CertGenProfile: Sendable, Hashable {
    /// The root CA's subject CN, as the Azure portal shows it after lab 06's upload.
    public static let rootCommonName = "Azure IoT Hub CA Cert Test Only"
    /// The intermediate CA's subject CN.
    public static let intermediateCommonName = "Azure IoT Hub Intermediate Cert Test Only"
    /// The password certGen.sh encrypts both CA keys with (`-aes256 -passout pass:1234`).
    public static let caKeyPassword = "1234"
    /// The password of device and verification `.pfx` files, which lab 06's C# code hard-codes
    /// as `certificatePassword = "1234"`.
    public static let devicePFXPassword = "1234"
    /// The password of an IoT Edge device CA's `.pfx`: none, as iotedge's certGen.sh writes it.
    public static let edgePFXPassword = ""
    /// certGen.sh's validity: 30 days.
    public static let defaultValidityDays = 30
    /// The longest validity `iotlab pki` issues: ten years.
    public static let maximumValidityDays = 3650
    /// certGen.sh's key: RSA 4096.
    public static let defaultKeyAlgorithm = PrivateKey.Algorithm.rsa(bits: 4096)

    /// The algorithm of every key generated.
    public var keyAlgorithm: PrivateKey.Algorithm
    /// How long each certificate is valid from ``now``.
    public var validityDays: Int
    /// When certificates become valid (the wall clock for a learner; fixed in tests).
    public var now: Date

    /// certGen.sh's defaults unless told otherwise.
    public init(keyAlgorithm: PrivateKey.Algorithm = defaultKeyAlgorithm, validityDays: Int = defaultValidityDays, now: Date) {
        self.keyAlgorithm = keyAlgorithm
        self.validityDays = validityDays
        self.now = now
    }

    /// The start of every certificate's validity.
    var notBefore: Date { now }
    /// The end of every certificate's validity.
    var notAfter: Date { now.addingTimeInterval(TimeInterval(validityDays) * 86_400) }
}
