import Foundation
import IoTSecurity

/// A device in the identity registry, with every field Azure's "Devices - Get Identity" returns.
///
/// The same type is the create/update request (only `deviceId`, `status`, `statusReason`,
/// `authentication`, `capabilities` and the scopes are read from a request; the hub owns the rest)
/// and the stored record.
public struct DeviceIdentity: Sendable, Equatable {
    /// Case-sensitive, 1–128 characters of the allowed set (see `IdentityRules`).
    public var deviceId: String
    /// Tells apart two devices that had the same id (a device deleted and created again).
    public var generationId: String
    /// Changes on every update; send it back in If-Match to update only what you read.
    public var etag: String
    public var connectionState: ConnectionState
    public var status: DeviceStatus
    /// Free text of at most 128 characters explaining the status.
    public var statusReason: String?
    public var connectionStateUpdatedTime: Date?
    public var statusUpdatedTime: Date?
    /// `nil` shows as `0001-01-01T00:00:00Z`, Azure's "never".
    public var lastActivityTime: Date?
    public var cloudToDeviceMessageCount: Int
    public var authentication: AuthenticationMechanism
    /// `capabilities.iotEdge`: an IoT Edge device, which gets `$edgeAgent`/`$edgeHub` and may be a parent.
    public var iotEdge: Bool
    /// `ms-azure-iot-edge://{deviceId}-{ticks}` for an edge device; its parent's scope for a leaf child.
    public var deviceScope: String?
    /// The scope of the parent edge device, when there is one.
    public var parentScopes: [String]

    /// A create request with Azure's defaults: enabled, symmetric keys generated on create.
    public init(
        deviceId: String, authentication: AuthenticationMechanism = .sas(), status: DeviceStatus = .enabled,
        statusReason: String? = nil, iotEdge: Bool = false
    ) {
        self.deviceId = deviceId
        generationId = ""
        etag = ""
        connectionState = .disconnected
        self.status = status
        self.statusReason = statusReason
        connectionStateUpdatedTime = nil
        statusUpdatedTime = nil
        lastActivityTime = nil
        cloudToDeviceMessageCount = 0
        self.authentication = authentication
        self.iotEdge = iotEdge
        deviceScope = nil
        parentScopes = []
    }

    /// The connection string a device uses, as `az iot hub device-identity connection-string show`
    /// prints it; `nil` when the device has no symmetric key.
    public func connectionString(hostName: String, useSecondaryKey: Bool = false) -> String? {
        guard authentication.type == .sas,
            let key = useSecondaryKey ? authentication.secondaryKey : authentication.primaryKey
        else { return nil }
        return ConnectionString([("HostName", hostName), ("DeviceId", deviceId), ("SharedAccessKey", key)]).description
    }
}
