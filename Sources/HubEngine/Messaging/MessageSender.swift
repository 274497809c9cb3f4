/// The authenticated identity a message or session belongs to, as the front door established it.
///
/// Authentication happens before the hub sees a message; the hub stamps these facts as
/// `iothub-connection-device-id`, `-module-id` and `-auth-method` so routes and readers can trust them.
public struct MessageSender: Sendable, Hashable {
    /// How the sender proved who it is, as `iothub-connection-auth-method` reports it.
    public enum AuthenticationKind: String, Sendable, Hashable {
        /// A SAS token signed with the identity's own key.
        case sas
        /// A SAS token signed with a shared access policy's key (DeviceConnect right).
        case policySAS
        /// An X.509 certificate (self-signed thumbprint or CA-signed).
        case x509
    }

    public var deviceId: String
    /// `nil` for the device itself.
    public var moduleId: String?
    public var authentication: AuthenticationKind

    public init(deviceId: String, moduleId: String? = nil, authentication: AuthenticationKind = .sas) {
        self.deviceId = deviceId
        self.moduleId = moduleId
        self.authentication = authentication
    }

    /// `deviceId` or `deviceId/moduleId`, the key twins and sessions are held under.
    public var key: String {
        moduleId.map { deviceId + "/" + $0 } ?? deviceId
    }
}
