import Foundation
import HubEngine
import JSONValue
import LabCore
import Testing
import WorkspaceStore

@Suite struct QuotaChargingTests {
    private func used(_ hub: IoTHub) async -> Int? {
        await hub.metricsSnapshot.gauges["dailyMessageQuotaUsed"]
    }

    /// Half-kilobyte blocks of `bytes`, as an F1 hub counts them.
    private func blocks(_ bytes: Int) -> Int { max(1, (bytes + 511) / 512) }

    /// An F1 hub whose whole day of 8,000 messages is used by telemetry.
    private func exhaustedFreeHub() async throws -> TelemetryFixture {
        let fixture = try await TelemetryFixture(sku: "F1")
        let sender = MessageSender(deviceId: "d1")
        for _ in 0..<15 { _ = try await fixture.hub.ingest(DeviceMessage(body: [UInt8](repeating: 65, count: 262_144)), from: sender) }
        _ = try await fixture.hub.ingest(DeviceMessage(body: [UInt8](repeating: 65, count: 320 * 512)), from: sender)
        #expect(await used(fixture.hub) == 8_000)
        return fixture
    }

    private var dayUsedUp: HubError { .quota(.iotHubQuotaExceeded(hubName: "lab-hub", limit: 8_000, current: 8_000)) }

    @Test func cloudToDeviceSendsCountTheirSizeInTheTiersBlocks() async throws {
        let fixture = try await TelemetryFixture(sku: "F1")
        // 1,000 bytes of body and 24 of property are 2 half-kilobyte blocks.
        try await fixture.hub.sendCloudToDevice(
            CloudToDeviceMessage(body: [UInt8](repeating: 1, count: 1_000), properties: ["k": String(repeating: "v", count: 23)]), to: "d1")
        #expect(await used(fixture.hub) == 2)
        // A send refused for queue depth or size counts nothing.
        await #expect(throws: DeviceMessagingError.self) {
            try await fixture.hub.sendCloudToDevice(CloudToDeviceMessage(body: [UInt8](repeating: 1, count: 70_000)), to: "d1")
        }
        #expect(await used(fixture.hub) == 2)
    }

    @Test func twinReadsCountTheTwinTheyReturnAndUpdatesThePatchTheySend() async throws {
        let fixture = try await TelemetryFixture(sku: "F1")
        let patch: JSONValue = ["tags": ["note": .string(String(repeating: "x", count: 600))]]
        _ = try await fixture.hub.updateTwin(of: "d1", patch: patch, ifMatch: nil)
        #expect(await used(fixture.hub) == blocks(patch.compactBytes.count))
        let afterUpdate = blocks(patch.compactBytes.count)
        let document = try await fixture.hub.twin(of: "d1")
        #expect(await used(fixture.hub) == afterUpdate + blocks(document.compactBytes.count))
        let deviceView = try await fixture.hub.twinProperties(ofDevice: "d1", module: nil)
        let reported: JSONValue = ["temperature": 21]
        _ = try await fixture.hub.updateReportedProperties(ofDevice: "d1", module: nil, patch: reported)
        #expect(
            await used(fixture.hub)
                == afterUpdate + blocks(document.compactBytes.count) + blocks(deviceView.compactBytes.count) + 1)
    }

    @Test func aUsedUpDayRefusesC2DTwinsAndMethodsWith403002AndChangesNothing() async throws {
        let fixture = try await exhaustedFreeHub()
        let hub = fixture.hub
        await #expect(throws: dayUsedUp) { try await hub.sendCloudToDevice(CloudToDeviceMessage(body: [1]), to: "d1") }
        #expect(try await hub.cloudToDeviceQueueDepth(deviceId: "d1") == 0)
        await #expect(throws: dayUsedUp) { try await hub.updateTwin(of: "d1", patch: ["tags": ["a": 1]], ifMatch: nil) }
        await #expect(throws: dayUsedUp) { try await hub.twin(of: "d1") }
        await #expect(throws: dayUsedUp) { try await hub.updateReportedProperties(ofDevice: "d1", module: nil, patch: ["a": 1]) }
        let session = try await hub.connect(MessageSender(deviceId: "d1"))
        try await session.subscribe([.methods])
        await #expect(throws: dayUsedUp) { try await hub.invokeMethod(DirectMethodCall(methodName: "reboot"), onDevice: "d1") }
        // The next UTC day the twin reads back unchanged.
        fixture.clock.advance(by: 86_400)
        #expect(try await hub.twin(of: "d1")[path: ["tags", "a"]] == nil)
    }

    @Test func answeredMethodsCountRequestAndResponseAndUnansweredOnesNothing() async throws {
        let fixture = try await TelemetryFixture(sku: "F1")
        let hub = fixture.hub
        await #expect(throws: DeviceMessagingError.deviceNotOnline(identity: "d1")) {
            try await hub.invokeMethod(DirectMethodCall(methodName: "reboot"), onDevice: "d1")
        }
        #expect(await used(hub) == 0)
        let session = try await hub.connect(MessageSender(deviceId: "d1"))
        try await session.subscribe([.methods])
        // A 1,000-byte request is 2 blocks, an empty (null) response 1.
        let payload: JSONValue = ["data": .string(String(repeating: "p", count: 989))]
        #expect(payload.compactBytes.count == 1_000)
        let call = Task { try await hub.invokeMethod(DirectMethodCall(methodName: "reboot", payload: payload), onDevice: "d1") }
        guard case .methodRequest(let request) = await nextDelivery(of: session) else {
            Issue.record("no method request")
            return
        }
        try await session.respond(to: request, status: 200, payload: .null)
        #expect(try await call.value.status == 200)
        #expect(await used(hub) == 3)
    }

    @Test func chargesSurviveReopeningTheHub() async throws {
        try await withWorkspaceFile { file in
            let clock = ManualClock()
            let settings = HubSettings(name: "lab-hub", skuName: "F1", units: 1)
            do {
                let hub = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
                _ = try await hub.createDevice(DeviceIdentity(deviceId: "d1"))
                try await hub.sendCloudToDevice(CloudToDeviceMessage(body: [UInt8](repeating: 1, count: 600)), to: "d1")
                _ = try await hub.updateTwin(of: "d1", patch: ["tags": ["a": 1]], ifMatch: nil)
            }
            let reopened = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
            #expect(await reopened.metricsSnapshot.gauges["dailyMessageQuotaUsed"] == 3)
        }
    }
}
