import Foundation
import JSONValue
import LabCore

/// Builds twin documents in Azure's shape and member order from an identity and its twin state.
///
/// The hub keeps one such document per twin in memory, rebuilt on each change, so queries and
/// reads cost no conversion.
enum TwinDocument {
    /// A device twin: `deviceId`, `etag`, `deviceEtag`, `status`, ..., `version`, `tags`,
    /// `properties`, `capabilities`, `deviceScope`, `parentScopes`.
    static func device(_ identity: DeviceIdentity, _ twin: TwinState) -> JSONValue {
        var members = deviceShape(statusReason: identity.statusReason != nil, deviceScope: identity.deviceScope != nil).template
        members["deviceId"] = .string(identity.deviceId)
        members["etag"] = .string(twin.etag)
        members["deviceEtag"] = .string(identity.etag)
        members["status"] = .string(identity.status.rawValue)
        if let reason = identity.statusReason { members["statusReason"] = .string(reason) }
        members["statusUpdateTime"] = .string(AzureTimestamp.string(identity.statusUpdatedTime))
        appendState(
            to: &members, connectionState: identity.connectionState, lastActivityTime: identity.lastActivityTime,
            cloudToDeviceMessageCount: identity.cloudToDeviceMessageCount, authentication: identity.authentication, twin: twin)
        members["capabilities"] = identity.iotEdge ? edgeCapabilities : leafCapabilities
        if let scope = identity.deviceScope { members["deviceScope"] = .string(scope) }
        members["parentScopes"] = .array(identity.parentScopes.map(JSONValue.string))
        return .object(members)
    }

    /// A module twin: as a device twin with `moduleId`, without capabilities and scopes;
    /// `deviceEtag` is the module identity's etag.
    static func module(_ identity: ModuleIdentity, _ twin: TwinState) -> JSONValue {
        var members = moduleShape.template
        members["deviceId"] = .string(identity.deviceId)
        members["moduleId"] = .string(identity.moduleId)
        members["etag"] = .string(twin.etag)
        members["deviceEtag"] = .string(identity.etag)
        members["status"] = .string(DeviceStatus.enabled.rawValue)
        members["statusUpdateTime"] = .string(AzureTimestamp.never)
        appendState(
            to: &members, connectionState: identity.connectionState, lastActivityTime: identity.lastActivityTime,
            cloudToDeviceMessageCount: identity.cloudToDeviceMessageCount, authentication: identity.authentication, twin: twin)
        return .object(members)
    }

    /// The members both kinds of twin share, from `connectionState` to `properties`.
    private static func appendState(
        to members: inout JSONObject, connectionState: ConnectionState, lastActivityTime: Date?, cloudToDeviceMessageCount: Int,
        authentication: AuthenticationMechanism, twin: TwinState
    ) {
        members["connectionState"] = .string(connectionState.rawValue)
        members["lastActivityTime"] = .string(AzureTimestamp.string(lastActivityTime))
        members["cloudToDeviceMessageCount"] = .integer(cloudToDeviceMessageCount)
        members["authenticationType"] = .string(authentication.type.rawValue)
        members["x509Thumbprint"] = thumbprints(authentication)
        members["modelId"] = ""
        members["version"] = .integer(twin.version)
        members["tags"] = .object(twin.tags)
        var properties = propertiesShape.template
        properties["desired"] = twin.desired.json
        properties["reported"] = twin.reported.json
        members["properties"] = .object(properties)
    }

    // MARK: - Shared parts
    //
    // Every twin document has the same member names and mostly the same constant sub-objects;
    // they are built once here and shared (copy-on-write) by all documents, which keeps 100,000
    // twins within IoT Hub's memory budget for the emulator.

    private static let deviceShapes = [
        [false, false], [false, true], [true, false], [true, true],
    ].map { flags in
        JSONObjectShape(
            names: ["deviceId", "etag", "deviceEtag", "status"] + (flags[0] ? ["statusReason"] : []) + ["statusUpdateTime"]
                + stateNames + ["capabilities"] + (flags[1] ? ["deviceScope"] : []) + ["parentScopes"])
    }
    private static let moduleShape = JSONObjectShape(
        names: ["deviceId", "moduleId", "etag", "deviceEtag", "status", "statusUpdateTime"] + stateNames)
    /// The names `appendState` writes, in order.
    private static let stateNames = [
        "connectionState", "lastActivityTime", "cloudToDeviceMessageCount", "authenticationType", "x509Thumbprint",
        "modelId", "version", "tags", "properties",
    ]
    private static let propertiesShape = JSONObjectShape(names: ["desired", "reported"])
    private static let thumbprintsShape = JSONObjectShape(names: ["primaryThumbprint", "secondaryThumbprint"])
    private static let noThumbprints = JSONValue.object(thumbprintsShape.template)
    private static let edgeCapabilities: JSONValue = ["iotEdge": true]
    private static let leafCapabilities: JSONValue = ["iotEdge": false]

    /// The device document's names: `statusReason` and `deviceScope` appear only when set.
    private static func deviceShape(statusReason: Bool, deviceScope: Bool) -> JSONObjectShape {
        deviceShapes[(statusReason ? 2 : 0) + (deviceScope ? 1 : 0)]
    }

    /// `x509Thumbprint` with `null` for each thumbprint the identity does not have.
    private static func thumbprints(_ authentication: AuthenticationMechanism) -> JSONValue {
        guard authentication.primaryThumbprint != nil || authentication.secondaryThumbprint != nil else { return noThumbprints }
        var members = thumbprintsShape.template
        members["primaryThumbprint"] = authentication.primaryThumbprint.map(JSONValue.string) ?? .null
        members["secondaryThumbprint"] = authentication.secondaryThumbprint.map(JSONValue.string) ?? .null
        return .object(members)
    }
}
