import Foundation
import HubEngine
import IoTLabApp
import LabCore

extension WorkbenchServices {
    /// How often the built-in endpoint is read while the last read found less than a page.
    static let telemetryPollInterval = Duration.milliseconds(100)
    /// Events read per partition per read; a full page is followed by another read at once, so
    /// a flood reaches the pane in a few large batches a second rather than one message each.
    static let telemetryPageSize = 1_000

    /// Reads `hub`'s built-in endpoint from now on (replacing any earlier watch) with the same
    /// reader `az iot hub monitor-events` uses, and sends each read's events as one batch.
    func watchTelemetry(hub: String, session: WorkspaceSession, send: @escaping @Sendable (WorkbenchMessage) -> Void) {
        telemetryWatch?.cancel()
        telemetryWatch = Task.detached {
            let reason = await Self.readTelemetry(hub: hub, session: session, send: send)
            send(.telemetryEnded(hub: hub, reason: Task.isCancelled ? "" : reason))
        }
    }

    /// Reads until cancelled; returns why it stopped otherwise (the hub does not exist).
    private static func readTelemetry(hub: String, session: WorkspaceSession, send: @Sendable (WorkbenchMessage) -> Void) async -> String {
        let cloud = await session.cloud
        guard let resource = await cloud.hubs().first(where: { $0.name == hub }) else {
            return "the IoT hub \(hub) does not exist yet"
        }
        let reader = EndpointReader(workspace: session.workspace, hubName: hub)
        do {
            var positions = try reader.positions(partitionCount: resource.partitionCount, at: .enqueuedTime(cloud.clock.now()))
            while !Task.isCancelled {
                let before = positions.nextSequences
                let events = try reader.readAll(from: &positions, limit: telemetryPageSize)
                if !events.isEmpty { send(.telemetryEvents(hub: hub, events: events.map(TelemetryEvent.init))) }
                let fullPage = zip(before, positions.nextSequences).contains { $1 - $0 >= Int64(telemetryPageSize) }
                if fullPage {
                    await Task.yield()
                } else {
                    try await Task.sleep(for: telemetryPollInterval)
                }
            }
        } catch is CancellationError {
            return ""
        } catch {
            return "\(error)"
        }
        return ""
    }
}
