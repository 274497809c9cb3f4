import Foundation
import HubEngine
import JSONValue
import ProvisioningEngine

extension LocalCloud {
    // MARK: Individual enrollments (az iot dps enrollment)

    /// Creates an individual enrollment; the DPS stamps its etag and times.
    /// - Throws: `provisioning(.argumentInvalid)` naming the field; `provisioning(.conflict)`.
    public func createEnrollment(_ enrollment: IndividualEnrollment, dpsName: String, resourceGroup: String? = nil) throws(CloudError) -> IndividualEnrollment {
        try putEnrollment(enrollment, dpsName, resourceGroup, table: \.enrollments, collection: ProvisioningStorage.enrollments, ifMatch: nil, creating: true)
    }

    public func enrollment(registrationId: String, dpsName: String, resourceGroup: String? = nil) throws(CloudError) -> IndividualEnrollment {
        let records = try records(dpsName, resourceGroup)
        return try provisioning { () throws(ProvisioningError) in try records.enrollments.existing(registrationId) }
    }

    /// Every individual enrollment, by registration id.
    public func enrollments(dpsName: String, resourceGroup: String? = nil) throws(CloudError) -> [IndividualEnrollment] {
        try records(dpsName, resourceGroup).enrollments.all
    }

    /// Replaces an individual enrollment when `ifMatch` (nil or `*`: any) is its etag.
    public func updateEnrollment(_ enrollment: IndividualEnrollment, dpsName: String, resourceGroup: String? = nil, ifMatch: String?) throws(CloudError) -> IndividualEnrollment {
        try putEnrollment(enrollment, dpsName, resourceGroup, table: \.enrollments, collection: ProvisioningStorage.enrollments, ifMatch: ifMatch, creating: false)
    }

    /// Deletes an individual enrollment: the device registers no more (its hub device stays).
    public func deleteEnrollment(registrationId: String, dpsName: String, resourceGroup: String? = nil, ifMatch: String? = nil) throws(CloudError) {
        try removeEnrollment(registrationId, dpsName, resourceGroup, table: \.enrollments, collection: ProvisioningStorage.enrollments, ifMatch: ifMatch)
    }

    // MARK: Enrollment groups (az iot dps enrollment-group)

    /// Creates an enrollment group. An X.509 group referencing DPS certificates needs them
    /// uploaded and verified (proof of possession), as Azure requires.
    public func createEnrollmentGroup(_ group: EnrollmentGroup, dpsName: String, resourceGroup: String? = nil) throws(CloudError) -> EnrollmentGroup {
        try requireVerifiedReferences(group, dpsName, resourceGroup)
        return try putEnrollment(group, dpsName, resourceGroup, table: \.groups, collection: ProvisioningStorage.groups, ifMatch: nil, creating: true)
    }

    public func enrollmentGroup(id: String, dpsName: String, resourceGroup: String? = nil) throws(CloudError) -> EnrollmentGroup {
        let records = try records(dpsName, resourceGroup)
        return try provisioning { () throws(ProvisioningError) in try records.groups.existing(id) }
    }

    /// Every enrollment group, by id.
    public func enrollmentGroups(dpsName: String, resourceGroup: String? = nil) throws(CloudError) -> [EnrollmentGroup] {
        try records(dpsName, resourceGroup).groups.all
    }

    public func updateEnrollmentGroup(_ group: EnrollmentGroup, dpsName: String, resourceGroup: String? = nil, ifMatch: String?) throws(CloudError) -> EnrollmentGroup {
        try requireVerifiedReferences(group, dpsName, resourceGroup)
        return try putEnrollment(group, dpsName, resourceGroup, table: \.groups, collection: ProvisioningStorage.groups, ifMatch: ifMatch, creating: false)
    }

    public func deleteEnrollmentGroup(id: String, dpsName: String, resourceGroup: String? = nil, ifMatch: String? = nil) throws(CloudError) {
        try removeEnrollment(id, dpsName, resourceGroup, table: \.groups, collection: ProvisioningStorage.groups, ifMatch: ifMatch)
    }

    // MARK: Registration records (az iot dps registration)

    /// Registration records, all or those admitted by one group (`az iot dps registration list --group-id`).
    public func registrations(dpsName: String, resourceGroup: String? = nil, enrollmentGroupId: String? = nil) throws(CloudError) -> [DeviceRegistrationState] {
        let all = try records(dpsName, resourceGroup).registrations
        guard let enrollmentGroupId else { return all }
        _ = try enrollmentGroup(id: enrollmentGroupId, dpsName: dpsName, resourceGroup: resourceGroup)
        return all.filter { $0.enrollmentGroupId?.lowercased() == enrollmentGroupId.lowercased() }
    }

    public func registration(registrationId: String, dpsName: String, resourceGroup: String? = nil) throws(CloudError) -> DeviceRegistrationState {
        guard let found = try records(dpsName, resourceGroup).registration(registrationId) else {
            throw .provisioning(.registrationNotFound(registrationId: registrationId))
        }
        return found
    }

    /// Deletes a registration record: the device's next registration is a first one again.
    public func deleteRegistration(registrationId: String, dpsName: String, resourceGroup: String? = nil, ifMatch: String? = nil) throws(CloudError) {
        let service = try provisioningService(named: dpsName, resourceGroup: resourceGroup)
        let found = try registration(registrationId: registrationId, dpsName: dpsName, resourceGroup: resourceGroup)
        guard ETag.matches(ifMatch, current: found.etag) else {
            throw .provisioning(.preconditionFailed(resource: "registration '\(registrationId)'", etag: ifMatch ?? ""))
        }
        let key = CloudState.key(service.name)
        try persist(event: "DeviceRegistrationDeleted", subject: service.name, payload: ["provisioningService": .string(service.name), "registrationId": .string(found.registrationId)]) { writer in
            try writer.delete(scope: ProvisioningStorage.scope(key), collection: ProvisioningStorage.registrations, key: found.registrationId.lowercased())
        }
        provisioningRecords[key]?.removeRegistration(found.registrationId)
        registrationOperations["\(key)/\(found.registrationId.lowercased())"] = nil
    }

    // MARK: Shared by both kinds

    /// The data plane of a DPS instance.
    func records(_ dpsName: String, _ resourceGroup: String?) throws(CloudError) -> ProvisioningRecords {
        let service = try provisioningService(named: dpsName, resourceGroup: resourceGroup)
        return provisioningRecords[CloudState.key(service.name)] ?? ProvisioningRecords()
    }

    private func putEnrollment<Entry: Enrollment>(
        _ entry: Entry, _ dpsName: String, _ resourceGroup: String?, table: WritableKeyPath<ProvisioningRecords, EnrollmentTable<Entry>>,
        collection: String, ifMatch: String?, creating: Bool
    ) throws(CloudError) -> Entry {
        let service = try provisioningService(named: dpsName, resourceGroup: resourceGroup)
        let key = CloudState.key(service.name)
        let current = provisioningRecords[key] ?? ProvisioningRecords()
        let stored = try provisioning { () throws(ProvisioningError) -> Entry in
            if creating { return try current[keyPath: table].created(entry, etag: Self.newETag(), at: clock.now()) }
            let existing = try current[keyPath: table].existing(entry.id)
            guard ETag.matches(ifMatch, current: existing.etag) else {
                throw .preconditionFailed(resource: "\(Entry.kindName) enrollment '\(entry.id)'", etag: ifMatch ?? "")
            }
            return try current[keyPath: table].replaced(entry, etag: Self.newETag(), at: clock.now())
        }
        let json = stored.json
        let event = creating ? "EnrollmentCreated" : "EnrollmentUpdated"
        try persist(event: event, subject: service.name, payload: ["provisioningService": .string(service.name), "kind": .string(Entry.kindName), Entry.idField: .string(stored.id)]) { writer in
            try writer.put(scope: ProvisioningStorage.scope(key), collection: collection, key: stored.id.lowercased(), body: CloudState.body(json))
        }
        provisioningRecords[key, default: ProvisioningRecords()][keyPath: table].store(stored)
        return stored
    }

    private func removeEnrollment<Entry: Enrollment>(
        _ id: String, _ dpsName: String, _ resourceGroup: String?, table: WritableKeyPath<ProvisioningRecords, EnrollmentTable<Entry>>,
        collection: String, ifMatch: String?
    ) throws(CloudError) {
        let service = try provisioningService(named: dpsName, resourceGroup: resourceGroup)
        let key = CloudState.key(service.name)
        let existing = try provisioning { () throws(ProvisioningError) in try (provisioningRecords[key] ?? ProvisioningRecords())[keyPath: table].existing(id) }
        guard ETag.matches(ifMatch, current: existing.etag) else {
            throw .provisioning(.preconditionFailed(resource: "\(Entry.kindName) enrollment '\(id)'", etag: ifMatch ?? ""))
        }
        try persist(event: "EnrollmentDeleted", subject: service.name, payload: ["provisioningService": .string(service.name), "kind": .string(Entry.kindName), Entry.idField: .string(existing.id)]) { writer in
            try writer.delete(scope: ProvisioningStorage.scope(key), collection: collection, key: existing.id.lowercased())
        }
        provisioningRecords[key]?[keyPath: table].remove(existing.id)
    }

    private func requireVerifiedReferences(_ group: EnrollmentGroup, _ dpsName: String, _ resourceGroup: String?) throws(CloudError) {
        guard case .x509(.caReferences(let primary, let secondary)) = group.attestation else { return }
        let service = try provisioningService(named: dpsName, resourceGroup: resourceGroup)
        for (field, name) in [("primary", primary), ("secondary", secondary)] {
            guard let name else { continue }
            guard let certificate = service.certificates.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw .provisioning(.argumentInvalid(field: "attestation.x509.caReferences.\(field)", rule: "no certificate named '\(name)' on provisioning service '\(service.name)'"))
            }
            guard certificate.isVerified else {
                throw .provisioning(.argumentInvalid(
                    field: "attestation.x509.caReferences.\(field)",
                    rule: "certificate '\(name)' is not verified; prove possession (generate-verification-code, verify) before a group can use it"))
            }
        }
    }

    /// Runs a DPS data-plane step, reporting its refusal as a cloud error.
    func provisioning<Result>(_ body: () throws(ProvisioningError) -> Result) throws(CloudError) -> Result {
        do {
            return try body()
        } catch {
            throw .provisioning(error)
        }
    }
}
