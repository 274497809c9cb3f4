import Foundation

/// One device's enrollment (`az iot dps enrollment`), keyed by its registration id.
public struct IndividualEnrollment: Sendable, Equatable {
    /// Lower-case letters, digits and `-._:`, at most 128 characters (DPS's rule).
    public let registrationId: String
    /// The hub device id; `nil`: the registration id.
    public var deviceId: String?
    public var attestation: Attestation
    public var policy: EnrollmentPolicy
    public var etag: String
    public var createdDateTimeUtc: Date
    public var lastUpdatedDateTimeUtc: Date

    /// A new enrollment; the DPS stamps `etag` and the times when it stores it.
    public init(
        registrationId: String, deviceId: String? = nil, attestation: Attestation, policy: EnrollmentPolicy = EnrollmentPolicy(),
        etag: String = "", createdDateTimeUtc: Date = .distantPast, lastUpdatedDateTimeUtc: Date = .distantPast
    ) {
        self.registrationId = registrationId
        self.deviceId = deviceId
        self.attestation = attestation
        self.policy = policy
        self.etag = etag
        self.createdDateTimeUtc = createdDateTimeUtc
        self.lastUpdatedDateTimeUtc = lastUpdatedDateTimeUtc
    }

    /// The id the device gets in its hub.
    public var effectiveDeviceId: String { deviceId.flatMap { $0.isEmpty ? nil : $0 } ?? registrationId }
}
