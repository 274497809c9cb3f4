import HubEngine
import JSONValue
import Testing

@Suite struct MessageRoutedRecordTests {
    @Test func recordKeepsEveryFactInOrderAndEscapesIdsAndErrors() async throws {
        let hot = MessageRoute(name: "hot", source: .deviceMessages, condition: "$body.temperature > 30", endpointNames: ["alerts"])
        let tagged = MessageRoute(name: "tagged", source: .deviceMessages, condition: "kind = 'a\"b'", endpointNames: ["archive"])
        let missing = MessageRoute(name: "missing", source: .deviceMessages, condition: "nothing = 1", endpointNames: ["alerts"])
        let fixture = try await TelemetryFixture(
            devices: ["d1"], routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [hot, tagged, missing]))
        let message = DeviceMessage(
            body: Array(#"{"temperature":35}"#.utf8), applicationProperties: ["kind": "a\"b"], messageId: "id \"quoted\"",
            contentType: "application/json", contentEncoding: "utf-8")
        let receipt = try await fixture.hub.ingest(message, from: MessageSender(deviceId: "d1"))
        let missingError = try #require(receipt.decision.routes.last?.evaluation?.error)
        let expected: JSONValue = [
            "source": "DeviceMessages", "messageId": "id \"quoted\"", "endpoints": ["alerts", "archive"],
            "matchedRoutes": ["hot", "tagged"], "fallbackApplied": false, "errors": ["missing": .string(missingError)],
        ]
        #expect(try fixture.journal("MessageRouted") == [expected])
    }
}
