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

    @Test func aBatchRecordsEachMessageInOrderWithTheErrorOfItsOwnCause() async throws {
        let hot = MessageRoute(name: "hot", source: .deviceMessages, condition: "$body.temperature > 30", endpointNames: ["alerts"])
        let fixture = try await TelemetryFixture(
            devices: ["d1", "d2"], routing: RoutingConfiguration(endpoints: TestEndpoints.both, routes: [hot]))
        let json = { (body: String) in DeviceMessage(body: Array(body.utf8), contentType: "application/json", contentEncoding: "utf-8") }
        let batch: [(DeviceMessage, MessageSender)] = [
            (json(#"{"humidity":3}"#), MessageSender(deviceId: "d1")),
            (DeviceMessage(body: Array("35".utf8), contentType: "text/plain"), MessageSender(deviceId: "d2")),
            (json(#"{"humidity":4}"#), MessageSender(deviceId: "d2")),
            (json(#"{"temperature":35}"#), MessageSender(deviceId: "d1")),
        ]
        let receipts = try await fixture.hub.ingest(batch).map { try $0.get() }
        let errors = receipts.map { $0.decision.routes.first?.evaluation?.error }
        #expect(errors[0] == errors[2])
        #expect(errors[0] != errors[1])
        #expect(errors[3] == nil)
        let records = try fixture.base.workspace.journal(after: 0, limit: 100).filter { $0.kind == "MessageRouted" }
        #expect(records.map(\.subject) == ["d1", "d2", "d2", "d1"])
        #expect(Set(records.map(\.sequence)).count == 4)
        let payloads = try records.map { try JSONValue(parsing: $0.payload) }
        #expect(payloads.map { $0[path: ["errors", "hot"]] } == errors.map { $0.map(JSONValue.string) })
        #expect(payloads.map { $0["endpoints"] } == [["events"], ["events"], ["events"], ["alerts"]])
    }
}
