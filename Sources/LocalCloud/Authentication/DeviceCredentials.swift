/// What a device or module presents when it connects, as a front door read it off the wire.
///
/// The front door does no checking of its own: MQTT, HTTPS and (later) AMQP hand the same fields
/// to ``LocalCloud/authenticateDevice(_:at:)``, so every door accepts and refuses alike.
public struct DeviceCredentials: Sendable, Equatable {
    /// The hub host the client names: the MQTT username's first segment or the HTTP `Host`.
    /// Either a hub's `NAME.azure-devices.net`, or an alias such as `localhost` when the client
    /// connects without `GatewayHostName`.
    public var hostName: String
    public var deviceId: String
    /// `nil` for the device itself.
    public var moduleId: String?
    /// The MQTT password or the HTTP `Authorization` header, verbatim; `nil` for X.509.
    public var sasToken: String?
    /// The DER bytes of the certificate the client presented in the TLS handshake, if any.
    public var clientCertificate: [UInt8]?
    /// The DER bytes of the rest of the chain the client sent after its own certificate.
    public var certificateChain: [[UInt8]]

    public init(
        hostName: String, deviceId: String, moduleId: String? = nil, sasToken: String? = nil,
        clientCertificate: [UInt8]? = nil, certificateChain: [[UInt8]] = []
    ) {
        self.hostName = hostName
        self.deviceId = deviceId
        self.moduleId = moduleId
        self.sasToken = sasToken
        self.clientCertificate = clientCertificate
        self.certificateChain = certificateChain
    }
}
