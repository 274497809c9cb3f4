import Foundation
import HubEngine
import Testing

/// Many connected devices sending at once, as front doors do: every message is committed and
/// acknowledged on its own terms, however the hub groups them into transactions.
@Suite struct SessionGroupCommitTests {
    @Test func concurrentSendsFromManySessionsAreAllDurableAndJudgedAlone() async throws {
        let fixture = try HubFixture()
        let deviceIds = (0..<20).map { "sensor-\($0)" }
        var sessions: [DeviceSession] = []
        for id in deviceIds {
            _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: id))
            sessions.append(try await fixture.hub.connect(MessageSender(deviceId: id)))
        }
        let oversized = DeviceMessage(body: Array(repeating: 0x41, count: 256 * 1024 + 1))
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            for (index, session) in sessions.enumerated() {
                for message in 0..<5 {
                    group.addTask {
                        let body = index == 3 && message == 2 ? oversized : DeviceMessage(body: Array(#"{"n":\#(message)}"#.utf8))
                        do {
                            _ = try await session.send(body)
                            return (index, true)
                        } catch {
                            return (index, false)
                        }
                    }
                }
            }
            var outcomes: [(Int, Bool)] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        #expect(outcomes.count == 100)
        #expect(outcomes.filter { !$0.1 }.map(\.0) == [3])

        var positions = try EndpointReader(workspace: fixture.workspace, hubName: "lab-hub").positions(partitionCount: 4, at: .earliest)
        let stored = try EndpointReader(workspace: fixture.workspace, hubName: "lab-hub").readAll(from: &positions, limit: 1000)
        #expect(stored.count == 99)
        #expect(Set(stored.map(\.message.systemProperties.connectionDeviceId)) == Set(deviceIds))
    }

    @Test func messagesSubmittedBeforeADisconnectAreCommittedNotDropped() async throws {
        let fixture = try HubFixture()
        _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: "raw-1"))
        let session = try await fixture.hub.connect(MessageSender(deviceId: "raw-1"))
        // A QoS 0 publish followed at once by DISCONNECT: nothing waits for the first.
        let pending = (0..<3).map { session.submit(DeviceMessage(body: Array(#"{"n":\#($0)}"#.utf8))) }
        await session.disconnect()
        for message in pending {
            _ = try await message.receipt
        }
        var positions = try EndpointReader(workspace: fixture.workspace, hubName: "lab-hub").positions(partitionCount: 4, at: .earliest)
        let stored = try EndpointReader(workspace: fixture.workspace, hubName: "lab-hub").readAll(from: &positions, limit: 10)
        #expect(stored.map { String(decoding: $0.message.body, as: UTF8.self) } == [#"{"n":0}"#, #"{"n":1}"#, #"{"n":2}"#])
        await #expect(throws: DeviceMessagingError.connectionClosed(identity: "raw-1")) {
            try await session.submit(DeviceMessage(body: Array("late".utf8))).receipt
        }
    }
}
