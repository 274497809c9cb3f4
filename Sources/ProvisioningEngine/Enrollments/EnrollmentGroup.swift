import Foundation

/// Many devices sharing one attestation (`az iot dps enrollment-group`): a symmetric group key or
/// a CA certificate. Each device's hub id is its registration id.
public struct EnrollmentGroup: Sendable, Equatable {
    /// Letters, digits and `-._:`, at most 128 characters.
    public let enrollmentGroupId: String
    /// `symmetricKey` or `x509` (signing certificates or CA references); never `tpm`.
    public var attestation: Attestation
    public var policy: EnrollmentPolicy
    public var etag: String
    public var createdDateTimeUtc: Date
    public var lastUpdatedDateTimeUtc: Date

    public init(
        enrollmentGroupId: String, attestation: Attestation, policy: EnrollmentPolicy = EnrollmentPolicy(),
        etag: String = "", createdDateTimeUtc: Date = .distantPast, lastUpdatedDateTimeUtc: Date = .distantPast
    ) {
        self.enrollmentGroupId = enrollmentGroupId
        self.attestation = attestation
        self.policy = policy
        self.etag = etag
        self.createdDateTimeUtc = createdDateTimeUtc
        self.lastUpdatedDateTimeUtc = lastUpdatedDateTimeUtc
    }
}
