extension IoTHub {
    /// The counters and gauges now. `connectedDeviceCount` counts devices whose
    /// `connectionState` is connected; `dailyMessageQuotaUsed` is today's UTC count (kept in the workspace across reopening).
    public var metricsSnapshot: HubMetricsSnapshot {
        let now = clock.now()
        prepareTelemetry(at: now)
        let connected = state.devices.values.reduce(0) { $0 + ($1.connectionState == .connected ? 1 : 0) }
        return HubMetricsSnapshot(
            time: now, counters: persistedMetricCounts,
            gauges: [
                "connectedDeviceCount": connected, "totalDeviceCount": state.deviceCount,
                "dailyMessageQuotaUsed": telemetry.quota?.used(at: now) ?? 0,
            ])
    }

}
