import AzConsole
import Foundation
import IoTSecurity

/// `iotlab pki COMMAND`: certGen.sh's commands without openssl or bash, writing the same files in
/// the same layout, so a learner follows the official labs' certificate steps word for word.
///
/// It needs no workspace: like certGen.sh it works in a folder (the current directory by
/// default), and the certificates it makes are uploaded with `iotlab az` as the labs upload them.
public enum PKIOperation {
    /// Runs `request` in `folder` and reports the files written and what to do next.
    ///
    /// Nothing is replaced unless `force` is set: the files of a root CA that has already been
    /// uploaded and verified, or of a device already enrolled, cannot be made again. The check
    /// runs before any key is generated (an RSA 4096 key takes a moment).
    public static func run(_ request: CertGenRequest, in folder: URL, profile: CertGenProfile, force: Bool) -> ConsoleResult {
        let place = PKIFolder(root: folder.standardizedFileURL)
        do {
            try request.validate()
            let existing = place.existing(request.outputPaths)
            if !existing.isEmpty, !force {
                throw PKIFolderError.wouldOverwrite(paths: existing, folder: place.root.path)
            }
            let issuer = try request.signer.map(place.issuer)
            let files = try request.issue(by: issuer, profile: profile)
            try place.write(files)
            return .success(report(request, files: files, folder: place, profile: profile))
        } catch {
            return .failure("iotlab pki \(request.commandName): \(error)")
        }
    }

    private static func report(_ request: CertGenRequest, files: [CertGenFile], folder: PKIFolder, profile: CertGenProfile) -> String {
        var lines = ["Wrote in \(folder.root.path):"]
        lines += files.map { "  \($0.path)" }
        lines.append(request.guidance)
        lines.append(
            "Test certificates only: valid for \(profile.validityDays) days, CA keys encrypted with the password \(CertGenProfile.caKeyPassword), as certGen.sh makes them.")
        return lines.joined(separator: "\n") + "\n"
    }
}
