import Foundation
import IoTSecurity

/// A self-signed device certificate and its key written to a fresh folder, as a learner makes one
/// for an X.509 device to hand to its SDK; `remove()` deletes them.
struct SelfSignedDeviceFiles {
    let certificate: X509Certificate
    let certificateFile: URL
    let keyFile: URL
    private let folder: URL

    init(commonName: String) throws {
        let key = try PrivateKey.generate(.ecP256)
        certificate = try X509Certificate.selfSigned(
            commonName: commonName, key: key, usage: .endEntity(dnsNames: []), notBefore: Date().addingTimeInterval(-60),
            notAfter: Date().addingTimeInterval(3600))
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-x509-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        certificateFile = folder.appendingPathComponent("\(commonName).pem")
        keyFile = folder.appendingPathComponent("\(commonName).key")
        try certificate.pem.write(to: certificateFile, atomically: true, encoding: .utf8)
        try key.pem.write(to: keyFile, atomically: true, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
