/// Why `iotlab pki` could not use its folder; each description names the file and what to do.
enum PKIFolderError: Error, Equatable, CustomStringConvertible {
    /// Files the command would write exist already, and `--force` was not given.
    case wouldOverwrite(paths: [String], folder: String)
    /// A file exists but cannot be read.
    case unreadable(path: String, reason: String)
    /// A file or folder cannot be written.
    case unwritable(path: String, reason: String)

    var description: String {
        switch self {
        case .wouldOverwrite(let paths, let folder):
            """
            \(paths.joined(separator: ", ")) already \(paths.count == 1 ? "exists" : "exist") in \(folder): \
            rename what you want to keep (lab 06 renames new-device.cert.pfx to sensor-thl-2000-device.cert.pfx), \
            or pass --force to replace \(paths.count == 1 ? "it" : "them")
            """
        case .unreadable(let path, let reason):
            "\(path) cannot be read: \(reason)"
        case .unwritable(let path, let reason):
            "\(path) cannot be written: \(reason)"
        }
    }
}
