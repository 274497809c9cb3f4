import Foundation
import IoTSecurity

/// A module identity on a device, with every field Azure's "Modules - Get Identity" returns.
///
/// `$edgeAgent` and `$edgeHub` are created by the hub on every edge device with no `managedBy`;
/// modules the edge agent creates for a deployment say `managedBy: "IotEdge"`.
public struct ModuleIdentity: Sendable, Equatable {
    /// Case-sensitive, 1–128 characters of the allowed set; `$` starts only system modules.
    public var moduleId: String
    public var managedBy: String?
    public var deviceId: String
    public var generationId: String
    /// Changes on every update; send it back in If-Match to update only what you read.
    public var etag: String
    public var connectionState: ConnectionState
    public var connectionStateUpdatedTime: Date?
    public var lastActivityTime: Date?
    public var cloudToDeviceMessageCount: Int
    public var authentication: AuthenticationMechanism

    /// A create request: symmetric keys generated on create unless given.
    public init(
        moduleId: String, deviceId: String, authentication: AuthenticationMechanism = .sas(), managedBy: String? = nil
    ) {
        self.moduleId = moduleId
        self.managedBy = managedBy
        self.deviceId = deviceId
        generationId = ""
        etag = ""
        connectionState = .disconnected
        connectionStateUpdatedTime = nil
        lastActivityTime = nil
        cloudToDeviceMessageCount = 0
        self.authentication = authentication
    }

    /// The connection string a module uses (`HostName=…;DeviceId=…;ModuleId=…;SharedAccessKey=…`);
    /// `nil` when the module has no symmetric key.
    public func connectionString(hostName: String, useSecondaryKey: Bool = false) -> String? {
        guard authentication.type == .sas,
            let key = useSecondaryKey ? authentication.secondaryKey : authentication.primaryKey
        else { return nil }
        return ConnectionString([
            ("HostName", hostName), ("DeviceId", deviceId), ("ModuleId", moduleId), ("SharedAccessKey", key),
        ]).description
    }

    /// The key of the module in the store and in journal subjects: `deviceId/moduleId`.
    var storageKey: String { deviceId + "/" + moduleId }
}
