import JSONValue
import LabCore

extension DeviceIdentity {
    /// The identity in Azure's REST shape and member order (`deviceId`, `generationId`, `etag`,
    /// `connectionState`, `status`, ... `deviceScope`, `parentScopes`), as az prints it.
    public var json: JSONValue {
        var members = JSONObject(minimumCapacity: 15)
        members["deviceId"] = .string(deviceId)
        members["generationId"] = .string(generationId)
        members["etag"] = .string(etag)
        members["connectionState"] = .string(connectionState.rawValue)
        members["status"] = .string(status.rawValue)
        members["statusReason"] = statusReason.map(JSONValue.string) ?? .null
        members["connectionStateUpdatedTime"] = .string(AzureTimestamp.string(connectionStateUpdatedTime))
        members["statusUpdatedTime"] = .string(AzureTimestamp.string(statusUpdatedTime))
        members["lastActivityTime"] = .string(AzureTimestamp.string(lastActivityTime))
        members["cloudToDeviceMessageCount"] = .integer(cloudToDeviceMessageCount)
        members["authentication"] = authentication.json
        members["capabilities"] = ["iotEdge": .bool(iotEdge)]
        members["deviceScope"] = deviceScope.map(JSONValue.string) ?? .null
        members["parentScopes"] = .array(parentScopes.map(JSONValue.string))
        return .object(members)
    }

    /// Reads an identity from a REST body or az `--json`, or a stored record.
    ///
    /// Every field is type-checked and `ArgumentInvalid` names the first bad one; the id rules
    /// and key checks are applied when the hub accepts the request, not here.
    public init(json: JSONValue) throws(HubError) {
        let fields = try JSONFields(json, path: "")
        guard let deviceId = try fields.string("deviceId") else {
            throw .argumentInvalid(field: "deviceId", rule: "is required")
        }
        self.init(deviceId: deviceId)
        generationId = try fields.string("generationId") ?? ""
        etag = try fields.string("etag") ?? ""
        if let state = try fields.choice("connectionState", of: ConnectionState.allCases.map(\.rawValue)) {
            connectionState = ConnectionState(rawValue: state) ?? .disconnected
        }
        if let statusName = try fields.choice("status", of: DeviceStatus.allCases.map(\.rawValue)) {
            status = DeviceStatus(rawValue: statusName) ?? .enabled
        }
        statusReason = try fields.string("statusReason")
        connectionStateUpdatedTime = try fields.string("connectionStateUpdatedTime").flatMap(AzureTimestamp.date)
        statusUpdatedTime = try fields.string("statusUpdatedTime").flatMap(AzureTimestamp.date)
        lastActivityTime = try fields.string("lastActivityTime").flatMap(AzureTimestamp.date)
        cloudToDeviceMessageCount = try fields.integer("cloudToDeviceMessageCount") ?? 0
        if let authentication = try fields.object("authentication") {
            self.authentication = try AuthenticationMechanism(fields: authentication)
        }
        iotEdge = try fields.object("capabilities")?.bool("iotEdge") ?? false
        deviceScope = try fields.string("deviceScope").flatMap { $0.isEmpty ? nil : $0 }
        parentScopes = try fields.stringArray("parentScopes") ?? []
    }
}
