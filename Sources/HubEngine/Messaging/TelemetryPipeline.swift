/// The telemetry path's in-memory state: compiled routes, the quota meter and throttles
/// (filled in by the telemetry work).
struct TelemetryPipeline: Sendable {
    init() {}
}
