import Foundation

extension HubMessage {
    /// The message `message` from `sender` becomes once the hub accepts it at `time`: the
    /// sender's properties kept, the connection facts and enqueued time stamped as Azure does.
    public init(stamping message: DeviceMessage, from sender: MessageSender, generationId: String?, at time: Date) {
        let properties = MessageSystemProperties(
            messageId: message.messageId, correlationId: message.correlationId, userId: message.userId,
            contentType: message.contentType, contentEncoding: message.contentEncoding,
            absoluteExpiryTime: message.absoluteExpiryTime, connectionDeviceId: sender.deviceId,
            connectionModuleId: sender.moduleId, connectionAuthMethod: Self.authMethod(of: sender),
            connectionAuthGenerationId: generationId, enqueuedTime: time, messageSource: RoutingSource.deviceMessages.messageSource)
        self.init(body: message.body, systemProperties: properties, applicationProperties: message.applicationProperties)
    }

    /// `iothub-connection-auth-method` as Azure writes it: a JSON text naming the scope (device
    /// or module), the credential type and the issuer.
    static func authMethod(of sender: MessageSender) -> String {
        let scope = sender.moduleId == nil ? "device" : "module"
        let type =
            switch sender.authentication {
            case .sas: "sas"
            case .policySAS: "sas"
            case .x509: "x509Certificate"
            }
        let issuer = sender.authentication == .policySAS ? "hub" : "iothub"
        return #"{"scope":"\#(scope)","type":"\#(type)","issuer":"\#(issuer)","acceptingIpFilterRule":null}"#
    }
}
