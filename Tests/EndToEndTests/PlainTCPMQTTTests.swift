import Foundation
import JSONValue
import Testing

/// `iotlab serve --mqtt-tcp-port`: MQTT without TLS for benchmarks and lessons, which Azure does
/// not offer; off unless asked, and listed by `serve` and `iotlab info` when on.
@Suite struct PlainTCPMQTTTests {
    @Test func pahoPublishesOverThePlainTCPPortAndInfoListsIt() async throws {
        guard
            let lab = try await RealClientFixture.start(
                devices: ["raw-tcp"], frontDoors: IoTLabProcess.freePorts + ["--mqtt-tcp-port", "0"])
        else { return }
        defer { lab.stop() }
        let line = try #require(
            lab.endpoints.printed.split(separator: "\n").first { $0.hasPrefix("listening mqtt://127.0.0.1:") },
            "serve did not list the plain-TCP port: \(lab.endpoints.printed)")
        let port = try #require(Int(line.dropFirst("listening mqtt://127.0.0.1:".count).prefix { $0 != " " }))
        #expect(line.hasSuffix("MQTT 3.1.1 over plain TCP: benchmarks and teaching (Azure has no such port)"))

        let info = try await lab.lab.run(["info"])
        #expect(info.output.contains("  mqtt://127.0.0.1:\(port)  MQTT 3.1.1 over plain TCP"), "\(info.output)")

        let token = try await lab.az("iot", "hub", "generate-sas-token", "-n", lab.hub, "-d", "raw-tcp")["sas"]?.stringValue ?? ""
        let lines = try await lab.client("paho_raw.py", ["\(lab.hub).azure-devices.net", "raw-tcp", token, "-", String(port)])
        #expect(lines == ["connack 0", "published qos0"])
        let events = try await lab.eventsOnceAny()
        #expect(events.first?["payload"] == .string(#"{"raw": true}"#))
    }

    @Test func serveListsNoPlainTCPPortUnlessAsked() async throws {
        let iotlab = try IoTLabProcess()
        defer { iotlab.cleanUp() }
        let (server, endpoints) = try await iotlab.startServingFrontDoors()
        defer {
            server.interrupt()
            server.waitUntilExit()
        }
        #expect(!endpoints.printed.contains("listening mqtt://"), "\(endpoints.printed)")
    }
}
