import Foundation
import JSONValue
import ProvisioningEngine
import WorkspaceStore

/// How a DPS instance's data plane is laid out in the workspace: scope `dps:{name}` with one
/// collection each for enrollments, enrollment groups and registration records, every record the
/// document's compact JSON keyed by its lower-cased id. The instance itself is a `cloud` record.
enum ProvisioningStorage {
    static let enrollments = "enrollments"
    static let groups = "enrollmentGroups"
    static let registrations = "registrations"

    /// `dps:{lower-cased name}`.
    static func scope(_ serviceKey: String) -> String { "dps:\(serviceKey)" }

    /// Reads one instance's enrollments, groups and registrations; a record this version cannot
    /// read stops the open rather than silently losing what the learner made.
    static func records(of serviceKey: String, in reader: WorkspaceReader) throws -> ProvisioningRecords {
        let scope = scope(serviceKey)
        func decode<Value>(_ collection: String, _ make: (JSONValue) -> Value?) throws -> [Value] {
            try reader.records(scope: scope, collection: collection).map { stored in
                guard let json = try? JSONValue(parsing: stored.body), let value = make(json) else {
                    throw CloudError.storageFailed(reason: "the stored \(collection) record '\(stored.key)' of \(scope) cannot be read")
                }
                return value
            }
        }
        return ProvisioningRecords(
            enrollments: try decode(enrollments) { try? IndividualEnrollment(json: $0) },
            groups: try decode(groups) { try? EnrollmentGroup(json: $0) },
            registrations: try decode(registrations, DeviceRegistrationState.init(record:)))
    }
}

extension LocalCloud {
    /// The DPS instances stored in a workspace with their ID scopes, read without opening the
    /// subscription (for `iotlab info`).
    public static func storedProvisioningServices(in workspace: Workspace) throws -> [(name: String, idScope: String)] {
        try workspace.read { reader in
            try reader.records(scope: CloudState.scope, collection: CloudState.Collection.provisioningServices).compactMap { stored in
                let json = try? JSONValue(parsing: stored.body)
                guard let name = json?["name"]?.stringValue, let scope = json?["idScope"]?.stringValue else { return nil }
                return (name, scope)
            }
        }.sorted { $0.name < $1.name }
    }
}
