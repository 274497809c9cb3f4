import Foundation
import IoTSecurity

/// certGen.sh's `create_root_and_intermediate`, with P-256 keys for speed: a root CA, an
/// intermediate it signed, valid for 30 days from `start`.
struct TestAuthority {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)
    static let end = start.addingTimeInterval(30 * 86_400)

    let rootKey: PrivateKey
    let root: X509Certificate
    let intermediateKey: PrivateKey
    let intermediate: X509Certificate

    init() throws {
        rootKey = try PrivateKey.generate(.ecP256)
        root = try X509Certificate.selfSigned(
            commonName: "Azure IoT Hub CA Cert Test Only", key: rootKey, usage: .certificateAuthority,
            notBefore: Self.start, notAfter: Self.end)
        intermediateKey = try PrivateKey.generate(.ecP256)
        intermediate = try X509Certificate.issued(
            commonName: "Azure IoT Hub Intermediate Cert Test Only", subjectKey: intermediateKey,
            issuer: root, issuerKey: rootKey, usage: .certificateAuthority,
            notBefore: Self.start, notAfter: Self.end)
    }

    /// certGen.sh's `create_device_certificate_from_intermediate <name>`.
    func device(_ name: String, notAfter: Date = end) throws -> (key: PrivateKey, certificate: X509Certificate) {
        let key = try PrivateKey.generate(.ecP256)
        let certificate = try X509Certificate.issued(
            commonName: name, subjectKey: key, issuer: intermediate, issuerKey: intermediateKey,
            usage: .endEntity(dnsNames: []), notBefore: Self.start, notAfter: notAfter)
        return (key, certificate)
    }
}
