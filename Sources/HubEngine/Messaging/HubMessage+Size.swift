import LabCore

extension HubMessage {
    /// IoT Hub's largest device-to-cloud message: 256 KB, enrichments included.
    public static let maximumSize = 256 * 1024

    /// The size Azure checks against the limit, in UTF-8 bytes: the body, the values of the
    /// system properties the sender set (the hub's own stamps are not the sender's to pay for),
    /// and the names and values of the application properties, enrichments included.
    public var size: Int {
        let system = systemProperties
        // Added one by one: an array of the five values cost an allocation per message.
        var size = body.count + (system.messageId?.utf8.count ?? 0) + (system.correlationId?.utf8.count ?? 0)
        size += (system.userId?.utf8.count ?? 0) + (system.contentType?.utf8.count ?? 0) + (system.contentEncoding?.utf8.count ?? 0)
        if let expiry = system.absoluteExpiryTime { size += AzureTimestamp.string(expiry).utf8.count }
        for (name, value) in applicationProperties { size += name.utf8.count + value.utf8.count }
        return size
    }
}
