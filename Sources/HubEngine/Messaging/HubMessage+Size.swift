import LabCore

extension HubMessage {
    /// IoT Hub's largest device-to-cloud message: 256 KB, enrichments included.
    public static let maximumSize = 256 * 1024

    /// The size Azure checks against the limit, in UTF-8 bytes: the body, the values of the
    /// system properties the sender set (the hub's own stamps are not the sender's to pay for),
    /// and the names and values of the application properties, enrichments included.
    public var size: Int {
        let system = systemProperties
        let senderValues = [system.messageId, system.correlationId, system.userId, system.contentType, system.contentEncoding]
        return body.count
            + senderValues.reduce(0) { $0 + ($1?.utf8.count ?? 0) }
            + (system.absoluteExpiryTime.map { AzureTimestamp.string($0).utf8.count } ?? 0)
            + applicationProperties.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
    }
}
