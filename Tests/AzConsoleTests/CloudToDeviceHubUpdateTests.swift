import Foundation
import HubEngine
import JSONValue
import LabCore
import LocalCloud
import Testing

@testable import AzConsole

@Suite struct CloudToDeviceHubUpdateTests {
    @Test func aNewHubShowsAzuresCloudToDeviceDefaults() async throws {
        let az = try await ConsoleHarness.withHub()
        let shown = try JSONValue(parsing: try await az.output("iot hub show -n hub1 --query properties.cloudToDevice"))
        #expect(shown == [
            "defaultTtlAsIso8601": "1:00:00",
            "feedback": ["lockDurationAsIso8601": "0:00:05", "maxDeliveryCount": 10, "ttlAsIso8601": "1:00:00"],
            "maxDeliveryCount": 10,
        ])
    }

    @Test func updateChangesTheSettingsTheEngineUses() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        let updated = try JSONValue(parsing: try await az.output(
            "iot hub update -n hub1 --c2d-ttl 48 --cdd 5 --feedback-ttl 2 --fld 30 --fd 7 --query properties.cloudToDevice"))
        #expect(updated == [
            "defaultTtlAsIso8601": "2 days, 0:00:00",
            "feedback": ["lockDurationAsIso8601": "0:00:30", "maxDeliveryCount": 7, "ttlAsIso8601": "2:00:00"],
            "maxDeliveryCount": 5,
        ])
        _ = try await az.output("iot hub update -n hub1 --sku S2 -o none")
        #expect(try await az.output("iot hub show -n hub1 --query properties.cloudToDevice.maxDeliveryCount") == "5\n")
        _ = try await az.output("iot device c2d-message send -n hub1 -d d1")
        let received = try JSONValue(parsing: try await az.output("iot device c2d-message receive -n hub1 -d d1"))
        #expect(received[path: ["properties", "system", "iothub-expiry"]] == "1/3/2026 12:00:00 AM")
        let engine = try await az.cloud.engine(forHub: "hub1")
        #expect(await engine.settings.cloudToDevice.maxDeliveryCount == 5)
    }

    @Test func theSettingsSurviveReopeningTheCloud() async throws {
        let az = try await ConsoleHarness.withHub()
        _ = try await az.output("iot hub update -n hub1 --c2d-ttl 3 -o none")
        let reopened = try LocalCloud(workspace: az.cloud.workspace, clock: az.cloud.clock)
        #expect(try await reopened.hub(named: "hub1").cloudToDevice.defaultTimeToLive == 3 * 3600)
        #expect(try await reopened.engine(forHub: "hub1").settings.cloudToDevice.defaultTimeToLive == 3 * 3600)
    }

    @Test func valuesOutsideTheCLIsRangesAreRefused() async throws {
        let az = try await ConsoleHarness.withHub()
        let cases = [
            ("--c2d-ttl 49", "ERROR: Please specify the default time from 1 to 48 hours.\n"),
            ("--c2d-max-delivery-count 0", "ERROR: Please specify the max delivery count from 1 to 100.\n"),
            ("--feedback-ttl 0", "ERROR: Please specify the time from 1 to 48 hours.\n"),
            ("--feedback-lock-duration 4", "ERROR: Please specify the lock duration time from 5 to 300 seconds.\n"),
            ("--feedback-max-delivery-count 101", "ERROR: Please specify the max delivery count from 1 to 100.\n"),
        ]
        for (flags, message) in cases {
            let result = await az.run("iot hub update -n hub1 \(flags)")
            #expect(result.exitCode == 1)
            #expect(result.standardError == message)
        }
    }
}
