extension HubMessage {
    /// IoT Hub's largest device-to-cloud message: 256 KB, enrichments included.
    public static let maximumSize = 256 * 1024

    /// The size Azure checks against the limit: the body, the values of the system properties,
    /// and the names and values of the application properties, in UTF-8 bytes.
    public var size: Int {
        body.count
            + systemProperties.named.reduce(0) { $0 + $1.value.utf8.count }
            + applicationProperties.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
    }
}
