import Foundation
import HubEngine
import JSONValue
import LabCore
import Testing
import WorkspaceStore

@testable import AzConsole

@Suite struct MonitorEventsCommandTests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)
    static let authMethod = #"{"scope":"device","type":"sas","issuer":"iothub","acceptingIpFilterRule":null}"#

    /// Appends a telemetry message to hub1's built-in endpoint as the pipeline stores it.
    static func enqueue(
        _ az: ConsoleHarness, device: String, body: String, contentType: String? = "application/json",
        properties: OrderedDictionary<String, String> = [:], at time: Date = start
    ) throws {
        let message = HubMessage(
            body: Array(body.utf8),
            systemProperties: MessageSystemProperties(
                messageId: "m-\(device)", contentType: contentType, contentEncoding: contentType == nil ? nil : "utf-8",
                connectionDeviceId: device, connectionAuthMethod: authMethod, connectionAuthGenerationId: "638000000000000001",
                enqueuedTime: time, messageSource: "Telemetry"),
            applicationProperties: properties)
        let partition = StreamPartition(
            scope: IoTHub.storageScope(forHub: "hub1"), stream: "events", partition: EventPartitioner.partition(forKey: device, partitionCount: 4))
        try az.cloud.workspace.write { writer in
            try writer.appendStreamEvents([StreamEventDraft(enqueuedAt: time, payload: HubMessageCodec.encode(message))], to: partition)
        }
    }

    static let startMilliseconds = Int(start.timeIntervalSince1970 * 1000)

    @Test func eventsPrintInTheExtensionsShapeUntilMaxMessages() async throws {
        let az = try await ConsoleHarness.withHub()
        try Self.enqueue(az, device: "sensor-th-0001", body: #"{"temperature":25.5,"humidity":67}"#)
        try Self.enqueue(az, device: "sensor-th-0002", body: "plain text", contentType: nil, at: Self.start.addingTimeInterval(1))
        let output = try await az.output("iot hub monitor-events -n hub1 --et \(Self.startMilliseconds) --mm 2")
        #expect(output == """
            Starting event monitor, use ctrl-c to stop...
            {
                "event": {
                    "origin": "sensor-th-0001",
                    "module": "",
                    "interface": "",
                    "component": "",
                    "payload": {
                        "temperature": 25.5,
                        "humidity": 67
                    }
                }
            }
            {
                "event": {
                    "origin": "sensor-th-0002",
                    "module": "",
                    "interface": "",
                    "component": "",
                    "payload": "plain text"
                }
            }
            Successfully parsed 2 message(s).

            """)
    }

    @Test func aMessageSentWithSendD2CMessageIsMonitoredAsAzShowsIt() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["sensor-th-0001"])
        _ = try await az.output(#"iot device send-d2c-message -n hub1 -d sensor-th-0001 --data '{"temperature":31}' --props '$.ct=application/json;$.ce=utf-8;temperatureAlert=true'"#)
        let output = try await az.output("iot hub monitor-events -n hub1 -d sensor-th-0001 --et \(Self.startMilliseconds) --mm 1 --props app anno")
        let json = try JSONValue(parsing: String(output.split(separator: "\n", maxSplits: 1)[1]).replacingOccurrences(of: "Successfully parsed 1 message(s).\n", with: ""))
        let event = try #require(json["event"])
        #expect(event["origin"] == "sensor-th-0001")
        #expect(event["payload"] == ["temperature": 31])
        #expect(event[path: ["properties", "application"]] == ["temperatureAlert": "true"])
        #expect(event[path: ["properties", "system"]] == nil)
        #expect(event[path: ["annotations", "iothub-message-source"]] == "Telemetry")
        #expect(event[path: ["annotations", "iothub-connection-auth-method"]]?.stringValue?.contains(#""type":"sas""#) == true)
    }

    @Test func propertiesAllAddsSystemApplicationAndAnnotations() async throws {
        let az = try await ConsoleHarness.withHub()
        try Self.enqueue(az, device: "belt-1", body: #"{"vibration":1.5}"#, properties: ["sensorID": "VSLog", "beltAlert": "false"])
        let output = try await az.output("iot hub monitor-events -n hub1 --et \(Self.startMilliseconds) --mm 1 --properties all")
        #expect(output == """
            Starting event monitor, use ctrl-c to stop...
            {
                "event": {
                    "origin": "belt-1",
                    "module": "",
                    "interface": "",
                    "component": "",
                    "properties": {
                        "system": {
                            "content_encoding": "utf-8",
                            "content_type": "application/json",
                            "message_id": "m-belt-1"
                        },
                        "application": {
                            "sensorID": "VSLog",
                            "beltAlert": "false"
                        }
                    },
                    "annotations": {
                        "iothub-connection-device-id": "belt-1",
                        "iothub-connection-auth-method": "{\\"scope\\":\\"device\\",\\"type\\":\\"sas\\",\\"issuer\\":\\"iothub\\",\\"acceptingIpFilterRule\\":null}",
                        "iothub-connection-auth-generation-id": "638000000000000001",
                        "iothub-enqueuedtime": \(Self.startMilliseconds),
                        "iothub-message-source": "Telemetry",
                        "x-opt-sequence-number": 0,
                        "x-opt-offset": "0",
                        "x-opt-enqueued-time": \(Self.startMilliseconds)
                    },
                    "payload": {
                        "vibration": 1.5
                    }
                }
            }
            Successfully parsed 1 message(s).

            """)
    }

    @Test func deviceFilterTakesWildcardsAndIsAnnounced() async throws {
        let az = try await ConsoleHarness.withHub()
        try Self.enqueue(az, device: "sensor-1", body: "{}")
        try Self.enqueue(az, device: "pump-1", body: "{}", at: Self.start.addingTimeInterval(1))
        try Self.enqueue(az, device: "sensor-22", body: "{}", at: Self.start.addingTimeInterval(2))
        let output = try await az.output("iot hub monitor-events -n hub1 -d sensor-? --et \(Self.startMilliseconds) --mm 1")
        #expect(output.hasPrefix("Starting event monitor, filtering on device: sensor-?, use ctrl-c to stop...\n"))
        #expect(output.contains("\"origin\": \"sensor-1\""))
        #expect(MonitorEventsCommand.matches("sensor-*", "sensor-22"))
        #expect(!MonitorEventsCommand.matches("sensor-?", "sensor-22"))
        #expect(!MonitorEventsCommand.matches("sensor-1", "sensor-12"))
        #expect(MonitorEventsCommand.matches(nil, "anything"))
    }

    @Test func nonJSONOutputPrintsYAMLWithSortedKeysAsAzDoes() async throws {
        let az = try await ConsoleHarness.withHub()
        try Self.enqueue(az, device: "mydevice", body: #"{"temperature":70.5}"#)
        let output = try await az.output("iot hub monitor-events -n hub1 --et \(Self.startMilliseconds) --mm 1 -o table")
        #expect(output.hasPrefix("Starting event monitor, use ctrl-c to stop...\nevent:\n  component: ''\n  interface: ''\n  module: ''\n  origin: mydevice\n  payload:\n    temperature: 70.5\n"))
    }

    @Test func contentTypeHintParsesJSONTheDeviceDidNotDeclare() async throws {
        let az = try await ConsoleHarness.withHub()
        try Self.enqueue(az, device: "d1", body: #"{"a":"ünï"}"#, contentType: nil)
        let output = try await az.output("iot hub monitor-events -n hub1 --et \(Self.startMilliseconds) --mm 1 --ct application/json")
        #expect(output.contains(#""a": "\u00fcn\u00ef""#))
    }

    @Test func streamsLiveEventsAndStopsAfterTheIdleTimeoutOnTheClock() async throws {
        let az = try await ConsoleHarness.withHub()
        let clock = try #require(az.cloud.clock as? ManualClock)
        let lines = Lines()
        let console = az.console
        let directory = az.directory
        let monitor = Task {
            await console.run(ConsoleHarness.words("iot hub monitor-events -n hub1 --timeout 2"), workingDirectory: directory) { lines.append($0) }
        }
        await clock.waitForSleepers(1)
        #expect(lines.all == ["Starting event monitor, use ctrl-c to stop...\n"])
        try Self.enqueue(az, device: "live-1", body: #"{"n":1}"#, at: clock.now())
        clock.advance(by: 0.5)
        await clock.waitForSleepers(1)
        #expect(lines.all.count == 2)
        #expect(lines.all.last?.contains("\"origin\": \"live-1\"") == true)
        clock.advance(by: 2)
        let result = await monitor.value
        #expect(result == ConsoleResult(standardOutput: "", standardError: "", exitCode: 0))
    }

    @Test func cancellingStopsTheMonitorLikeCtrlC() async throws {
        let az = try await ConsoleHarness.withHub()
        let clock = try #require(az.cloud.clock as? ManualClock)
        let console = az.console
        let directory = az.directory
        let monitor = Task { await console.run(ConsoleHarness.words("iot hub monitor-events -n hub1 --timeout 0"), workingDirectory: directory) }
        await clock.waitForSleepers(1)
        monitor.cancel()
        let result = await monitor.value
        #expect(result.exitCode == 0)
        #expect(result.standardOutput == "Starting event monitor, use ctrl-c to stop...\n")
    }

    @Test func anUnknownConsumerGroupOrPropertyIsRefused() async throws {
        let az = try await ConsoleHarness.withHub()
        let group = await az.run("iot hub monitor-events -n hub1 --cg nobody")
        #expect(group.exitCode == 3)
        #expect(group.standardError.contains("Consumer group 'nobody' not found"))
        let property = await az.run("iot hub monitor-events -n hub1 --props sys bogus")
        #expect(property.exitCode == 2)
    }
}

/// What a line sink received, in order.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [String] = []

    func append(_ text: String) { lock.withLock { received.append(text) } }
    var all: [String] { lock.withLock { received } }
}
