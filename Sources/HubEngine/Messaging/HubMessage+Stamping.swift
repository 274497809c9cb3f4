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
    /// The text is one of a few constants, chosen rather than built per message.
    static func authMethod(of sender: MessageSender) -> String {
        switch (sender.moduleId == nil, sender.authentication) {
        case (true, .sas): #"{"scope":"device","type":"sas","issuer":"iothub","acceptingIpFilterRule":null}"#
        case (true, .policySAS): #"{"scope":"device","type":"sas","issuer":"hub","acceptingIpFilterRule":null}"#
        case (true, .x509): #"{"scope":"device","type":"x509Certificate","issuer":"iothub","acceptingIpFilterRule":null}"#
        case (false, .sas): #"{"scope":"module","type":"sas","issuer":"iothub","acceptingIpFilterRule":null}"#
        case (false, .policySAS): #"{"scope":"module","type":"sas","issuer":"hub","acceptingIpFilterRule":null}"#
        case (false, .x509): #"{"scope":"module","type":"x509Certificate","issuer":"iothub","acceptingIpFilterRule":null}"#
        }
    }
}
