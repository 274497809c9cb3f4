import Foundation

/// The enrollments of one kind held by a DPS instance, keyed case-insensitively by id.
///
/// Changes are validated first (`created`, `replaced`) and applied only after the caller has made
/// them durable (`store`, `remove`), so memory never holds what the workspace does not.
public struct EnrollmentTable<Entry: Enrollment>: Sendable {
    private var entries: [String: Entry] = [:]

    public init(_ entries: [Entry] = []) {
        for entry in entries { self.entries[Self.key(entry.id)] = entry }
    }

    /// The enrollment with this id, if any.
    public subscript(id: String) -> Entry? { entries[Self.key(id)] }

    /// The enrollment with this id.
    /// - Throws: the kind's not-found error (404).
    public func existing(_ id: String) throws(ProvisioningError) -> Entry {
        guard let entry = self[id] else { throw Entry.notFound(id) }
        return entry
    }

    /// Every enrollment, by id.
    public var all: [Entry] { entries.values.sorted { $0.id < $1.id } }

    public var count: Int { entries.count }

    /// `entry` checked against DPS's rules and stamped with `etag` and `time`, ready to store.
    /// - Throws: `argumentInvalid` naming the field; `conflict` when the id is taken.
    public func created(_ entry: Entry, etag: String, at time: Date) throws(ProvisioningError) -> Entry {
        guard self[entry.id] == nil else { throw .conflict(resource: "The \(Entry.kindName) enrollment '\(entry.id)'") }
        try Self.validate(entry)
        var stamped = entry
        stamped.etag = etag
        stamped.createdDateTimeUtc = time
        stamped.lastUpdatedDateTimeUtc = time
        return stamped
    }

    /// `entry` replacing the stored one of the same id (which the caller has checked the etag of),
    /// keeping its creation time.
    public func replaced(_ entry: Entry, etag: String, at time: Date) throws(ProvisioningError) -> Entry {
        let current = try existing(entry.id)
        try Self.validate(entry)
        var stamped = entry
        stamped.etag = etag
        stamped.createdDateTimeUtc = current.createdDateTimeUtc
        stamped.lastUpdatedDateTimeUtc = time
        return stamped
    }

    public mutating func store(_ entry: Entry) { entries[Self.key(entry.id)] = entry }

    public mutating func remove(_ id: String) { entries[Self.key(id)] = nil }

    static func key(_ id: String) -> String { id.lowercased() }

    private static func validate(_ entry: Entry) throws(ProvisioningError) {
        if Entry.self == IndividualEnrollment.self {
            try EnrollmentRules.validateRegistrationId(entry.id)
        } else {
            try EnrollmentRules.validateGroupId(entry.id)
        }
        switch entry.attestation {
        case .symmetricKey(let primary, let secondary):
            try EnrollmentRules.validateKey(primary, field: "attestation.symmetricKey.primaryKey")
            try EnrollmentRules.validateKey(secondary, field: "attestation.symmetricKey.secondaryKey")
        case .tpm(let endorsementKey, _):
            guard let der = Data(base64Encoded: endorsementKey), !der.isEmpty else {
                throw .argumentInvalid(field: "attestation.tpm.endorsementKey", rule: "must be the base64 public endorsement key")
            }
        case .x509(.caReferences(let primary, _)):
            guard !primary.isEmpty else {
                throw .argumentInvalid(field: "attestation.x509.caReferences.primary", rule: "must name a CA certificate uploaded to the DPS")
            }
        case .x509:
            break
        }
        try entry.validateKind()
        let policy = entry.policy
        if policy.allocationPolicy == .custom {
            guard let definition = policy.customAllocationDefinition else {
                throw .argumentInvalid(field: "customAllocationDefinition", rule: "a custom allocation policy needs a webhookUrl")
            }
            let url = definition.webhookUrl
            guard definition.command.map({ !$0.trimmingCharacters(in: .whitespaces).isEmpty })
                ?? (url.hasPrefix("http://") || url.hasPrefix("https://"))
            else {
                throw .argumentInvalid(
                    field: "customAllocationDefinition.webhookUrl", rule: "must be an http(s) URL or command:PROGRAM, was '\(url)'")
            }
        }
        if policy.allocationPolicy == .static, (policy.iotHubs ?? []).count != 1 {
            throw .argumentInvalid(field: "iotHubs", rule: "a static allocation policy names exactly one IoT hub, was \((policy.iotHubs ?? []).count)")
        }
    }
}
