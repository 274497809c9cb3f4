import Foundation
import IoTSecurity
import JSONValue

/// What individual enrollments and enrollment groups share, so one table type keeps both.
public protocol Enrollment: Sendable, Equatable {
    /// The registration id or the enrollment group id.
    var id: String { get }
    var attestation: Attestation { get set }
    var policy: EnrollmentPolicy { get set }
    var etag: String { get set }
    var createdDateTimeUtc: Date { get set }
    var lastUpdatedDateTimeUtc: Date { get set }
    /// Azure's document, as az shows it and the workspace stores it.
    var json: JSONValue { get }
    /// `individual` or `group`, for messages and the trace.
    static var kindName: String { get }
    /// The field that holds the id in requests (`registrationId`, `enrollmentGroupId`).
    static var idField: String { get }
    /// The not-found error for `id`.
    static func notFound(_ id: String) -> ProvisioningError
    /// Checks what only this kind forbids (a group cannot use TPM...).
    func validateKind() throws(ProvisioningError)
}

extension IndividualEnrollment: Enrollment {
    public var id: String { registrationId }
    public static var kindName: String { "individual" }
    public static var idField: String { "registrationId" }
    public static func notFound(_ id: String) -> ProvisioningError { .enrollmentNotFound(registrationId: id) }

    public func validateKind() throws(ProvisioningError) {
        if case .x509(let x509) = attestation, !x509.isClientCertificates {
            throw .argumentInvalid(field: "attestation.x509", rule: "an individual enrollment holds clientCertificates, not a CA")
        }
        if let deviceId, !deviceId.isEmpty {
            try EnrollmentRules.validateDeviceId(deviceId)
        }
    }
}

extension EnrollmentGroup: Enrollment {
    public var id: String { enrollmentGroupId }
    public static var kindName: String { "group" }
    public static var idField: String { "enrollmentGroupId" }
    public static func notFound(_ id: String) -> ProvisioningError { .enrollmentGroupNotFound(enrollmentGroupId: id) }

    public func validateKind() throws(ProvisioningError) {
        switch attestation {
        case .tpm:
            throw .argumentInvalid(field: "attestation.type", rule: "an enrollment group attests with symmetricKey or x509; TPM needs individual enrollments")
        case .x509(let x509) where x509.isClientCertificates:
            throw .argumentInvalid(field: "attestation.x509", rule: "an enrollment group holds signingCertificates or caReferences, not clientCertificates")
        default:
            break
        }
    }
}

extension X509Attestation {
    var isClientCertificates: Bool {
        if case .clientCertificates = self { true } else { false }
    }
}

/// DPS's naming and key rules for enrollments.
enum EnrollmentRules {
    /// Registration ids: 1–128 lower-case letters, digits and `-._:`, as DPS requires.
    static func validateRegistrationId(_ id: String, field: String = "registrationId") throws(ProvisioningError) {
        let allowed = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-._:".unicodeScalars.contains($0) }
        guard (1...128).contains(id.count), allowed else {
            throw .argumentInvalid(
                field: field, rule: "must be 1 to 128 lower-case letters, digits, '-', '.', '_' or ':', was '\(id)'")
        }
    }

    /// Group ids: 1–128 letters, digits and `-._:`.
    static func validateGroupId(_ id: String) throws(ProvisioningError) {
        let allowed = id.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-._:".unicodeScalars.contains($0))
        }
        guard (1...128).contains(id.count), allowed else {
            throw .argumentInvalid(field: "enrollmentGroupId", rule: "must be 1 to 128 letters, digits, '-', '.', '_' or ':', was '\(id)'")
        }
    }

    /// Hub device ids: 1–128 ASCII letters, digits and `-.+%_#*?!(),:=@$'`.
    static func validateDeviceId(_ id: String) throws(ProvisioningError) {
        let allowed = id.unicodeScalars.allSatisfy {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-.+%_#*?!(),:=@$'".unicodeScalars.contains($0))
        }
        guard (1...128).contains(id.count), allowed else {
            throw .argumentInvalid(field: "deviceId", rule: "must be 1 to 128 ASCII letters, digits or -.+%_#*?!(),:=@$', was '\(id)'")
        }
    }

    /// Keys follow the hub's rule (base64 of 16 to 64 bytes).
    static func validateKey(_ key: String, field: String) throws(ProvisioningError) {
        do {
            _ = try SymmetricKey(base64: key)
        } catch {
            throw .argumentInvalid(field: field, rule: error.description)
        }
    }
}
