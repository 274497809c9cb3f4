import Foundation
import JSONValue
import Testing

@testable import AzConsole

@Suite struct TwinCommandTests {
    @Test func desiredAndTagsPatchMergeIntoTheTwin() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        _ = try await az.output("iot hub device-twin update -n hub1 -d d1 --desired '{\"telemetryDelay\":\"2\"}' --tags '{\"customerID\":\"Customer1\"}' -o none")
        let twin = try JSONValue(parsing: try await az.output("iot hub device-twin show -n hub1 -d d1"))
        #expect(twin[path: ["properties", "desired", "telemetryDelay"]] == "2")
        #expect(twin[path: ["tags", "customerID"]] == "Customer1")
        _ = try await az.output("iot hub device-twin update -n hub1 -d d1 --desired '{\"telemetryDelay\":null,\"fan\":\"on\"}' -o none")
        #expect(try await az.output("iot hub device-twin show -n hub1 -d d1 --query properties.desired.telemetryDelay") == "")
        #expect(try await az.output("iot hub device-twin show -n hub1 -d d1 --query properties.desired.fan -o tsv") == "on\n")
    }

    @Test func setEditsTheTwinLikeAzsGenericUpdate() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        _ = try await az.output("iot hub device-twin update -n hub1 -d d1 --set properties.desired.interval=30 tags.site=cave1 -o none")
        #expect(try await az.output("iot hub device-twin show -n hub1 -d d1 --query properties.desired.interval") == "30\n")
        #expect(try await az.output("iot hub device-twin show -n hub1 -d d1 --query tags.site -o tsv") == "cave1\n")
        let missing = await az.run("iot hub device-twin update -n hub1 -d d1 --set properties.wanted.x=1")
        #expect(missing.exitCode == 1)
        #expect(missing.standardError.hasPrefix("ERROR: Couldn't find 'wanted' in 'properties'."))
    }

    @Test func jsonFromAFileReplacesTheTwinAndErrorsNameTheLine() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        try az.write("{\"tags\": {\"floor\": 3}, \"properties\": {\"desired\": {\"mode\": \"eco\"}}}", to: "twin.json")
        _ = try await az.output("iot hub device-twin replace -n hub1 -d d1 --json twin.json -o none")
        #expect(try await az.output("iot hub device-twin show -n hub1 -d d1 --query [tags.floor,properties.desired.mode] -o tsv") == "3\neco\n")
        try az.write("{\n  \"tags\": {\n    \"floor\": 3,\n  }\n}", to: "broken.json")
        let result = await az.run("iot hub device-twin replace -n hub1 -d d1 -j broken.json")
        #expect(result.exitCode == 1)
        #expect(result.standardError.hasPrefix("ERROR: Failed to parse json for argument 'json' from file '"))
        #expect(result.standardError.hasSuffix("at line 4, column 3.\n"))
        let inline = await az.run("iot hub device-twin update -n hub1 -d d1 --desired '{\"a\" 1}'")
        #expect(inline.standardError == "ERROR: Failed to parse json for argument 'desired' from the value: expected ':' after the member name at line 1, column 6.\n")
    }

    @Test func staleEtagIsAPreconditionFailure() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        let etag = try await az.output("iot hub device-twin show -n hub1 -d d1 --query etag -o tsv").trimmingCharacters(in: .newlines)
        _ = try await az.output("iot hub device-twin update -n hub1 -d d1 --desired '{\"a\":1}' --etag \(etag) -o none")
        let stale = await az.run("iot hub device-twin update -n hub1 -d d1 --desired '{\"a\":2}' --etag \(etag)")
        #expect(stale.exitCode == 1)
        #expect(stale.standardError.contains("PreconditionFailed"))
    }

    @Test func updateWithoutChangesIsRefused() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        let result = await az.run("iot hub device-twin update -n hub1 -d d1")
        #expect(result == ConsoleResult(
            standardOutput: "",
            standardError: "ERROR: Please provide --desired, --tags or a generic update argument (--set, --add, --remove).\n",
            exitCode: 2))
    }

    @Test func moduleTwinsUpdateToo() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        _ = try await az.output("iot hub module-identity create -n hub1 -d d1 -m m1 -o none")
        _ = try await az.output("iot hub module-twin update -n hub1 -d d1 -m m1 --desired '{\"rate\":5}' -o none")
        #expect(try await az.output("iot hub module-twin show -n hub1 -d d1 -m m1 --query properties.desired.rate") == "5\n")
        #expect(try await az.output("iot hub module-twin show -n hub1 -d d1 -m m1 --query moduleId -o tsv") == "m1\n")
    }

    @Test func twinListShowsEveryDeviceTwin() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1", "d2"])
        #expect(try await az.output("iot hub device-twin list -n hub1 --query [].deviceId -o tsv") == "d1\nd2\n")
        #expect(try await az.output("iot hub device-twin list -n hub1 --top 1 --query [].deviceId -o tsv") == "d1\n")
    }

    @Test func queryReturnsEveryPageOrTheTop() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        _ = try await az.output("iot hub device-identity create -n hub1 -d d2 -o none")
        _ = try await az.output("iot hub device-twin update -n hub1 -d d2 --tags '{\"location\":\"cave\"}' -o none")
        #expect(try await az.output("iot hub query -n hub1 -q \"SELECT * FROM devices WHERE tags.location = 'cave'\" --query [].deviceId -o tsv") == "d2\n")
        #expect(try await az.output("iot hub query -n hub1 --query-command 'SELECT deviceId FROM devices' --top 1 -o tsv") == "d1\n")
        let bad = await az.run("iot hub query -n hub1 -q 'SELEC * FROM devices'")
        #expect(bad.exitCode == 1)
        #expect(bad.standardError.hasPrefix("ERROR: "))
    }

    @Test func atFileArgumentsReadTheFileLikeAz() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        try az.write("{\"mode\": \"night\"}", to: "patch.json")
        _ = try await az.output("iot hub device-twin update -n hub1 -d d1 --desired @patch.json -o none")
        #expect(try await az.output("iot hub device-twin show -n hub1 -d d1 --query properties.desired.mode -o tsv") == "night\n")
        #expect(try await az.output("iot hub device-twin show -n hub1 -d d1 --query @.deviceId -o tsv") == "d1\n")
        let missing = await az.run("iot hub device-twin update -n hub1 -d d1 --desired=@nothere.json")
        #expect(missing == ConsoleResult(
            standardOutput: "", standardError: "ERROR: [Errno 2] No such file or directory: 'nothere.json'\n", exitCode: 1))
    }

    @Test func queryFollowsContinuationTokensPastOnePage() async throws {
        let az = try await ConsoleHarness.withHub()
        let lines = (1...1050).map { "{\"id\":\"bulk-\($0)\",\"importMode\":\"create\"}" }
        try az.write(lines.joined(separator: "\n"), to: "bulk.txt")
        _ = try await az.output("iot hub device-identity import -n hub1 --if bulk.txt -o none")
        #expect(try await az.output("iot hub query -n hub1 -q 'SELECT deviceId FROM devices' --query length(@)") == "1050\n")
        #expect(try await az.output("iot hub query -n hub1 -q 'SELECT deviceId FROM devices' --top 1020 --query length(@)") == "1020\n")
        #expect(try await az.output("iot hub device-identity list -n hub1 --query length(@)") == "1000\n")
        #expect(try await az.output("iot hub device-identity list -n hub1 --top -1 --query length(@)") == "1050\n")
    }
}
