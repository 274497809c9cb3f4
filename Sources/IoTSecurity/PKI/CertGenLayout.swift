/// The files certGen.sh (Azure/azure-iot-sdk-c and Azure/iotedge `tools/CACertificates`) writes,
/// by the same relative paths, so that every path in the official labs' text names the file
/// `iotlab pki` wrote: keys under `private/`, certificates, chains and `.pfx` files under `certs/`.
public enum CertGenLayout {
    /// The folder of certificates, chains and `.pfx` files.
    public static let certificatesFolder = "certs"
    /// The folder of private keys.
    public static let privateFolder = "private"

    /// The root CA's file prefix, `azure-iot-test-only.root.ca`.
    public static let rootPrefix = "azure-iot-test-only.root.ca"
    /// The intermediate CA's file prefix, `azure-iot-test-only.intermediate`.
    public static let intermediatePrefix = "azure-iot-test-only.intermediate"

    /// `certs/azure-iot-test-only.root.ca.cert.pem`: what lab 06 uploads as `root-ca-cert` and
    /// lab 12 installs as the downstream device's trusted root.
    public static let rootCertificate = certificate(rootPrefix)
    /// `private/azure-iot-test-only.root.ca.key.pem`, encrypted with ``CertGenProfile/caKeyPassword``.
    public static let rootKey = key(rootPrefix)
    /// `certs/azure-iot-test-only.intermediate.cert.pem`.
    public static let intermediateCertificate = certificate(intermediatePrefix)
    /// `private/azure-iot-test-only.intermediate.key.pem`, encrypted with ``CertGenProfile/caKeyPassword``.
    public static let intermediateKey = key(intermediatePrefix)
    /// `certs/azure-iot-test-only.chain.ca.cert.pem`: intermediate then root (azure-iot-sdk-c's name).
    public static let caChain = "\(certificatesFolder)/azure-iot-test-only.chain.ca.cert.pem"
    /// `certs/azure-iot-test-only.intermediate-full-chain.cert.pem`: the same chain by iotedge's name.
    public static let intermediateFullChain = fullChain(intermediatePrefix)
    /// `certs/azure-iot-test-only.intermediate.cert.pfx`: the intermediate, its key and the root.
    public static let intermediatePFX = pfx(intermediatePrefix)

    /// The prefix of a device certificate, `new-device`, which lab 06 renames per device.
    public static let devicePrefix = "new-device"
    /// The prefix of a proof-of-possession certificate, `verification-code`.
    public static let verificationPrefix = "verification-code"

    /// The prefix of an IoT Edge device CA named `name`: `iot-edge-device-ca-NAME`.
    public static func edgeDeviceCAPrefix(_ name: String) -> String { "iot-edge-device-ca-\(name)" }

    /// `certs/PREFIX.cert.pem`.
    public static func certificate(_ prefix: String) -> String { "\(certificatesFolder)/\(prefix).cert.pem" }
    /// `private/PREFIX.key.pem`.
    public static func key(_ prefix: String) -> String { "\(privateFolder)/\(prefix).key.pem" }
    /// `certs/PREFIX-full-chain.cert.pem`: the certificate followed by every CA up to the root.
    public static func fullChain(_ prefix: String) -> String { "\(certificatesFolder)/\(prefix)-full-chain.cert.pem" }
    /// `certs/PREFIX.cert.pfx`.
    public static func pfx(_ prefix: String) -> String { "\(certificatesFolder)/\(prefix).cert.pfx" }
}
