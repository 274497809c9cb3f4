import Foundation
import JSONValue
import Testing

/// The official Python device SDK (`azure-iot-device` 2.14.0) and paho-mqtt against `iotlab serve`,
/// unchanged but for the connection string's `GatewayHostName=localhost` and the CA file, with the
/// hub's side driven from the az console as a learner does in a second terminal. The SDK dials
/// 8883; the served workspace listens on a free port and the client tunnels to it through the
/// SDK's own proxy option, so the tests never depend on 8883 being free. (Modules, X.509 and the
/// SDK's other calls are covered against the in-process server in WireProtocolsTests.)
@Suite(.serialized) struct DeviceSDKTests {
    @Test func telemetryWithSystemAndCustomPropertiesReachesTheBuiltInEndpoint() async throws {
        guard let lab = try await RealClientFixture.start(devices: ["thermostat-1"]) else { return }
        defer { lab.stop() }
        let lines = try await lab.client("device_client.py", ["telemetry", try lab.deviceConnectionString("thermostat-1"), lab.endpoints.caFile.path])
        #expect(lines == ["sent msg-0", "sent msg-1", "sent msg-2"])
        let events = try await lab.events()
        #expect(events.count == 3)
        let last = try #require(events.last)
        #expect(last["origin"] == "thermostat-1")
        #expect(last[path: ["properties", "application", "temperatureAlert"]] == "true")
        #expect(last[path: ["properties", "system", "message_id"]] == "msg-2")
        #expect(last[path: ["properties", "system", "content_type"]] == "application/json")
        #expect(last["payload"] == ["temperature": 22])
    }

    @Test func twinReadReportedPatchAndDesiredPatchRoundTrip() async throws {
        guard let lab = try await RealClientFixture.start(devices: ["thermostat-1"]) else { return }
        defer { lab.stop() }
        let lines = try await lab.client("device_client.py", ["twin", try lab.deviceConnectionString("thermostat-1"), lab.endpoints.caFile.path])
        #expect(lines.first == "reported version 1")
        #expect(lines.contains("desired telemetryInterval 5 version 2"))
        #expect(lines.contains("twin reported firmware 1.2.0"))
        let twin = try await lab.az("iot", "hub", "device-twin", "show", "-n", lab.hub, "-d", "thermostat-1")
        #expect(twin[path: ["properties", "reported", "firmware"]] == "1.2.0")
    }

    @Test func directMethodRoundTripThroughTheConsole() async throws {
        guard let lab = try await RealClientFixture.start(devices: ["thermostat-1"]) else { return }
        defer { lab.stop() }
        let lines = try await lab.client("device_client.py", ["method", try lab.deviceConnectionString("thermostat-1"), lab.endpoints.caFile.path])
        #expect(lines == [#"method status 200 payload {"rebootedAfter": 3}"#])
    }

    @Test func cloudToDeviceMessageSentFromTheConsoleReachesTheDevice() async throws {
        guard let lab = try await RealClientFixture.start(devices: ["thermostat-1"]) else { return }
        defer { lab.stop() }
        let lines = try await lab.client("device_client.py", ["c2d", try lab.deviceConnectionString("thermostat-1"), lab.endpoints.caFile.path])
        #expect(lines == ["c2d data hello device priority high"])
    }

    @Test func aWrongKeyIsRefusedAsACredentialError() async throws {
        guard let lab = try await RealClientFixture.start(devices: ["thermostat-1"]) else { return }
        defer { lab.stop() }
        let good = try await lab.deviceConnectionString("thermostat-1")
        let wrongKey = good.split(separator: ";").map { $0.hasPrefix("SharedAccessKey=") ? "SharedAccessKey=\(Data(repeating: 9, count: 32).base64EncodedString())" : String($0) }
        let lines = try await lab.client("device_client.py", ["refused", wrongKey.joined(separator: ";"), lab.endpoints.caFile.path])
        #expect(lines == ["refused CredentialError"])
        #expect(try await lab.events().isEmpty)
    }

    @Test func pahoPublishesAtQoS0WithACleanSessionAndNoTrailingSlash() async throws {
        guard let lab = try await RealClientFixture.start(devices: ["raw-1"]) else { return }
        defer { lab.stop() }
        let token = try await lab.az("iot", "hub", "generate-sas-token", "-n", lab.hub, "-d", "raw-1")["sas"]?.stringValue ?? ""
        let lines = try await lab.client("paho_raw.py", [
            "\(lab.hub).azure-devices.net", "raw-1", token, lab.endpoints.caFile.path, String(lab.endpoints.mqttPort),
        ])
        #expect(lines == ["connack 0", "published qos0"])
        let events = try await lab.eventsOnceAny()
        #expect(events.first?["payload"] == .string(#"{"raw": true}"#))
    }
}

/// The device SDK's file upload against `iotlab serve`: the SAS URI the hub hands out names
/// iotlab's own blob endpoint, the upload lands in the workspace, and the report produces Azure's
/// file-upload notification.
@Suite struct DeviceSDKFileUploadTests {
    @Test func uploadRoundTripLandsTheBlobAndNotifies() async throws {
        guard let lab = try await RealClientFixture.start(devices: ["camera-1"]) else { return }
        defer { lab.stop() }
        _ = try await lab.az(
            "iot", "hub", "update", "-n", lab.hub, "--fcs", "DefaultEndpointsProtocol=https;AccountName=uploads01;AccountKey=a2V5",
            "--fcn", "photos", "--fn", "true", "-o", "none")
        // The SDK's HTTPS calls go to GatewayHostName, which may carry the served port.
        let connectionString = try await lab.deviceConnectionString("camera-1")
            .replacingOccurrences(of: "GatewayHostName=localhost", with: "GatewayHostName=localhost:\(lab.endpoints.httpsPort)")
        let lines = try await lab.client("device_client.py", ["file-upload", connectionString, lab.endpoints.caFile.path])
        #expect(lines == ["upload 201", "notified camera-1/photos/shot.jpg"])
        let blob = lab.lab.home.appendingPathComponent("blobs/uploads01/photos/camera-1/photos/shot.jpg")
        #expect(FileManager.default.contents(atPath: blob.path)?.count == 1024)
        let journal = try await lab.lab.run("events", "tail", "-n", "5", "-o", "json")
        #expect(journal.output.contains("FileUploadNotification"))
        #expect(journal.output.contains("https://uploads01.blob.core.windows.net/photos/camera-1/photos/shot.jpg"))
    }
}
