import HubEngine
import JSONValue

extension AzConsole {
    /// An endpoint event printed exactly as `az iot hub monitor-events --properties ...` prints
    /// it (`properties` holds `sys`, `app`, `anno` or `all`; empty prints no properties), so the
    /// workbench's Telemetry pane shows events in the shape the learner knows from az.
    public static func monitorEventText(_ event: EnqueuedEvent, properties: Set<String>) -> String {
        MonitorEventsJSON.dumps(MonitorEventsEvent(properties: properties, contentType: nil).json(for: event))
    }

    /// The top-level numeric members of an event's body when it is a JSON object, in order,
    /// whatever content type the device declared (lab 04's device declares none): what a chart
    /// of a telemetry field plots.
    public static func numericBodyFields(_ event: EnqueuedEvent) -> [(name: String, value: Double)] {
        guard event.message.body.first == UInt8(ascii: "{"), case .object(let members)? = try? JSONValue(parsing: event.message.body) else { return [] }
        return members.compactMap { name, value -> (name: String, value: Double)? in
            switch value {
            case .integer(let number): (name, Double(number))
            case .double(let number): (name, number)
            default: nil
            }
        }
    }
}
