import AzConsole
import Foundation
import HubEngine
import JSONValue
import LabCore
import LocalCloud
import Testing

/// `az iot device simulate` on the console's manual clock.
@Suite struct SimulateCommandTests {
    private func clock(_ az: ConsoleHarness) throws -> ManualClock {
        try #require(az.cloud.clock as? ManualClock)
    }

    /// Starts `line` and returns once the simulated device waits for its next round; a command
    /// that ends before that fails the test instead of leaving it waiting.
    private func simulating(_ line: String, on az: ConsoleHarness) async throws -> Task<ConsoleResult, Never> {
        let clock = try clock(az)
        let ended = Flag()
        let run = Task {
            let result = await az.run(line)
            await ended.raise()
            return result
        }
        while clock.sleeperCount == 0 {
            if await ended.isRaised {
                let result = await run.value
                Issue.record("az \(line) ended early: \(result.standardError)")
                return run
            }
            await Task.yield()
        }
        return run
    }

    /// Every message in hub1's built-in endpoint, oldest first.
    private func telemetry(_ az: ConsoleHarness) throws -> [EnqueuedEvent] {
        let reader = EndpointReader(workspace: az.cloud.workspace, hubName: "hub1")
        var positions = try reader.positions(partitionCount: 4, at: .earliest)
        return try reader.readAll(from: &positions, limit: 1000)
    }

    @Test func sendsTheNumberedPingEveryIntervalUntilTheCount() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        let clock = try clock(az)
        let run = try await simulating("iot device simulate -n hub1 -d d1 --mc 2 --mi 5 --props 'level=storage;$.ct=text/plain'", on: az)
        clock.advance(by: 5)
        await clock.waitForSleepers(1)
        clock.advance(by: 5)
        let result = await run.value
        #expect(result.exitCode == 0)
        #expect(result.standardOutput == "")
        let messages = try telemetry(az).map(\.message)
        #expect(messages.count == 2)
        for (number, message) in zip(1..., messages) {
            #expect(try JSONValue(parsing: message.body)["data"] == .string("Ping from Az CLI IoT Extension #\(number)"))
            #expect(message.applicationProperties["level"] == "storage")
            #expect(message.systemProperties.contentType == "text/plain")
            #expect(message.systemProperties.contentEncoding == "utf-8")
        }
    }

    @Test func answersMethodsAndPrintsTheHandlersOutput() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        let clock = try clock(az)
        let run = try await simulating(#"iot device simulate -n hub1 -d d1 --mc 1 --mi 10 --mrc 201 --mrp '{"result":"ok"}'"#, on: az)
        let hub = try await az.cloud.engine(forHub: "hub1")
        let result = try await hub.invokeMethod(DirectMethodCall(methodName: "reboot", payload: ["delay": 5]), onDevice: "d1")
        #expect(result.status == 201)
        #expect(result.payload == ["result": "ok"])
        clock.advance(by: 10)
        let output = await run.value
        #expect(output.exitCode == 0)
        #expect(output.standardOutput.contains("\nMethod Request Handler [Received direct method invocation request]:\n"))
        #expect(output.standardOutput.contains("'Method Request Name': 'reboot'"))
        #expect(output.standardOutput.contains("'Method Request Payload': {'delay': 5}"))
    }

    @Test func reportsDesiredPropertiesAndTheInitialReportedOnes() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        let clock = try clock(az)
        let run = try await simulating(#"iot device simulate -n hub1 -d d1 --mc 1 --mi 10 --irp '{"firmware":"1.0"}'"#, on: az)
        _ = try await az.output(#"iot hub device-twin update -n hub1 -d d1 --desired '{"interval":30}'"#)
        clock.advance(by: 10)
        let output = await run.value
        #expect(output.standardOutput.contains("Twin patch handler [Updating device twin reported properties]:\n{'interval': 30}"))
        #expect(!output.standardOutput.contains("firmware"))
        let twin = try JSONValue(parsing: try await az.output("iot hub device-twin show -n hub1 -d d1"))
        #expect(twin[path: ["properties", "reported", "firmware"]] == "1.0")
        #expect(twin[path: ["properties", "reported", "interval"]] == 30)
    }

    @Test func anHTTPDeviceSettlesCloudToDeviceMessagesAsAsked() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        let clock = try clock(az)
        _ = try await az.output("iot device c2d-message send -n hub1 -d d1 --data hello --props color=red")
        let run = try await simulating("iot device simulate -n hub1 -d d1 --proto http --rs reject --mc 1 --mi 1", on: az)
        clock.advance(by: 1)
        let output = await run.value
        #expect(output.exitCode == 0)
        #expect(output.standardOutput.contains("\nC2D Message Handler [Received C2D message]:\n"))
        #expect(output.standardOutput.contains("'Payload': 'hello'"))
        #expect(output.standardOutput.contains("'color': 'red'"))
        #expect(output.standardOutput.hasSuffix("C2D Message Handler [Rejecting message]\n"))
        let purged = try JSONValue(parsing: try await az.output("iot device c2d-message purge -n hub1 -d d1"))
        #expect(purged["totalMessagesPurged"] == 0)
    }

    @Test func refusesWhatTheExtensionRefuses() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        let cases = [
            ("iot device simulate -n hub1 -d d1 --rs abandon", "ERROR: mqtt protocol only supports settle type of \"complete\"\n"),
            ("iot device simulate -n hub1 -d d1 --mi 0", "ERROR: msg interval must be at least 1\n"),
            ("iot device simulate -n hub1 -d d1 --mc 0", "ERROR: msg count must be at least 1\n"),
            ("iot device simulate -n hub1 -d d1 --proto http --mrc 201", "ERROR: 'method-response-code' not supported, http doesn't allow direct methods.\n"),
        ]
        for (line, error) in cases {
            let result = await az.run(line)
            #expect(result.exitCode == 1, "\(line)")
            #expect(result.standardError == error, "\(line)")
        }
    }

    @Test func anUnknownDeviceFailsAsTheServiceAnswers() async throws {
        let az = try await ConsoleHarness.withHub()
        let result = await az.run("iot device simulate -n hub1 -d ghost --mc 1")
        #expect(result.exitCode == 1)
        #expect(result.standardError.contains("DeviceNotFound"))
    }
}

/// A one-way flag a test polls.
private actor Flag {
    private(set) var isRaised = false
    func raise() { isRaised = true }
}
