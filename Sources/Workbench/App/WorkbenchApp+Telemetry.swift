extension WorkbenchApp {
    /// A batch read from a hub's built-in endpoint: the Telemetry pane's stream and chart, and
    /// each device's last message in the Devices pane.
    mutating func receivedTelemetry(_ events: [TelemetryEvent], from hub: String) {
        guard telemetry.watching == hub else { return }
        telemetry.received(events)
        devices.noteMessages(events, hub: hub)
    }
}
