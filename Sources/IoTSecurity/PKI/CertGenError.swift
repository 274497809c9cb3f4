/// Why `iotlab pki` could not issue what was asked; each description names the argument or file
/// at fault and what to do.
public enum CertGenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A name or verification code cannot be a certificate's CN (or, for an edge CA, a file name).
    case invalidName(argument: String, value: String, rule: String)
    /// The validity is not a whole number of days within the range allowed.
    case invalidValidity(days: Int)
    /// A file of the CA that must sign is missing: `file` names it, `runFirst` the command that
    /// makes it.
    case missingAuthority(file: String, runFirst: String)
    /// A CA certificate on disk was not issued by the CA it should chain to, so a chain built from
    /// them would not verify.
    case brokenChain(certificate: String, issuer: String)
    /// A key or certificate operation failed.
    case certificate(X509Error)

    public var description: String {
        switch self {
        case .invalidName(let argument, let value, let rule):
            "\(argument) '\(value)' is invalid: \(rule)"
        case .invalidValidity(let days):
            "--days \(days) is invalid: a certificate is valid for 1 to \(CertGenProfile.maximumValidityDays) days"
        case .missingAuthority(let file, let runFirst):
            "\(file) is missing: run 'iotlab pki \(runFirst)' first (in the same folder, or pass the same --dir)"
        case .brokenChain(let certificate, let issuer):
            "\(certificate) was not issued by \(issuer): run 'iotlab pki create-root-and-intermediate --force' to make a matching pair"
        case .certificate(let error):
            error.description
        }
    }
}
