import Foundation
import HubEngine
import JSONValue
import LabCore
import Testing

@Suite struct QuotaThrottlingRegistryTests {
    /// The 429 an S1 hub gives once the backlog of `operation` is full.
    private func backlogFull(
        _ operation: HubOperation, count: Int, per period: ThrottleLimit.Period, backlog: Int, retryAfter: Int = 1
    ) -> HubError {
        .quota(
            .throttleBacklogLimitExceeded(
                operation: operation, limit: ThrottleLimit(count: count, per: period), backlog: backlog, retryAfterSeconds: retryAfter))
    }

    @Test func registryOperationsPassTheBurstAndBacklogThenGet429UntilTheClockRefills() async throws {
        let fixture = try HubFixture()
        // S1: 100/min (one every 0.6 s), one minute of burst (100) and one of backlog (100), all kinds counted together.
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        for _ in 0..<99 { _ = try await fixture.hub.device("d1") }
        for _ in 0..<100 { _ = try await fixture.hub.modules(on: "d1") }
        await #expect(throws: backlogFull(.registryOperation, count: 100, per: .minute, backlog: 100)) {
            try await fixture.hub.device("d1")
        }
        let refused = await #expect(throws: HubError.self) { try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d2")) }
        #expect(refused?.httpStatus == 429)
        #expect(refused?.errorCode == 429002)
        #expect(refused?.errorName == "ThrottleBacklogLimitExceeded")
        #expect(await fixture.hub.deviceCount == 1, "a refused create registers nothing")
        // Two minutes pay back the backlog and refill the burst.
        fixture.clock.advance(by: 120)
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d2"))
    }

    @Test func eachOperationHasItsOwnAllowance() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        for _ in 0..<199 { _ = try await fixture.hub.device("d1") }
        await #expect(throws: HubError.self) { try await fixture.hub.device("d1") }
        // Twin reads, twin updates and queries are untouched by the registry's 429.
        _ = try await fixture.hub.twin(of: "d1")
        _ = try await fixture.hub.updateTwin(of: "d1", patch: ["tags": ["a": 1]], ifMatch: nil)
        _ = try await fixture.hub.query("SELECT * FROM devices")
    }

    @Test func twinReadsFromDeviceAndServiceShareTheTwinReadThrottle() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        // S1: 100/sec, burst and backlog 6,000 each.
        for _ in 0..<6_000 { _ = try await fixture.hub.twin(of: "d1") }
        for _ in 0..<6_000 { _ = try await fixture.hub.twinProperties(ofDevice: "d1", module: nil) }
        await #expect(throws: backlogFull(.twinRead, count: 100, per: .second, backlog: 6_000)) {
            try await fixture.hub.twin(of: "d1")
        }
        fixture.clock.advance(by: 1)
        _ = try await fixture.hub.twinProperties(ofDevice: "d1", module: nil)
    }

    @Test func queriesAboveTwentyAMinuteFillTheBacklogThenGet429() async throws {
        let fixture = try HubFixture()
        // S1: 20/min, so one query every 3 seconds; each page is a query.
        for _ in 0..<40 { _ = try await fixture.hub.query("SELECT * FROM devices") }
        await #expect(throws: backlogFull(.query, count: 20, per: .minute, backlog: 20, retryAfter: 3)) {
            try await fixture.hub.query("SELECT * FROM devices")
        }
        fixture.clock.advance(by: 3)
        _ = try await fixture.hub.query("SELECT * FROM devices")
    }

    @Test func twinUpdateRefusedByTheThrottleChangesNothing() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "d1"))
        // S1: 50/sec, burst and backlog 3,000 each; reported patches count as twin updates too.
        for index in 0..<6_000 {
            _ = try await fixture.hub.updateReportedProperties(ofDevice: "d1", module: nil, patch: ["n": .integer(index)])
        }
        await #expect(throws: backlogFull(.twinUpdate, count: 50, per: .second, backlog: 3_000)) {
            try await fixture.hub.updateTwin(of: "d1", patch: ["tags": ["late": true]], ifMatch: nil)
        }
        fixture.clock.advance(by: 1)
        #expect(try await fixture.hub.twin(of: "d1")[path: ["tags", "late"]] == nil)
    }
}
