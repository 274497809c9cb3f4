import Foundation
import MQTTCodec
import MQTTLoad
import Testing

/// `iotlab bench mqtt`'s load generator against iotlab's own MQTT front door: what it reports as
/// acknowledged is what the hub made durable, and a refusal stops the run with the broker's code.
@Suite struct MQTTLoadGeneratorTests {
    @Test func everyAcknowledgedMessageIsInTheBuiltInEndpoint() async throws {
        try await MQTTServerFixture.with(devices: ["bench-1", "bench-2", "bench-3"]) { fixture in
            var clients: [MQTTLoadClient] = []
            for id in ["bench-1", "bench-2", "bench-3"] {
                clients.append(MQTTLoadClient(
                    clientId: id, username: "\(MQTTServerFixture.hostName)/\(id)/?api-version=2021-04-12",
                    password: try await fixture.token(deviceId: id), topic: "devices/\(id)/messages/events/"))
            }
            let report = try await MQTTLoadGenerator.run(MQTTLoadConfiguration(
                host: "127.0.0.1", port: fixture.server.localPort, clients: clients, qos: .atLeastOnce, payloadSize: 64,
                duration: 0.3, ratePerClient: 200, inFlightPerClient: 5))
            #expect(report.acknowledged > 0)
            #expect(report.acknowledged == report.published)
            #expect(report.latencies.count == report.acknowledged)
            #expect(try fixture.builtInMessages().count == report.acknowledged)
        }
    }

    @Test func aRefusedClientStopsTheRunWithTheReturnCode() async throws {
        try await MQTTServerFixture.with(devices: ["bench-1"]) { fixture in
            let client = MQTTLoadClient(
                clientId: "bench-1", username: "\(MQTTServerFixture.hostName)/bench-1/?api-version=2021-04-12", password: "not a token",
                topic: "devices/bench-1/messages/events/")
            await #expect(throws: MQTTLoadError.refused(clientId: "bench-1", returnCode: 5)) {
                try await MQTTLoadGenerator.run(MQTTLoadConfiguration(host: "127.0.0.1", port: fixture.server.localPort, clients: [client], duration: 0.1))
            }
        }
    }
}
