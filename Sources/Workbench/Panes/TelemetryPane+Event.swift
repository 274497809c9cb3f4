import AzConsole
import HubEngine

/// One event of the built-in endpoint as the Telemetry pane keeps it: the event itself, and its
/// body's numeric fields, read once where the event is read (off the frame loop) so the pane
/// can chart any of them without parsing bodies again.
public struct TelemetryEvent: Sendable {
    public let event: EnqueuedEvent
    public let numbers: [(name: String, value: Double)]

    public init(_ event: EnqueuedEvent) {
        self.event = event
        numbers = AzConsole.numericBodyFields(event)
    }

    /// The sending device (`iothub-connection-device-id`); empty for events the hub raised itself.
    public var deviceId: String { event.message.systemProperties.connectionDeviceId ?? "" }

    public func number(_ field: String) -> Double? {
        numbers.first { $0.name == field }?.value
    }
}
