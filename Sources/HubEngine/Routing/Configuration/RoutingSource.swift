/// Where a routed message comes from: Azure's route `source` values.
///
/// Telemetry is `DeviceMessages`; the others are events the hub itself produces when a twin, an
/// identity or a connection changes, routed only when a route for that source exists.
public enum RoutingSource: String, CaseIterable, Sendable, Hashable {
    case deviceMessages = "DeviceMessages"
    case twinChangeEvents = "TwinChangeEvents"
    case deviceLifecycleEvents = "DeviceLifecycleEvents"
    case deviceConnectionStateEvents = "DeviceConnectionStateEvents"
    case deviceJobLifecycleEvents = "DeviceJobLifecycleEvents"

    /// The source named `text`, ignoring letter case as Resource Manager does.
    public init?(azureName text: String) {
        guard let source = Self.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame }) else {
            return nil
        }
        self = source
    }

    /// The `iothub-message-source` a message of this source is stamped with.
    public var messageSource: String {
        switch self {
        case .deviceMessages: "Telemetry"
        case .twinChangeEvents: "twinChangeEvents"
        case .deviceLifecycleEvents: "deviceLifecycleEvents"
        case .deviceConnectionStateEvents: "deviceConnectionStateEvents"
        case .deviceJobLifecycleEvents: "deviceJobLifecycleEvents"
        }
    }
}
