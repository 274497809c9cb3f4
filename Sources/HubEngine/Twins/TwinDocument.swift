import Foundation
import JSONValue

/// Builds twin documents in Azure's shape and member order from an identity and its twin state.
///
/// The hub keeps one such document per twin in memory, rebuilt on each change, so queries and
/// reads cost no conversion.
enum TwinDocument {
    /// A device twin: `deviceId`, `etag`, `deviceEtag`, `status`, ..., `version`, `tags`,
    /// `properties`, `capabilities`, `deviceScope`, `parentScopes`.
    static func device(_ identity: DeviceIdentity, _ twin: TwinState) -> JSONValue {
        var members = JSONObject(minimumCapacity: 20)
        members["deviceId"] = .string(identity.deviceId)
        members["etag"] = .string(twin.etag)
        members["deviceEtag"] = .string(identity.etag)
        members["status"] = .string(identity.status.rawValue)
        if let reason = identity.statusReason { members["statusReason"] = .string(reason) }
        members["statusUpdateTime"] = .string(AzureTimestamp.string(identity.statusUpdatedTime))
        appendState(
            to: &members, connectionState: identity.connectionState, lastActivityTime: identity.lastActivityTime,
            cloudToDeviceMessageCount: identity.cloudToDeviceMessageCount, authentication: identity.authentication, twin: twin)
        members["capabilities"] = ["iotEdge": .bool(identity.iotEdge)]
        if let scope = identity.deviceScope { members["deviceScope"] = .string(scope) }
        members["parentScopes"] = .array(identity.parentScopes.map(JSONValue.string))
        return .object(members)
    }

    /// A module twin: as a device twin with `moduleId`, without capabilities and scopes;
    /// `deviceEtag` is the module identity's etag.
    static func module(_ identity: ModuleIdentity, _ twin: TwinState) -> JSONValue {
        var members = JSONObject(minimumCapacity: 16)
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
        members["x509Thumbprint"] = [
            "primaryThumbprint": authentication.primaryThumbprint.map(JSONValue.string) ?? .null,
            "secondaryThumbprint": authentication.secondaryThumbprint.map(JSONValue.string) ?? .null,
        ]
        members["modelId"] = ""
        members["version"] = .integer(twin.version)
        members["tags"] = .object(twin.tags)
        members["properties"] = ["desired": twin.desired.json, "reported": twin.reported.json]
    }
}
