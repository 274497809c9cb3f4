import Foundation
import HubEngine
import JSONValue
import LabCore
import Testing

@testable import AzConsole

@Suite struct DirectMethodCommandTests {
    @Test func aListeningDeviceAnswersTheInvocation() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        let session = try await az.cloud.engine(forHub: "hub1").connect(MessageSender(deviceId: "d1"))
        try await session.subscribe([.methods])
        let device = Task {
            for await delivery in session.deliveries {
                guard case .methodRequest(let request) = delivery else { continue }
                try await session.respond(to: request, status: 200, payload: ["received": request.payload])
                return request.methodName
            }
            return ""
        }
        let output = try await az.output("iot hub invoke-device-method -n hub1 -d d1 --method-name SetTelemetryInterval --method-payload 5")
        #expect(try JSONValue(parsing: output) == ["payload": ["received": 5], "status": 200])
        #expect(try await device.value == "SetTelemetryInterval")
    }

    @Test func anOfflineDeviceIsNotOnlineOnceTheTimeoutPassesOnTheClock() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        let clock = try #require(az.cloud.clock as? ManualClock)
        let invocation = Task { await az.run("iot hub invoke-device-method -n hub1 -d d1 --mn reboot --to 10") }
        await clock.waitForSleepers(1)
        clock.advance(by: 10)
        let result = await invocation.value
        #expect(result.exitCode == 1)
        #expect(result.standardError.hasPrefix(#"ERROR: {"Message":"ErrorCode:DeviceNotOnline;"#))
    }

    @Test func timeoutOutsideTheExtensionsRangeIsRefused() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        let short = await az.run("iot hub invoke-device-method -n hub1 -d d1 --mn reboot --timeout 9")
        #expect(short.standardError == "ERROR: timeout must be at least 10 seconds\n")
        let long = await az.run("iot hub invoke-module-method -n hub1 -d d1 -m filter --mn reboot --timeout 301")
        #expect(long.standardError == "ERROR: timeout must not be over 300 seconds\n")
        let module = await az.run("iot hub invoke-module-method -n hub1 -d d1 -m filter --mn reboot")
        #expect(module.standardError.contains("ErrorCode:ModuleNotFound;"))
    }
}
