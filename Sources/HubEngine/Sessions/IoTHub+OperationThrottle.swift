extension IoTHub {
    /// Applies Azure's operation throttle to a cloud-to-device send or receive or a direct method:
    /// within the allowance it passes at once; beyond it, traffic shaping holds it on the hub's
    /// clock until its turn; when the backlog is full it is refused with 429 (`QuotaError`).
    func admit(_ operation: HubOperation, cost: Int = 1) async throws {
        prepareTelemetry(at: clock.now())
        switch telemetry.throttle?.request(operation, cost: cost, at: clock.now()) ?? .admit {
        case .admit: return
        case .delay(let until): try await clock.sleep(until: until)
        case .reject(let error): throw error
        }
    }
}
