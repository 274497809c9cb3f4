import Foundation
import IoTSecurity

/// A device certificate and its key written to a fresh folder, as a learner hands them to an
/// X.509 device's SDK; `remove()` deletes them.
struct DeviceCertificateFiles {
    let certificate: X509Certificate
    let certificateFile: URL
    let keyFile: URL
    private let folder: URL

    init(certificate: X509Certificate, key: PrivateKey) throws {
        self.certificate = certificate
        let name = certificate.subjectCommonName ?? "device"
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-x509-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        certificateFile = folder.appendingPathComponent("\(name).pem")
        keyFile = folder.appendingPathComponent("\(name).key")
        try certificate.pem.write(to: certificateFile, atomically: true, encoding: .utf8)
        try key.pem.write(to: keyFile, atomically: true, encoding: .utf8)
    }

    /// A self-signed device certificate valid for the next hour.
    static func selfSigned(commonName: String) throws -> DeviceCertificateFiles {
        let key = try PrivateKey.generate(.ecP256)
        let certificate = try X509Certificate.selfSigned(
            commonName: commonName, key: key, usage: .endEntity(dnsNames: []), notBefore: Date().addingTimeInterval(-60),
            notAfter: Date().addingTimeInterval(3600))
        return try DeviceCertificateFiles(certificate: certificate, key: key)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
