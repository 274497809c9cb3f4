extension IoTHub {
    /// Applies Azure's operation throttle to a registry, twin or query operation, which answers
    /// at once and cannot wait on the clock.
    ///
    /// Traffic shaping still holds: an operation the bucket would queue (`.delay`) is admitted now
    /// and its cost stays borrowed against future refills, so the queue fills at the rate the
    /// caller goes and the operation that finds it full gets `429002 ThrottleBacklogLimitExceeded`.
    /// A learner sees the same sequence as on Azure (burst, then a backlog, then 429s), only
    /// without the added latency in between (docs/differences-from-azure.md, "Quotas and throttling").
    func admitAtOnce(_ operation: HubOperation) throws(HubError) {
        let now = clock.now()
        prepareTelemetry(at: now)
        if case .reject(let error) = telemetry.throttle?.request(operation, at: now) ?? .admit {
            throw .quota(error)
        }
    }
}
