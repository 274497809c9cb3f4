import HubEngine
import JSONValue

extension AzConsole {
    /// An endpoint event as `az iot hub monitor-events --properties all` prints it, so other
    /// readers (`iotlab endpoint read`) show a message exactly as the learner knows it.
    public static func monitorEventJSON(_ event: EnqueuedEvent) -> JSONValue {
        MonitorEventsEvent(properties: ["all"], contentType: nil).json(for: event)
    }
}
