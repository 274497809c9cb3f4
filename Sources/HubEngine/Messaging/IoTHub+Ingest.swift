import Foundation
import WorkspaceStore

extension IoTHub {
    /// Accepts one telemetry message from a connected sender: the D2C throttle (traffic shaping
    /// waits on the hub's clock, then 429), the 256 KB limit with enrichments, the daily quota,
    /// stamping, routing, enrichment and delivery, all endpoint writes and the routing decision
    /// in one workspace transaction. Returns only after the commit: acknowledged means durable.
    public func ingest(_ message: DeviceMessage, from sender: MessageSender) async throws -> IngestReceipt {
        let results = try await ingest([(message, sender)])
        return try results[0].get()
    }

    /// Accepts many messages in one workspace transaction (group commit), each judged on its own:
    /// a refused message is a failure in its slot and does not stop the others. Throws only when
    /// the task is cancelled while traffic shaping holds the batch.
    public func ingest(_ batch: [(DeviceMessage, MessageSender)]) async throws -> [Result<IngestReceipt, any Error>] {
        var results = [Result<IngestReceipt, any Error>?](repeating: nil, count: batch.count)
        prepareTelemetry(at: clock.now())
        metrics.count("d2c.telemetry.ingress.allProtocol", by: batch.count)
        var wakeTime: Date?
        var generationIds = [String?](repeating: nil, count: batch.count)
        for (index, (_, sender)) in batch.enumerated() {
            do {
                generationIds[index] = try senderGenerationId(sender)
                switch telemetry.throttle?.request(.deviceToCloudSend, at: clock.now()) ?? .admit {
                case .admit: break
                case .delay(let until): wakeTime = max(wakeTime ?? until, until)
                case .reject(let error):
                    metrics.count("d2c.telemetry.ingress.sendThrottle")
                    throw error
                }
            } catch {
                results[index] = .failure(error)
            }
        }
        if let wakeTime { try await clock.sleep(until: wakeTime) }
        // The hub may have changed while the batch waited (settings, identities): judge it now.
        prepareTelemetry(at: clock.now())
        let now = clock.now()
        let quotaBefore = telemetry.quota
        var accepted: [(index: Int, decision: RoutingDecision, copies: [EndpointCopy])] = []
        for (index, (message, sender)) in batch.enumerated() where results[index] == nil {
            do {
                // Judged again only when the batch waited: the hub may have changed meanwhile.
                let generationId = try (wakeTime == nil ? generationIds[index] : nil) ?? senderGenerationId(sender)
                let stamped = HubMessage(stamping: message, from: sender, generationId: generationId, at: now)
                let size = stamped.size
                let (decision, copies) = route(stamped, source: .deviceMessages, twinKey: sender.key)
                try Self.checkSize(size, copies: copies)
                try telemetry.quota?.charge(payloadBytes: size, at: now)
                accepted.append((index, decision, copies))
            } catch {
                results[index] = .failure(error)
            }
        }
        // Counted before the write so the counts commit with the messages they count (a new
        // process's `iotlab metrics` sees them); put back if the write fails.
        let metricsBefore = metrics
        // The accepted messages are read in place, by index, here and below: each copy of one
        // (its decision with every route's trace, its endpoint copies) cost retains and releases.
        var counts = RoutingMetricCounts()
        for item in accepted.indices { counts.add(accepted[item].decision, copies: accepted[item].copies) }
        count(counts)
        let metricCounts = unsavedMetricCounts
        let scope = self.scope
        do {
            try workspace.write { writer in
                var appends = StreamAppends()
                var journal = MessageRoutedJournal(scope: scope, time: now)
                for item in accepted.indices {
                    try deliver(accepted[item].copies, decision: accepted[item].decision, into: &appends, journal: &journal, in: writer, at: now)
                }
                _ = try appends.write(in: writer)
                try writer.append(journal.batch)
                if !accepted.isEmpty { try persistQuotaUsage(in: writer, at: now) }
                try Self.storeMetricCounts(metricCounts, scope: scope, in: writer)
            }
        } catch {
            telemetry.quota = quotaBefore
            metrics = metricsBefore
            for item in accepted { results[item.index] = .failure(HubError.storeFailure(String(describing: error))) }
            return results.compactMap { $0 }
        }
        metricCountsSaved(metricCounts)
        // Only the last ones can stay among the recent decisions.
        for item in accepted.indices.suffix(TelemetryPipeline.recentDecisionCapacity) { telemetry.remember(accepted[item].decision) }
        for item in accepted.indices {
            results[accepted[item].index] = .success(IngestReceipt(enqueuedTime: now, decision: accepted[item].decision))
        }
        // Every slot is decided by now: refused before the write, or committed (or not) with it.
        return results.compactMap { $0 }
    }

    /// The generation id of a sender that may send: registered, and enabled.
    private func senderGenerationId(_ sender: MessageSender) throws -> String {
        guard let device = state.devices[sender.deviceId] else { throw HubError.deviceNotFound(deviceId: sender.deviceId) }
        guard device.status == .enabled else { throw TelemetryError.identityDisabled(key: sender.key) }
        guard let moduleId = sender.moduleId else { return device.generationId }
        guard let module = state.module(moduleId, on: sender.deviceId) else {
            throw HubError.moduleNotFound(deviceId: sender.deviceId, moduleId: moduleId)
        }
        return module.generationId
    }

    /// Refuses a message larger than 256 KB as sent (`size`) or as any endpoint receives it enriched.
    private static func checkSize(_ size: Int, copies: [EndpointCopy]) throws(TelemetryError) {
        if size > HubMessage.maximumSize {
            throw .messageTooLarge(size: size, limit: HubMessage.maximumSize, endpoint: nil)
        }
        for copy in copies where copy.size > HubMessage.maximumSize {
            throw .messageTooLarge(size: copy.size, limit: HubMessage.maximumSize, endpoint: copy.endpointNames.first)
        }
    }
}
