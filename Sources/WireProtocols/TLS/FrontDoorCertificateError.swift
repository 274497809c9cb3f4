import IoTSecurity

/// Why the front doors' certificates could not be loaded or created. Each case names the file, so
/// a learner knows what to fix (or that deleting the `tls` folder makes iotlab start afresh).
public enum FrontDoorCertificateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A certificate or key file exists but cannot be read or is not what it should be.
    case unreadable(file: String, reason: String)
    /// The folder or a file in it cannot be written.
    case unwritable(path: String, reason: String)
    /// OpenSSL could not generate a key or sign a certificate.
    case issuing(X509Error)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "TLS file \(file) cannot be used (\(reason)); delete it to have iotlab create a new one"
        case .unwritable(let path, let reason):
            "TLS file \(path) cannot be written: \(reason)"
        case .issuing(let error):
            "TLS certificate could not be issued: \(error)"
        }
    }
}
