import Foundation
import HubEngine
import LabCore
import WorkspaceStore
import Testing

@Suite struct QuotaWiringTests {
    @Test func freeHubRefusesTheMessageThatWouldPassEightThousandHalfKilobyteBlocks() async throws {
        let fixture = try await TelemetryFixture(sku: "F1")
        let sender = MessageSender(deviceId: "d1")
        // 256 KB is 512 blocks of 0.5 KB: fifteen use 7,680 of 8,000, a sixteenth would pass it.
        let big = DeviceMessage(body: [UInt8](repeating: 65, count: 262_144))
        for _ in 0..<15 { _ = try await fixture.hub.ingest(big, from: sender) }
        await #expect(throws: QuotaError.iotHubQuotaExceeded(hubName: "lab-hub", limit: 8_000, current: 7_680)) {
            try await fixture.hub.ingest(big, from: sender)
        }
        #expect(await fixture.hub.metricsSnapshot.gauges["dailyMessageQuotaUsed"] == 7_680)
        // A small message still fits, and the count starts again at 00:00 UTC.
        _ = try await fixture.hub.ingest(DeviceMessage(body: [1]), from: sender)
        fixture.clock.advance(by: 86_400)
        _ = try await fixture.hub.ingest(big, from: sender)
        #expect(await fixture.hub.metricsSnapshot.gauges["dailyMessageQuotaUsed"] == 512)
    }

    @Test func sendsAboveTheThrottleWaitOnTheClockThenThe429Comes() async throws {
        let fixture = try await TelemetryFixture()
        let sender = MessageSender(deviceId: "d1")
        // S1: 100 sends/sec with one minute (6,000) of burst and one minute of backlog.
        let batch = [(DeviceMessage, MessageSender)](repeating: (DeviceMessage(body: [1]), sender), count: 12_001)
        let hub = fixture.hub
        let pending = Task { try await hub.ingest(batch) }
        await fixture.clock.waitForSleepers(1)
        #expect(try fixture.journal("MessageRouted").isEmpty, "nothing is acknowledged while shaping holds the batch")
        fixture.clock.advance(by: 60)
        let results = try await pending.value
        #expect(results.prefix(12_000).allSatisfy { (try? $0.get()) != nil })
        let start = ManualClock().now()
        #expect(try results[0].get().enqueuedTime == start.addingTimeInterval(60))
        #expect(throws: QuotaError.self) { try results[12_000].get() }
        if case .failure(let error as QuotaError) = results[12_000] {
            #expect(error.errorCode == 429002)
        }
        #expect(await hub.metricsSnapshot.counters["d2c.telemetry.ingress.sendThrottle"] == 1)
    }
}

@Suite struct QuotaPersistenceTests {
    @Test func reopenedHubKeepsCountingTheSameDaysQuota() async throws {
        try await withWorkspaceFile { file in
            let clock = ManualClock()
            let settings = HubSettings(name: "lab-hub", skuName: "F1", units: 1)
            let big = DeviceMessage(body: [UInt8](repeating: 65, count: 262_144))
            let sender = MessageSender(deviceId: "d1")
            do {
                let hub = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
                _ = try await hub.createDevice(DeviceIdentity(deviceId: "d1"))
                for _ in 0..<15 { _ = try await hub.ingest(big, from: sender) }
            }
            let reopened = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
            #expect(await reopened.metricsSnapshot.gauges["dailyMessageQuotaUsed"] == 7_680)
            await #expect(throws: QuotaError.iotHubQuotaExceeded(hubName: "lab-hub", limit: 8_000, current: 7_680)) {
                try await reopened.ingest(big, from: sender)
            }
            clock.advance(by: 86_400)
            let nextDay = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
            #expect(await nextDay.metricsSnapshot.gauges["dailyMessageQuotaUsed"] == 0)
        }
    }
}
