import JSONValue
import LabCore

extension ModuleIdentity {
    /// The module in Azure's REST shape and member order (`moduleId`, `managedBy`, `deviceId`, ...).
    public var json: JSONValue {
        var members = JSONObject(minimumCapacity: 10)
        members["moduleId"] = .string(moduleId)
        members["managedBy"] = managedBy.map(JSONValue.string) ?? .null
        members["deviceId"] = .string(deviceId)
        members["generationId"] = .string(generationId)
        members["etag"] = .string(etag)
        members["connectionState"] = .string(connectionState.rawValue)
        members["connectionStateUpdatedTime"] = .string(AzureTimestamp.string(connectionStateUpdatedTime))
        members["lastActivityTime"] = .string(AzureTimestamp.string(lastActivityTime))
        members["cloudToDeviceMessageCount"] = .integer(cloudToDeviceMessageCount)
        members["authentication"] = authentication.json
        return .object(members)
    }

    /// Reads a module from a REST body or az `--json`, or a stored record; `ArgumentInvalid`
    /// names the first field of the wrong type.
    public init(json: JSONValue) throws(HubError) {
        let fields = try JSONFields(json, path: "")
        guard let moduleId = try fields.string("moduleId") else {
            throw .argumentInvalid(field: "moduleId", rule: "is required")
        }
        guard let deviceId = try fields.string("deviceId") else {
            throw .argumentInvalid(field: "deviceId", rule: "is required")
        }
        self.init(moduleId: moduleId, deviceId: deviceId, managedBy: try fields.string("managedBy"))
        generationId = try fields.string("generationId") ?? ""
        etag = try fields.string("etag") ?? ""
        if let state = try fields.choice("connectionState", of: ConnectionState.allCases.map(\.rawValue)) {
            connectionState = ConnectionState(rawValue: state) ?? .disconnected
        }
        connectionStateUpdatedTime = try fields.string("connectionStateUpdatedTime").flatMap(AzureTimestamp.date)
        lastActivityTime = try fields.string("lastActivityTime").flatMap(AzureTimestamp.date)
        cloudToDeviceMessageCount = try fields.integer("cloudToDeviceMessageCount") ?? 0
        if let authentication = try fields.object("authentication") {
            self.authentication = try AuthenticationMechanism(fields: authentication)
        }
    }
}
