/// The system properties of an IoT Hub message that a routing condition can read.
///
/// A message carries each under the key Azure gives it on the wire and in Event Hubs
/// annotations (the raw value: `content-type`, `iothub-connection-device-id`,
/// `iothub-enqueuedtime`); a condition names it with `$` and the name Microsoft documents for
/// queries (`$contentType`, `$connectionDeviceId`, `$enqueuedTime`, `$dt-dataschema`). A condition
/// may also write the key itself (`$iothub-enqueuedtime`). Names match ignoring letter case, as
/// IoT Hub's message properties do.
public enum MessageSystemProperty: String, CaseIterable, Sendable {
    case messageId = "message-id"
    case correlationId = "correlation-id"
    case userId = "user-id"
    case to = "to"
    case absoluteExpiryTime = "absolute-expiry-time"
    case contentType = "content-type"
    case contentEncoding = "content-encoding"
    case connectionDeviceId = "iothub-connection-device-id"
    case connectionModuleId = "iothub-connection-module-id"
    case connectionAuthMethod = "iothub-connection-auth-method"
    case connectionAuthGenerationId = "iothub-connection-auth-generation-id"
    case enqueuedTime = "iothub-enqueuedtime"
    case messageSource = "iothub-message-source"
    case dataSchema = "dt-dataschema"
    case subject = "dt-subject"

    /// The key a message carries this property under, as Azure names it.
    public var key: String { rawValue }

    /// How a routing condition names the property: `$contentType`, `$connectionDeviceId`,
    /// `$enqueuedTime`; the digital-twin properties keep their keys (`$dt-subject`).
    public var conditionName: String { "$" + camelCaseName }

    /// The property a condition's `$name` refers to, by its documented name or its key, ignoring
    /// letter case; `nil` for a name that is not a known system property.
    public init?(conditionName: String) {
        guard conditionName.first == "$" else { return nil }
        guard let property = Self.byLowercasedName[conditionName.dropFirst().lowercased()] else { return nil }
        self = property
    }

    /// This property's value among a message's system properties: under its key, or under its
    /// camel-case name (`contentType`, the spelling of the routing article's JSON message), in
    /// any letter case.
    public func value(in systemProperties: [String: String]) -> String? {
        systemProperties.propertyValue(named: key) ?? systemProperties.propertyValue(named: camelCaseName)
    }

    private var camelCaseName: String {
        switch self {
        case .messageId: "messageId"
        case .correlationId: "correlationId"
        case .userId: "userId"
        case .to: "to"
        case .absoluteExpiryTime: "absoluteExpiryTime"
        case .contentType: "contentType"
        case .contentEncoding: "contentEncoding"
        case .connectionDeviceId: "connectionDeviceId"
        case .connectionModuleId: "connectionModuleId"
        case .connectionAuthMethod: "connectionAuthMethod"
        case .connectionAuthGenerationId: "connectionAuthGenerationId"
        case .enqueuedTime: "enqueuedTime"
        case .messageSource: "messageSource"
        case .dataSchema: "dt-dataschema"
        case .subject: "dt-subject"
        }
    }

    private static let byLowercasedName: [String: MessageSystemProperty] = {
        var names: [String: MessageSystemProperty] = [:]
        for property in allCases {
            names[property.key.lowercased()] = property
            names[property.camelCaseName.lowercased()] = property
        }
        return names
    }()
}
