import Foundation
import IoTSecurity

/// One DPS instance's enrollments, groups, registration records and open TPM challenges: the
/// engine's state, a value the owner persists and then updates.
public struct ProvisioningRecords: Sendable {
    public var enrollments: EnrollmentTable<IndividualEnrollment>
    public var groups: EnrollmentTable<EnrollmentGroup>
    /// Registration records keyed by lower-cased registration id.
    private var registrationsByKey: [String: DeviceRegistrationState] = [:]
    /// The key each TPM's challenge delivered, by lower-cased registration id; memory only, as a
    /// challenge is answered within seconds.
    var tpmChallenges: [String: SymmetricKey] = [:]

    public init(enrollments: [IndividualEnrollment] = [], groups: [EnrollmentGroup] = [], registrations: [DeviceRegistrationState] = []) {
        self.enrollments = EnrollmentTable(enrollments)
        self.groups = EnrollmentTable(groups)
        for registration in registrations { registrationsByKey[registration.registrationId.lowercased()] = registration }
    }

    /// The registration record of a device, if it ever registered.
    public func registration(_ registrationId: String) -> DeviceRegistrationState? {
        registrationsByKey[registrationId.lowercased()]
    }

    /// Every registration record, by registration id.
    public var registrations: [DeviceRegistrationState] {
        registrationsByKey.values.sorted { $0.registrationId < $1.registrationId }
    }

    public mutating func store(_ registration: DeviceRegistrationState) {
        registrationsByKey[registration.registrationId.lowercased()] = registration
    }

    public mutating func removeRegistration(_ registrationId: String) {
        registrationsByKey[registrationId.lowercased()] = nil
    }
}
