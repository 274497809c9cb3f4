import Foundation
import HubEngine
import JSONValue
import Testing

@testable import AzConsole

@Suite struct CloudToDeviceCommandTests {
    @Test func sendReceiveAndCompleteFollowTheExtensionsShapes() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        #expect(try await az.output("iot device c2d-message send -n hub1 -d d1 --data hello --props 'color=red;size=2' --mid m1 --cid c1 --ack full") == "")
        let received = try JSONValue(parsing: try await az.output("iot device c2d-message receive -n hub1 -d d1"))
        #expect(received["data"] == "hello")
        #expect(received[path: ["properties", "app"]] == ["color": "red", "size": "2"])
        let system = try #require(received[path: ["properties", "system"]])
        #expect(system["iothub-messageid"] == "m1")
        #expect(system["iothub-correlationid"] == "c1")
        #expect(system["iothub-ack"] == "full")
        #expect(system["iothub-deliverycount"] == "0")
        #expect(system["iothub-sequencenumber"] == "1")
        #expect(system["iothub-to"] == "/devices/d1/messages/deviceBound")
        #expect(system["iothub-enqueuedtime"] == "1/1/2026 12:00:00 AM")
        #expect(system["ContentEncoding"] == "utf-8")
        guard case .string(let etag) = received["etag"] else { Issue.record("no etag"); return }
        #expect(try await az.output("iot device c2d-message receive -n hub1 -d d1") == "")
        #expect(try await az.output("iot device c2d-message complete -n hub1 -d d1 --etag \(etag)") == "")
        let again = await az.run("iot device c2d-message complete -n hub1 -d d1 -e \(etag)")
        #expect(again.exitCode == 1)
        #expect(again.standardError.hasPrefix(#"ERROR: {"Message":"ErrorCode:DeviceMessageLockLost;"#))
    }

    @Test func receiveCanSettleAtOnceButOnlyOneWay() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        _ = try await az.output("iot device c2d-message send -n hub1 -d d1")
        let both = await az.run("iot device c2d-message receive -n hub1 -d d1 --complete --reject")
        #expect(both.exitCode == 1)
        #expect(both.standardError == "ERROR: Only one c2d-message ack argument can be used [--complete, --abandon, --reject]\n")
        let abandoned = try JSONValue(parsing: try await az.output("iot device c2d-message receive -n hub1 -d d1 --abandon"))
        #expect(abandoned["ack"] == "abandon")
        #expect(abandoned["data"] == "Ping from Az CLI IoT Extension")
        let rejected = try JSONValue(parsing: try await az.output("iot device c2d-message receive -n hub1 -d d1 --reject"))
        #expect(rejected[path: ["properties", "system", "iothub-deliverycount"]] == "1")
        #expect(try await az.output("iot device c2d-message receive -n hub1 -d d1") == "")
    }

    @Test func purgeReportsTheCountAndAFullQueueIsRefused() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        for _ in 1...50 { _ = try await az.output("iot device c2d-message send -n hub1 -d d1") }
        let full = await az.run("iot device c2d-message send -n hub1 -d d1")
        #expect(full.exitCode == 1)
        #expect(full.standardError.contains("ErrorCode:DeviceMaximumQueueDepthExceeded;"))
        let purged = try JSONValue(parsing: try await az.output("iot device c2d-message purge -n hub1 -d d1"))
        #expect(purged == ["deviceId": "d1", "moduleId": nil, "totalMessagesPurged": 50])
    }

    @Test func anExpiryInThePastIsRefusedAndAFutureOneIsKept() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        let now = Int(az.cloud.clock.now().timeIntervalSince1970 * 1000)
        let past = await az.run("iot device c2d-message send -n hub1 -d d1 --expiry \(now - 1)")
        #expect(past.standardError == "ERROR: Message expiry time utc is in the past!\n")
        _ = try await az.output("iot device c2d-message send -n hub1 -d d1 --expiry-time-utc \(now + 90_000)")
        let received = try JSONValue(parsing: try await az.output("iot device c2d-message receive -n hub1 -d d1"))
        #expect(received[path: ["properties", "system", "iothub-expiry"]] == "1/1/2026 12:01:30 AM")
    }
}
