import Foundation
import WireProtocols

/// One set of front-door certificates for the tests that only need a TLS server to talk to, so
/// the suite generates its RSA keys once rather than per test (key generation dominates their CPU
/// time, and the machine is shared with the rest of the suite). The temporary folder is left for
/// the system to clear.
enum TLSTestCertificates {
    /// Certificates covering the loopback names and `myhub.azure-devices.net`, valid now.
    static func shared() throws -> FrontDoorCertificates { try created.get() }

    private static let created = Result { () throws(FrontDoorCertificateError) -> FrontDoorCertificates in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-tls-shared-\(UUID().uuidString)")
        return try FrontDoorCertificates.loadOrCreate(in: folder, hostNames: ["myhub.azure-devices.net"], now: Date())
    }
}
