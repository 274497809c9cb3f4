import Foundation
import HubEngine
import JSONValue
import LabCore
import LocalCloud
import Testing

@testable import AzConsole

@Suite struct RoutingCommandTests {
    /// Lab 07's storage endpoint and route, as `lab08-setup.azcli` creates them.
    private func labSeven() async throws -> ConsoleHarness {
        let az = try await ConsoleHarness.withHub(devices: ["sensor-v-3000"])
        _ = try await az.output(
            "iot hub routing-endpoint create -g rg --hub-name hub1 --endpoint-name vibrationLogEndpoint --endpoint-type azurestoragecontainer --connection-string 'DefaultEndpointsProtocol=https;AccountName=vs;AccountKey=c2VjcmV0' --container-name vibrationcontainer --batch-frequency 100 --chunk-size 100 --ff {iothub}/{partition}/{YYYY}/{MM}/{DD}/{HH}/{mm} -o none")
        _ = try await az.output(
            "iot hub route create -g rg --hub-name hub1 --endpoint-name vibrationLogEndpoint --source-type DeviceMessages --route-name vibrationLoggingRoute --condition 'sensorID = \"VSLog\"' --enabled true -o none")
        return az
    }

    @Test func labScriptEndpointAndRouteShowInHubShowAndRouteTheNextMessage() async throws {
        let az = try await labSeven()
        let routing = try JSONValue(parsing: try await az.output("iot hub show -n hub1 --query properties.routing"))
        #expect(routing[path: ["routes"]] == .array([[
            "condition": #"sensorID = "VSLog""#, "endpointNames": ["vibrationLogEndpoint"], "isEnabled": true,
            "name": "vibrationLoggingRoute", "source": "DeviceMessages",
        ]]))
        let storage = try JSONValue(parsing: try await az.output("iot hub routing-endpoint show --hub-name hub1 -n vibrationLogEndpoint"))
        #expect(storage["batchFrequencyInSeconds"] == 100)
        #expect(storage["maxChunkSizeInBytes"] == 104_857_600)
        #expect(storage["encoding"] == "avro")
        #expect(storage["resourceGroup"] == "rg")
        #expect(storage["connectionString"] == "DefaultEndpointsProtocol=https;AccountName=vs;AccountKey=****")
        let journal = try az.cloud.workspace.journal(after: 0, limit: 1_000).filter { $0.kind == "IotHubRoutingUpdated" }
        #expect(journal.count == 2)
        #expect(journal.allSatisfy { !String(decoding: $0.payload, as: UTF8.self).contains("c2VjcmV0") }, "the journal never holds connection strings")
        let hub = try await az.cloud.engine(forHub: "hub1")
        let log = try await hub.ingest(DeviceMessage(body: [1], applicationProperties: ["sensorID": "VSLog"]), from: MessageSender(deviceId: "sensor-v-3000"))
        #expect(log.decision.endpoints == ["vibrationLogEndpoint"])
        let telemetry = try await hub.ingest(DeviceMessage(body: [1], applicationProperties: ["sensorID": "VSTel"]), from: MessageSender(deviceId: "sensor-v-3000"))
        #expect(telemetry.decision.endpoints == ["events"])
    }

    @Test func routingSurvivesReopeningTheCloud() async throws {
        let az = try await labSeven()
        let reopened = try LocalCloud(workspace: az.cloud.workspace, clock: ManualClock())
        #expect(try await reopened.hub(named: "hub1").routing.routes.map(\.name) == ["vibrationLoggingRoute"])
    }

    @Test func routeToAMissingEndpointIsRefusedAndNothingChanges() async throws {
        let az = try await ConsoleHarness.withHub()
        let result = await az.run("iot hub route create --hub-name hub1 --route-name r --source-type DeviceMessages --endpoint-name nowhere")
        #expect(result.exitCode != 0)
        #expect(result.standardError.contains("endpoint 'nowhere' does not exist"))
        #expect(try await az.output("iot hub route list --hub-name hub1") == "[]\n")
    }

    @Test func routeUpdateShowListAndDelete() async throws {
        let az = try await labSeven()
        _ = try await az.output("iot hub route update --hub-name hub1 -n vibrationLoggingRoute --enabled false -o none")
        #expect(try await az.output("iot hub route show --hub-name hub1 -n VIBRATIONLOGGINGROUTE --query isEnabled") == "false\n")
        #expect(try await az.output("iot hub route list --hub-name hub1 --source-type TwinChangeEvents") == "[]\n")
        let missing = await az.run("iot hub route show --hub-name hub1 -n nope")
        #expect(missing.standardError == "ERROR: No route found.\n")
        _ = try await az.output("iot hub route delete --hub-name hub1 -n vibrationLoggingRoute -o none")
        #expect(try await az.output("iot hub route list --hub-name hub1") == "[]\n")
    }

    @Test func routeTestEvaluatesOneRouteOrAllRoutesOfASource() async throws {
        let az = try await labSeven()
        let one = try JSONValue(parsing: try await az.output(
            "iot hub route test --hub-name hub1 -n vibrationLoggingRoute --ap '{\"sensorID\":\"VSLog\"}'"))
        #expect(one["result"] == "true")
        let other = try JSONValue(parsing: try await az.output(
            "iot hub route test --hub-name hub1 -n vibrationLoggingRoute --ap '{\"sensorID\":\"VSTel\"}'"))
        #expect(other["result"] == "false")
        let undefined = try JSONValue(parsing: try await az.output("iot hub route test --hub-name hub1 -n vibrationLoggingRoute"))
        #expect(undefined["result"] == "undefined")
        let all = try JSONValue(parsing: try await az.output(
            "iot hub route test --hub-name hub1 --source-type DeviceMessages --ap '{\"sensorID\":\"VSLog\"}'"))
        #expect(all[path: ["routes"]]?.arrayValue?.count == 1)
    }

    @Test func endpointDeleteRefusedWhileARouteUsesIt() async throws {
        let az = try await labSeven()
        let refused = await az.run("iot hub routing-endpoint delete --hub-name hub1 -n vibrationLogEndpoint")
        #expect(refused.exitCode != 0)
        _ = try await az.output("iot hub route delete --hub-name hub1 -o none")
        _ = try await az.output("iot hub routing-endpoint delete --hub-name hub1 -n vibrationLogEndpoint -o none")
        #expect(try await az.output("iot hub routing-endpoint list --hub-name hub1 -t azurestoragecontainer") == "[]\n")
    }

    @Test func fallbackRouteCanBeDisabled() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        _ = try await az.output("iot hub message-route fallback set --hub-name hub1 --enabled false -o none")
        #expect(try await az.output("iot hub message-route fallback show --hub-name hub1 --query isEnabled") == "false\n")
        let hub = try await az.cloud.engine(forHub: "hub1")
        #expect(try await hub.ingest(DeviceMessage(body: [1]), from: MessageSender(deviceId: "d1")).decision.isOrphaned)
    }

    @Test func enrichmentsAreCreatedUpdatedAndDeletedByKey() async throws {
        let az = try await ConsoleHarness.withHub()
        _ = try await az.output("iot hub message-enrichment create -n hub1 -k hub -v '$iothubname' -e events -o none")
        _ = try await az.output("iot hub message-enrichment update -n hub1 -k hub -v static -e events -o none")
        let list = try JSONValue(parsing: try await az.output("iot hub message-enrichment list -n hub1"))
        #expect(list == .array([["endpointNames": ["events"], "key": "hub", "value": "static"]]))
        let missing = await az.run("iot hub message-enrichment delete -n hub1 -k other")
        #expect(missing.standardError == "ERROR: No message enrichment with that key exists\n")
        _ = try await az.output("iot hub message-enrichment delete -n hub1 -k hub -o none")
        #expect(try await az.output("iot hub message-enrichment list -n hub1") == "[]\n")
    }

    @Test func extensionMessageRouteFormWritesTheSameRoutes() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        _ = try await az.output(
            "iot hub message-route create -n hub1 -g rg --rn toEvents --endpoint-name events --source devicemessages --condition 'level = \"hi\"' -o none")
        #expect(try await az.output("iot hub route show --hub-name hub1 -n toEvents --query condition -o tsv") == "level = \"hi\"\n")
        #expect(try await az.output("iot hub message-route list -n hub1 --query [].name -o tsv") == "toEvents\n")
        _ = try await az.output("iot hub message-route fallback set -n hub1 --enabled false -o none")
        let hub = try await az.cloud.engine(forHub: "hub1")
        #expect(try await hub.ingest(DeviceMessage(body: [1]), from: MessageSender(deviceId: "d1")).decision.isOrphaned)
        _ = try await az.output("iot hub message-route delete -n hub1 --rn toEvents -o none")
        #expect(try await az.output("iot hub message-route list -n hub1") == "[]\n")
    }
}
