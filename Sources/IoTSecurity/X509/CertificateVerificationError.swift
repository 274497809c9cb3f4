import Foundation

/// Why a certificate chain was not accepted, naming the certificate at fault by its common name so
/// a learner knows which file to regenerate.
public enum CertificateVerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A certificate in the chain had expired at the time of the check.
    case expired(commonName: String?, notAfter: Date)
    /// A certificate in the chain was not yet valid at the time of the check.
    case notYetValid(commonName: String?, notBefore: Date)
    /// No chain leads from the certificate to one of the trusted (verified) CA certificates.
    case untrusted(commonName: String?)
    /// Any other failure (a bad signature, a non-CA issuer...), with OpenSSL's reason.
    case invalid(commonName: String?, reason: String)

    public var description: String {
        switch self {
        case .expired(let name, let notAfter):
            "certificate \(Self.quoted(name)) expired at \(notAfter.formatted(.iso8601))"
        case .notYetValid(let name, let notBefore):
            "certificate \(Self.quoted(name)) is not valid before \(notBefore.formatted(.iso8601))"
        case .untrusted(let name):
            "certificate \(Self.quoted(name)) does not chain to a verified CA certificate"
        case .invalid(let name, let reason):
            "certificate \(Self.quoted(name)) was rejected: \(reason)"
        }
    }

    private static func quoted(_ name: String?) -> String {
        name.map { "CN=\($0)" } ?? "(no common name)"
    }
}
