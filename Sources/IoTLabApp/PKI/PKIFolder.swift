import Foundation
import IoTSecurity

/// The folder `iotlab pki` works in (the current directory unless `--dir` names another), laid
/// out as certGen.sh lays out its working directory: `certs/` and `private/`.
struct PKIFolder {
    let root: URL

    /// The paths among `paths` that exist already.
    func existing(_ paths: [String]) -> [String] {
        paths.filter { FileManager.default.fileExists(atPath: url($0).path) }
    }

    /// The CA that signs for `role`, read from the files an earlier `create-root-and-intermediate`
    /// wrote here.
    /// - Throws: ``CertGenError/missingAuthority(file:runFirst:)`` naming the first missing file,
    ///   ``PKIFolderError/unreadable(path:reason:)``, or the CertGenError of a file that does not parse.
    func issuer(_ role: CertGenIssuer.Role) throws -> CertGenIssuer {
        if let missing = role.requiredFiles.first(where: { !FileManager.default.fileExists(atPath: url($0).path) }) {
            throw CertGenError.missingAuthority(file: url(missing).path, runFirst: CertGenRequest.rootAndIntermediate.commandName)
        }
        let texts = try role.requiredFiles.map(read)
        // requiredFiles lists the CA's certificate, its key, then the certificates above it.
        return try CertGenIssuer(certificatePEM: texts[0], keyPEM: texts[1], chainAbovePEM: Array(texts.dropFirst(2)))
    }

    /// Writes `files`, creating `certs/` and `private/` (the latter readable by the owner only);
    /// files holding a private key are readable by the owner only, as OpenSSL writes keys.
    func write(_ files: [CertGenFile]) throws(PKIFolderError) {
        for (folder, mode) in [(CertGenLayout.certificatesFolder, 0o755), (CertGenLayout.privateFolder, 0o700)] {
            do {
                try FileManager.default.createDirectory(
                    at: url(folder), withIntermediateDirectories: true, attributes: [.posixPermissions: mode])
            } catch {
                throw .unwritable(path: url(folder).path, reason: error.localizedDescription)
            }
        }
        for file in files {
            let target = url(file.path)
            // A replaced file may be read-only, as certGen.sh leaves its own.
            try? FileManager.default.removeItem(at: target)
            let written = FileManager.default.createFile(
                atPath: target.path, contents: Data(file.contents), attributes: [.posixPermissions: file.isSecret ? 0o600 : 0o644])
            guard written else { throw .unwritable(path: target.path, reason: "cannot create a file in \(target.deletingLastPathComponent().path)") }
        }
    }

    func url(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }

    private func read(_ path: String) throws(PKIFolderError) -> String {
        do {
            return try String(contentsOf: url(path), encoding: .utf8)
        } catch {
            throw .unreadable(path: url(path).path, reason: error.localizedDescription)
        }
    }
}
