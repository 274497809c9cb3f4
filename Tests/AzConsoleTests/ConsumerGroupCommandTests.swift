import Foundation
import HubEngine
import JSONValue
import LabCore
import LocalCloud
import Testing
import WorkspaceStore

@testable import AzConsole

@Suite struct ConsumerGroupCommandTests {
    @Test func everyHubHasDefaultAndCreatedGroupsAreListedInOrder() async throws {
        let az = try await ConsoleHarness.withHub()
        let created = try JSONValue(parsing: try await az.output("iot hub consumer-group create --hub-name hub1 -n tsievents"))
        #expect(created["name"] == "tsievents")
        #expect(created["type"] == "Microsoft.Devices/IotHubs/EventHubEndpoints/ConsumerGroups")
        #expect(created["id"]?.stringValue?.hasSuffix("/resourceGroups/rg/providers/Microsoft.Devices/IotHubs/hub1/eventHubEndpoints/events/ConsumerGroups/tsievents") == true)
        #expect(created[path: ["properties", "properties", "name"]] == "tsievents")
        #expect(created[path: ["properties", "created"]] == "Thu, 01 Jan 2026 00:00:00 GMT")
        #expect(try await az.output("iot hub consumer-group list --hub-name hub1 --query [].name -o tsv") == "$Default\ntsievents\n")
        #expect(try await az.output("iot hub consumer-group show --hub-name hub1 -n TSIevents --query name -o tsv") == "tsievents\n")
    }

    @Test func deleteRemovesTheGroupButNeverDefault() async throws {
        let az = try await ConsoleHarness.withHub()
        _ = try await az.output("iot hub consumer-group create --hub-name hub1 -n readers -o none")
        #expect(try await az.output("iot hub consumer-group delete --hub-name hub1 -n readers") == "")
        #expect(try await az.output("iot hub consumer-group list --hub-name hub1 --query [].name -o tsv") == "$Default\n")
        let refused = await az.run("iot hub consumer-group delete --hub-name hub1 -n $Default")
        #expect(refused.exitCode == 1)
        #expect(refused.standardError == "ERROR: (BadRequest) The consumer group '$Default' cannot be deleted\nCode: BadRequest\nMessage: The consumer group '$Default' cannot be deleted\n")
        let missing = await az.run("iot hub consumer-group show --hub-name hub1 -n readers")
        #expect(missing.exitCode == 3)
        #expect(missing.standardError.contains("Consumer group 'readers' not found"))
    }

    @Test func duplicateBadNamesAndOtherEndpointsAreRefused() async throws {
        let az = try await ConsoleHarness.withHub()
        _ = try await az.output("iot hub consumer-group create --hub-name hub1 -n cg1 -o none")
        let duplicate = await az.run("iot hub consumer-group create --hub-name hub1 -n CG1")
        #expect(duplicate.exitCode == 1)
        #expect(duplicate.standardError.contains("(Conflict) Consumer group 'CG1' already exists"))
        let bad = await az.run("iot hub consumer-group create --hub-name hub1 -n -bad-")
        #expect(bad.exitCode != 0)
        let badName = await az.run("iot hub consumer-group create --hub-name hub1 -n 'has space'")
        #expect(badName.standardError.contains("(InvalidConsumerGroupName) Consumer group name 'has space' is invalid"))
        let otherEndpoint = await az.run("iot hub consumer-group list --hub-name hub1 --event-hub-name telemetry")
        #expect(otherEndpoint.exitCode == 3)
    }

    @Test func theTwentyFirstGroupIsRefused() async throws {
        let az = try await ConsoleHarness.withHub()
        for index in 1...19 { _ = try await az.output("iot hub consumer-group create --hub-name hub1 -n group\(index) -o none") }
        let refused = await az.run("iot hub consumer-group create --hub-name hub1 -n group20")
        #expect(refused.exitCode == 1)
        #expect(refused.standardError.contains("(MaxConsumerGroupsExceeded) The hub already has the maximum of 20 consumer groups"))
    }

    @Test func groupsSurviveReopeningTheCloudAndDeletingForgetsTheirCursors() async throws {
        let workspace = try Workspace.inMemory()
        let clock = ManualClock()
        let cloud = try LocalCloud(workspace: workspace, clock: clock)
        _ = try await cloud.createHub(HubCreation(name: "hub1"))
        _ = try await cloud.createConsumerGroup(hubName: "hub1", name: "tsievents")
        let reader = EndpointReader(workspace: workspace, hubName: "hub1")
        let partition = StreamPartition(scope: IoTHub.storageScope(forHub: "hub1"), stream: "events", partition: 0)
        try workspace.write { writer in try writer.setStreamCursor(in: partition, consumerGroup: "tsievents", sequence: 5) }

        let reopened = try LocalCloud(workspace: workspace, clock: clock)
        #expect(try await reopened.consumerGroups(hubName: "hub1").map(\.name) == ["$Default", "tsievents"])
        #expect(try await reopened.hub(named: "hub1").eventHub.consumerGroups == ["$Default", "tsievents"])
        try await reopened.deleteConsumerGroup(hubName: "hub1", name: "tsievents")
        #expect(try reader.cursor(consumerGroup: "tsievents", partition: 0) == nil)
    }

    @Test func retentionChangesWithinTheTiersRange() async throws {
        let az = try await ConsoleHarness.withHub()
        #expect(try await az.output("iot hub update -n hub1 --retention-day 7 --query properties.eventHubEndpoints.events.retentionTimeInDays -o tsv") == "7\n")
        #expect(try await az.output("iot hub show -n hub1 --query properties.eventHubEndpoints.events.retentionTimeInDays -o tsv") == "7\n")
        let refused = await az.run("iot hub update -n hub1 --rd 8")
        #expect(refused.exitCode == 1)
        #expect(refused.standardError.contains("retentionTimeInDays is invalid: the Standard tier keeps events 1 to 7 days, not 8"))
        _ = try await az.output("iot hub create -n free1 -g rg --sku F1 -o none")
        #expect(await az.run("iot hub update -n free1 --rd 2").exitCode == 1)
    }
}
