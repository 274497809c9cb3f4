import Foundation
import JSONValue
import WorkspaceStore

/// What happened in a hub, as it is written to the workspace journal.
///
/// Panes, lab checks and the MQTT front door read these instead of reaching into the engine
/// (DESIGN.md, principle 4). Payloads never carry keys.
public enum HubEvent: Sendable, Equatable {
    case deviceCreated(DeviceIdentity)
    case deviceUpdated(DeviceIdentity)
    case deviceDeleted(deviceId: String)
    case moduleCreated(ModuleIdentity)
    case moduleUpdated(ModuleIdentity)
    case moduleDeleted(deviceId: String, moduleId: String)
    /// A service PATCH or PUT of a twin: the merge patches applied to tags and desired
    /// properties (`nil` when untouched) and the versions they produced.
    case twinUpdated(deviceId: String, moduleId: String?, tags: JSONObject?, desired: JSONObject?, version: Int, desiredVersion: Int)
    /// A device's reported-properties patch and the reported `$version` it produced.
    case reportedPropertiesUpdated(deviceId: String, moduleId: String?, patch: JSONObject, reportedVersion: Int)
    /// A bulk import: how many entries succeeded and failed.
    case devicesImported(succeeded: Int, failed: Int)
    /// A device or module connected or disconnected.
    case connectionChanged(deviceId: String, moduleId: String?, state: ConnectionState)
    /// An event of the messaging layer (telemetry, routing, C2D, methods, endpoints), built by
    /// that layer's own constructors so each concern keeps its event shapes beside its code.
    case messaging(kind: String, subject: String, payload: JSONValue)

    /// The journal kind, e.g. `DeviceCreated`.
    public var kind: String {
        switch self {
        case .deviceCreated: "DeviceCreated"
        case .deviceUpdated: "DeviceUpdated"
        case .deviceDeleted: "DeviceDeleted"
        case .moduleCreated: "ModuleCreated"
        case .moduleUpdated: "ModuleUpdated"
        case .moduleDeleted: "ModuleDeleted"
        case .twinUpdated: "TwinUpdated"
        case .reportedPropertiesUpdated: "ReportedPropertiesUpdated"
        case .devicesImported: "DevicesImported"
        case .connectionChanged: "ConnectionChanged"
        case .messaging(let kind, _, _): kind
        }
    }

    /// `deviceId` or `deviceId/moduleId`; empty for hub-wide events.
    public var subject: String {
        switch self {
        case .deviceCreated(let device), .deviceUpdated(let device): device.deviceId
        case .deviceDeleted(let deviceId): deviceId
        case .moduleCreated(let module), .moduleUpdated(let module): module.storageKey
        case .moduleDeleted(let deviceId, let moduleId): deviceId + "/" + moduleId
        case .twinUpdated(let deviceId, let moduleId, _, _, _, _), .reportedPropertiesUpdated(let deviceId, let moduleId, _, _),
            .connectionChanged(let deviceId, let moduleId, _):
            moduleId.map { deviceId + "/" + $0 } ?? deviceId
        case .devicesImported: ""
        case .messaging(_, let subject, _): subject
        }
    }

    /// The event's facts as JSON.
    public var payload: JSONValue {
        switch self {
        case .deviceCreated(let device), .deviceUpdated(let device):
            var members: JSONObject = [
                "deviceId": .string(device.deviceId), "generationId": .string(device.generationId),
                "etag": .string(device.etag), "status": .string(device.status.rawValue),
                "authenticationType": .string(device.authentication.type.rawValue), "iotEdge": .bool(device.iotEdge),
            ]
            if let scope = device.deviceScope { members["deviceScope"] = .string(scope) }
            members["parentScopes"] = .array(device.parentScopes.map(JSONValue.string))
            return .object(members)
        case .deviceDeleted(let deviceId):
            return ["deviceId": .string(deviceId)]
        case .moduleCreated(let module), .moduleUpdated(let module):
            return [
                "deviceId": .string(module.deviceId), "moduleId": .string(module.moduleId),
                "generationId": .string(module.generationId), "etag": .string(module.etag),
                "authenticationType": .string(module.authentication.type.rawValue),
                "managedBy": module.managedBy.map(JSONValue.string) ?? .null,
            ]
        case .moduleDeleted(let deviceId, let moduleId):
            return ["deviceId": .string(deviceId), "moduleId": .string(moduleId)]
        case .twinUpdated(let deviceId, let moduleId, let tags, let desired, let version, let desiredVersion):
            var members: JSONObject = ["deviceId": .string(deviceId)]
            if let moduleId { members["moduleId"] = .string(moduleId) }
            if let tags { members["tags"] = .object(tags) }
            if let desired { members["desired"] = .object(desired) }
            members["version"] = .integer(version)
            members["desiredVersion"] = .integer(desiredVersion)
            return .object(members)
        case .reportedPropertiesUpdated(let deviceId, let moduleId, let patch, let reportedVersion):
            var members: JSONObject = ["deviceId": .string(deviceId)]
            if let moduleId { members["moduleId"] = .string(moduleId) }
            members["reported"] = .object(patch)
            members["$version"] = .integer(reportedVersion)
            return .object(members)
        case .devicesImported(let succeeded, let failed):
            return ["succeeded": .integer(succeeded), "failed": .integer(failed)]
        case .connectionChanged(let deviceId, let moduleId, let state):
            var members: JSONObject = ["deviceId": .string(deviceId)]
            if let moduleId { members["moduleId"] = .string(moduleId) }
            members["connectionState"] = .string(state.rawValue)
            return .object(members)
        case .messaging(_, _, let payload):
            return payload
        }
    }

    /// The event as the journal stores it, in the hub's scope.
    func draft(scope: String, time: Date) -> JournalDraft {
        JournalDraft(time: time, kind: kind, scope: scope, subject: subject, payload: Data(payload.serialized(.compact).utf8))
    }
}
