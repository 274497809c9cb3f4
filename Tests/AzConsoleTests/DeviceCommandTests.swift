import Foundation
import JSONValue
import Testing

@testable import AzConsole

@Suite struct DeviceCommandTests {
    @Test func createdDeviceConnectionStringIsWhatScriptsCapture() async throws {
        let az = try await ConsoleHarness.withHub()
        #expect(try await az.output("iot hub device-identity create --hub-name hub1 --device-id sensor-th-0001 -o none") == "")
        let text = try await az.output(
            "iot hub device-identity connection-string show --hub-name hub1 --device-id sensor-th-0001 -o tsv")
        #expect(text.hasPrefix("HostName=hub1.azure-devices.net;DeviceId=sensor-th-0001;SharedAccessKey="))
        #expect(text.hasSuffix("\n") && !text.dropLast().contains("\n"))
        let device = try JSONValue(parsing: try await az.output("iot hub device-identity show -n hub1 -d sensor-th-0001"))
        #expect(device["deviceId"] == "sensor-th-0001")
        #expect(device[path: ["authentication", "type"]] == "sas")
        let secondary = try await az.output(
            "iot hub device-identity connection-string show -n hub1 -d sensor-th-0001 --kt secondary --query connectionString -o tsv")
        #expect(secondary.contains(device[path: ["authentication", "symmetricKey", "secondaryKey"]]?.stringValue ?? "missing"))
    }

    @Test func unknownDevicePrintsTheServiceErrorAndExits1() async throws {
        let az = try await ConsoleHarness.withHub()
        let result = await az.run("iot hub device-identity show -n hub1 -d ghost")
        #expect(result.exitCode == 1)
        #expect(result.standardError == "ERROR: {\"Message\":\"ErrorCode:DeviceNotFound;Device ghost not registered\","
            + "\"ExceptionMessage\":\"Tracking ID:000000006955b9000000000000062a21-G:0-TimeStamp:01/01/2026 00:00:00\"}\n")
        #expect(result.standardOutput == "")
    }

    @Test func duplicateDeviceIsRefused() async throws {
        let az = try await ConsoleHarness.withHub()
        _ = try await az.output("iot hub device-identity create -n hub1 -d d1 -o none")
        let result = await az.run("iot hub device-identity create -n hub1 -d d1")
        #expect(result.exitCode == 1)
        #expect(result.standardError.contains("DeviceAlreadyExists"))
    }

    @Test func explicitKeysThumbprintsAndStatusAreApplied() async throws {
        let az = try await ConsoleHarness.withHub()
        let key = Data(repeating: 7, count: 32).base64EncodedString()
        let sas = try JSONValue(parsing: try await az.output(
            "iot hub device-identity create -n hub1 -d k1 --pk \(key) --sk \(key) --sta disabled --star maintenance"))
        #expect(sas[path: ["authentication", "symmetricKey", "primaryKey"]] == .string(key))
        #expect(sas["status"] == "disabled")
        #expect(sas["statusReason"] == "maintenance")
        let thumbprint = String(repeating: "A1", count: 20)
        let x509 = try JSONValue(parsing: try await az.output(
            "iot hub device-identity create -n hub1 -d x1 --am x509_thumbprint --ptp \(thumbprint)"))
        #expect(x509[path: ["authentication", "type"]] == "selfSigned")
        let text = try await az.output("iot hub device-identity connection-string show -n hub1 -d x1 --query connectionString -o tsv")
        #expect(text == "HostName=hub1.azure-devices.net;DeviceId=x1;x509=true\n")
        let ca = try await az.output("iot hub device-identity create -n hub1 -d ca1 --am x509_ca --query authentication.type -o tsv")
        #expect(ca == "certificateAuthority\n")
        let generate = await az.run("iot hub device-identity create -n hub1 -d x2 --am x509_thumbprint --vd 30")
        #expect(generate.exitCode == 1)
        #expect(generate.standardError.contains("pass its SHA-1 thumbprint with --ptp"))
    }

    @Test func edgeGatewayWithChildAsLab12BuildsIt() async throws {
        let az = try await ConsoleHarness.withHub()
        _ = try await az.output("iot hub device-identity create --edge-enabled --hub-name hub1 --auth-method shared_private_key --device-id gw-1 -o none")
        _ = try await az.output("iot hub device-identity create -n hub1 --device-id sensor-th-0084 --pd gw-1 -o none")
        #expect(try await az.output("iot hub device-identity parent show -n hub1 -d sensor-th-0084 --query deviceId -o tsv") == "gw-1\n")
        #expect(try await az.output("iot hub device-identity children list -n hub1 -d gw-1 -o tsv") == "sensor-th-0084\n")
        _ = try await az.output("iot hub device-identity create -n hub1 -d leaf-2 -o none")
        _ = try await az.output("iot hub device-identity children add -n hub1 -d gw-1 --child-list leaf-2")
        let children = try await az.output("iot hub device-identity children list -n hub1 -d gw-1 -o tsv")
        #expect(Set(children.split(separator: "\n")) == ["sensor-th-0084", "leaf-2"])
        _ = try await az.output("iot hub device-identity children remove -n hub1 -d gw-1 --remove-all")
        #expect(try await az.output("iot hub device-identity children list -n hub1 -d gw-1 -o tsv") == "")
        let orphan = await az.run("iot hub device-identity parent show -n hub1 -d leaf-2")
        #expect(orphan == ConsoleResult(standardOutput: "", standardError: "ERROR: Device 'leaf-2' does not have a parent device.\n", exitCode: 1))
        #expect(try await az.output("iot hub module-identity list -n hub1 -d gw-1 --query [].moduleId -o tsv") == "$edgeAgent\n$edgeHub\n")
    }

    @Test func listShowsTwinsAsTableAndHonoursTop() async throws {
        let az = try await ConsoleHarness.withHub()
        for id in ["a1", "a2", "a3"] { _ = try await az.output("iot hub device-identity create -n hub1 -d \(id) -o none") }
        #expect(try await az.output("iot hub device-identity list -n hub1 --top 2 --query [].deviceId -o tsv") == "a1\na2\n")
        let table = try await az.output("iot hub device-identity list -n hub1 --query [].{Device:deviceId,Status:status} -o table")
        #expect(table.hasPrefix("Device  Status \n------  -------\na1      enabled\n"))
    }

    @Test func updateWithSetDisablesTheDevice() async throws {
        let az = try await ConsoleHarness.withHub()
        _ = try await az.output("iot hub device-identity create -n hub1 -d d1 -o none")
        #expect(try await az.output("iot hub device-identity update -n hub1 -d d1 --set status=disabled --query status -o tsv") == "disabled\n")
        #expect(try await az.output("iot hub device-identity update -n hub1 -d d1 --sta enabled --query status -o tsv") == "enabled\n")
        let stale = await az.run("iot hub device-identity update -n hub1 -d d1 --sta disabled --etag \"bm90LXRoZS1ldGFn\"")
        #expect(stale.exitCode == 1)
        #expect(stale.standardError.contains("PreconditionFailed"))
    }

    @Test func deleteRemovesTheDevice() async throws {
        let az = try await ConsoleHarness.withHub()
        _ = try await az.output("iot hub device-identity create -n hub1 -d d1 -o none")
        #expect(try await az.output("iot hub device-identity delete -n hub1 -d d1") == "")
        #expect(await az.run("iot hub device-identity show -n hub1 -d d1").exitCode == 1)
    }

    @Test func loginConnectionStringSelectsTheHub() async throws {
        let az = try await ConsoleHarness.withHub()
        let login = try await az.output("iot hub connection-string show -n hub1 --query connectionString -o tsv")
            .trimmingCharacters(in: .newlines)
        _ = try await az.output("iot hub device-identity create --login '\(login)' -d viaLogin -o none")
        #expect(try await az.output("iot hub device-identity show -n hub1 -d viaLogin --query deviceId -o tsv") == "viaLogin\n")
        let neither = await az.run("iot hub device-identity show -d viaLogin")
        #expect(neither.exitCode == 2)
        #expect(neither.standardError.contains("--hub-name"))
    }

    @Test func moduleIdentityLifecycle() async throws {
        let az = try await ConsoleHarness.withHub()
        _ = try await az.output("iot hub device-identity create -n hub1 -d d1 -o none")
        let module = try JSONValue(parsing: try await az.output("iot hub module-identity create -n hub1 -d d1 -m telemetry"))
        #expect(module["moduleId"] == "telemetry")
        let text = try await az.output("iot hub module-identity connection-string show -n hub1 -d d1 -m telemetry -o tsv")
        #expect(text.hasPrefix("HostName=hub1.azure-devices.net;DeviceId=d1;ModuleId=telemetry;SharedAccessKey="))
        #expect(try await az.output("iot hub module-identity list -n hub1 -d d1 --query [].moduleId -o tsv") == "telemetry\n")
        #expect(try await az.output("iot hub module-identity delete -n hub1 -d d1 -m telemetry") == "")
        let missing = await az.run("iot hub module-identity show -n hub1 -d d1 -m telemetry")
        #expect(missing.exitCode == 1)
        #expect(missing.standardError.contains("ModuleNotFound"))
    }

    @Test func exportThenImportRoundTripsDevicesAndReportsBadLines() async throws {
        let az = try await ConsoleHarness.withHub()
        _ = try await az.output("iot hub device-identity create -n hub1 -d e1 -o none")
        _ = try await az.output("iot hub device-identity create -n hub1 -d e2 -o none")
        let export = try JSONValue(parsing: try await az.output("iot hub device-identity export -n hub1 --of out.txt --ik"))
        #expect(export["devicesExported"] == 2)
        let lines = try String(contentsOf: az.directory.appendingPathComponent("out.txt"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == 2)
        #expect(try JSONValue(parsing: String(lines[0]))["id"] == "e1")

        _ = try await az.output("iot hub create -n hub2 -g rg -o none")
        try az.write(
            lines.joined(separator: "\n") + "\n{\"id\":\"e1\",\"importMode\":\"create\"}\n", to: "in.txt")
        let report = try JSONValue(parsing: try await az.output("iot hub device-identity import -n hub2 --if in.txt"))
        #expect(report["devicesImported"] == 2)
        #expect(report[path: ["errors"]]?.arrayValue?.count == 1)
        #expect(try await az.output("iot hub device-identity list -n hub2 --query [].deviceId -o tsv") == "e1\ne2\n")

        try az.write("{\"id\": }\n", to: "bad.txt")
        let bad = await az.run("iot hub device-identity import -n hub2 --if bad.txt")
        #expect(bad == ConsoleResult(
            standardOutput: "", standardError: "ERROR: bad.txt line 1: not JSON: expected a value at column 8.\n", exitCode: 1))
    }

    @Test func sasTokensAreSignedForTheHubOrTheDevice() async throws {
        let az = try await ConsoleHarness.withHub()
        _ = try await az.output("iot hub device-identity create -n hub1 -d d1 -o none")
        let hubToken = try await az.output("iot hub generate-sas-token -n hub1 --du 60 --query sas -o tsv")
        #expect(hubToken.hasPrefix("SharedAccessSignature sr=hub1.azure-devices.net&sig="))
        #expect(hubToken.hasSuffix("&se=1767225660&skn=iothubowner\n"))
        let deviceToken = try await az.output("iot hub generate-sas-token -n hub1 -d d1 --query sas -o tsv")
        #expect(deviceToken.hasPrefix("SharedAccessSignature sr=hub1.azure-devices.net%2Fdevices%2Fd1&sig="))
        #expect(deviceToken.hasSuffix("&se=1767229200\n"))
    }

    @Test func deprecatedNamesStillRunAndWarn() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        let result = await az.run("iot hub device-identity show-connection-string -n hub1 -d d1 -o tsv")
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.hasPrefix("HostName=hub1.azure-devices.net;DeviceId=d1;SharedAccessKey="))
        #expect(result.standardError == "WARNING: This command has been deprecated and will be removed in a future release. "
            + "Use 'az iot hub device-identity connection-string show' instead.\n")
        let quiet = await az.run("iot hub show-connection-string -n hub1 --only-show-errors")
        #expect(quiet.standardError == "")
    }

    @Test func renewKeyReplacesOrSwapsTheDeviceKeys() async throws {
        let az = try await ConsoleHarness.withHub(devices: ["d1"])
        let keys = "--query [authentication.symmetricKey.primaryKey,authentication.symmetricKey.secondaryKey] -o tsv"
        let before = try await az.output("iot hub device-identity show -n hub1 -d d1 \(keys)").split(separator: "\n")
        let swapped = try await az.output("iot hub device-identity renew-key -n hub1 -d d1 --kt swap \(keys)").split(separator: "\n")
        #expect(swapped == [before[1], before[0]])
        let renewed = try await az.output("iot hub device-identity renew-key -n hub1 -d d1 --kt primary \(keys)").split(separator: "\n")
        #expect(renewed[0] != swapped[0] && renewed[1] == swapped[1])
        let policy = "iot hub policy show --hub-name hub1 -n service --query primaryKey -o tsv"
        let oldKey = try await az.output(policy)
        _ = try await az.output("iot hub policy renew-key --hub-name hub1 -n service --rk primary -o none")
        #expect(try await az.output(policy) != oldKey)
    }
}
