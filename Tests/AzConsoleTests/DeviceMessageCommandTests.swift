import Foundation
import HubEngine
import JSONValue
import Testing
import WorkspaceStore

@testable import AzConsole

@Suite struct DeviceMessageCommandTests {
    private func events(_ az: ConsoleHarness) throws -> [EnqueuedEvent] {
        let reader = EndpointReader(workspace: az.cloud.workspace, hubName: "hub1")
        var positions = try reader.positions(partitionCount: 4, at: .earliest)
        return try reader.readAll(from: &positions, limit: 100)
    }

    @Test func messagesReachTheBuiltInEndpointWithTheirProperties() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        #expect(try await az.output("iot device send-d2c-message -n hub1 -d d1 --data '{\"t\":21}' --props 'alert=true;$.ct=application/json;$.ce=utf-8;$.mid=m1' --msg-count 3") == "")
        let received = try events(az)
        #expect(received.count == 3)
        let first = try #require(received.first?.message)
        #expect(first.body == Array(#"{"t":21}"#.utf8))
        #expect(first.applicationProperties == ["alert": "true"])
        #expect(first.systemProperties.contentType == "application/json")
        #expect(first.systemProperties.contentEncoding == "utf-8")
        #expect(first.systemProperties.messageId == "m1")
        #expect(first.systemProperties.connectionDeviceId == "d1")
        #expect(try await az.cloud.engine(forHub: "hub1").device("d1").connectionState == .disconnected)
    }

    @Test func theDefaultBodyIsTheExtensionsPing() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        _ = try await az.output("iot device send-d2c-message -n hub1 -d d1")
        #expect(try events(az).map { String(decoding: $0.message.body, as: UTF8.self) } == ["Ping from Az CLI IoT Extension"])
    }

    @Test func anUnknownOrDisabledDeviceCannotSend() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        let unknown = await az.run("iot device send-d2c-message -n hub1 -d ghost")
        #expect(unknown.standardError.contains("ErrorCode:DeviceNotFound;"))
        _ = try await az.output("iot hub device-identity update -n hub1 -d d1 --status disabled -o none")
        let disabled = await az.run("iot device send-d2c-message -n hub1 -d d1")
        #expect(disabled.standardError.contains("ErrorCode:IotHubUnauthorizedAccess;"))
        #expect(try events(az).isEmpty)
    }

    @Test func aSessionSendsAndAClosedOneCannot() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        let hub = try await az.cloud.engine(forHub: "hub1")
        let session = try await hub.connect(MessageSender(deviceId: "d1"))
        let receipt = try await session.send(DeviceMessage(body: [1, 2]))
        #expect(receipt.enqueuedTime == az.cloud.clock.now())
        await session.disconnect()
        await #expect(throws: DeviceMessagingError.connectionClosed(identity: "d1")) { _ = try await session.send(DeviceMessage()) }
        #expect(try events(az).count == 1)
    }
}
