import Foundation
import HubEngine
import JSONValue
import LabCore
import Testing
import WorkspaceStore

@Suite struct MetricsPersistenceTests {
    private let settings = HubSettings(name: "lab-hub", skuName: "S1", units: 1)

    @Test func countersSentByOneShotProcessesShowInANewProcess() async throws {
        try await withWorkspaceFile { file in
            let clock = ManualClock()
            // Each block is one short-lived process: its own Workspace and hub on the same file.
            do {
                let hub = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
                _ = try await hub.createDevice(DeviceIdentity(deviceId: "d1"))
            }
            for _ in 0..<2 {
                let hub = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
                let session = try await hub.connect(MessageSender(deviceId: "d1"))
                _ = try await session.send(DeviceMessage(body: [1]))
                _ = try await session.send(DeviceMessage(body: [2]))
            }
            do {
                let hub = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
                try await hub.sendCloudToDevice(CloudToDeviceMessage(body: [1]), to: "d1")
                let received = try await hub.receiveCloudToDevice(deviceId: "d1")
                try await hub.completeCloudToDevice(deviceId: "d1", lockToken: try #require(received).lockToken)
            }
            let reader = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
            let counters = await reader.metricsSnapshot.counters
            #expect(counters["d2c.telemetry.ingress.allProtocol"] == 4)
            #expect(counters["d2c.telemetry.ingress.success"] == 4)
            #expect(counters["d2c.endpoints.egress.builtIn.events"] == 4)
            #expect(counters["c2d.commands.egress.complete.success"] == 1)
        }
    }

    @Test func twoProcessesOpenAtOnceBothKeepTheirCounts() async throws {
        try await withWorkspaceFile { file in
            let clock = ManualClock()
            let first = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
            _ = try await first.createDevice(DeviceIdentity(deviceId: "d1"))
            let second = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
            let one = try await first.connect(MessageSender(deviceId: "d1"))
            _ = try await one.send(DeviceMessage(body: [1]))
            let two = try await second.connect(MessageSender(deviceId: "d1"))
            _ = try await two.send(DeviceMessage(body: [2]))
            _ = try await one.send(DeviceMessage(body: [3]))
            #expect(await first.metricsSnapshot.counters["d2c.telemetry.ingress.success"] == 3)
            #expect(await second.metricsSnapshot.counters["d2c.telemetry.ingress.success"] == 3)
        }
    }

    @Test func telemetryIngestedDirectlyIsStoredWithTheHubsNextWrite() async throws {
        try await withWorkspaceFile { file in
            let clock = ManualClock()
            do {
                let hub = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
                _ = try await hub.createDevice(DeviceIdentity(deviceId: "d1"))
                _ = try await hub.ingest(DeviceMessage(body: [1]), from: MessageSender(deviceId: "d1"))
                _ = try await hub.updateTwin(of: "d1", patch: ["tags": ["a": 1]], ifMatch: nil)
            }
            let reader = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
            #expect(await reader.metricsSnapshot.counters["d2c.telemetry.ingress.success"] == 1)
        }
    }
}
