import Foundation
import Testing

@testable import Courseware

/// Check kinds grade state and behaviour, whatever way the learner produced it.
@Suite struct CheckKindTests {
    /// A one-check step of kind `yaml` on hub `h`, parsed as a lab author writes it.
    static func check(_ yaml: String) throws -> LabCheck {
        let field = try YAMLField.document(yaml, file: "check.yaml")
        return try LabCheck(field, hub: "lab-hub", defaultId: "c")
    }

    static func hubWithDevice(_ harness: LabHarness, device: String = "d1") async throws {
        #expect(try await harness.az("iot hub create -n lab-hub").exitCode == 0)
        #expect(try await harness.az("iot hub device-identity create -n lab-hub -d \(device)").exitCode == 0)
    }

    @Test func aRouteProbePassesHoweverTheConditionIsSpelled() async throws {
        let check = try Self.check("""
            route: { name: logs, sends: { properties: { sensorID: VSLog } }, to: logEndpoint, notTo: events }
            explain: Route VSLog.
            """)
        for condition in [#"sensorID = "VSLog""#, "sensorID = 'VSLog'", "sensorID IN ['VSLog', 'Other'] AND NOT (sensorID = 'VSTel')"] {
            let harness = try LabHarness()
            try await Self.hubWithDevice(harness)
            #expect(try await harness.az("iot hub routing-endpoint create --hub-name lab-hub --endpoint-name logEndpoint --endpoint-type servicebusqueue --connection-string 'Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=a2V5;EntityPath=q'").exitCode == 0)
            #expect(try await harness.az("iot hub route create --hub-name lab-hub --route-name logs --source DeviceMessages --endpoint-name logEndpoint --condition \"\(condition.replacingOccurrences(of: "\"", with: "\\\""))\"").exitCode == 0)
            let result = await harness.grader.grade(check, hub: "lab-hub")
            #expect(result.status == .pass, "\(condition): \(result)")
        }
    }

    @Test func aRouteThatAlsoTakesOtherMessagesFailsTheirProbe() async throws {
        let check = try Self.check("""
            route:
              probes:
                - { sends: { properties: { sensorID: VSTel } }, to: events, notTo: logEndpoint }
            explain: Leave VSTel alone.
            """)
        let harness = try LabHarness()
        try await Self.hubWithDevice(harness)
        #expect(try await harness.az("iot hub routing-endpoint create --hub-name lab-hub --endpoint-name logEndpoint --endpoint-type servicebusqueue --connection-string 'Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=a2V5;EntityPath=q'").exitCode == 0)
        #expect(await harness.grader.grade(check, hub: "lab-hub").status == .pass)
        #expect(try await harness.az("iot hub route create --hub-name lab-hub --route-name everything --source DeviceMessages --endpoint-name logEndpoint --condition true").exitCode == 0)
        let result = await harness.grader.grade(check, hub: "lab-hub")
        #expect(result.status == .fail)
        #expect(result.actual == "sensorID=VSTel → logEndpoint (via everything)")
    }

    @Test func cloudToDeviceMessagesAreGradedDeliveredThenCompleted() async throws {
        let delivered = try Self.check("c2d: { device: d1, state: delivered }\nexplain: Receive it.")
        let completed = try Self.check("c2d: { device: d1, state: completed }\nexplain: Complete it.")
        let harness = try LabHarness()
        try await Self.hubWithDevice(harness)
        #expect(try await harness.az("iot device c2d-message send -n lab-hub -d d1 --data hello").exitCode == 0)
        #expect(await harness.grader.grade(delivered, hub: "lab-hub").status == .fail)
        #expect(try await harness.az("iot device c2d-message receive -n lab-hub -d d1 --complete").exitCode == 0)
        #expect(await harness.grader.grade(delivered, hub: "lab-hub").status == .pass)
        #expect(await harness.grader.grade(completed, hub: "lab-hub").status == .pass)
        #expect(completed.journalKinds == ["C2DMessageDelivered", "C2DMessageSettled"])
    }

    @Test func telemetryWithinAWindowCountsOnlyRecentMessages() async throws {
        let check = try Self.check("telemetry: { from: d1, atLeast: 1, within: 60 }\nexplain: Send one.")
        let harness = try LabHarness()
        try await Self.hubWithDevice(harness)
        #expect(try await harness.az("iot device send-d2c-message -n lab-hub -d d1 --data x").exitCode == 0)
        #expect(await harness.grader.grade(check, hub: "lab-hub").status == .pass)
        harness.clock.advance(by: 61)
        let result = await harness.grader.grade(check, hub: "lab-hub")
        #expect(result.status == .fail)
        #expect(result.actual == "0 such messages")
    }

    @Test func aQueryTheHubCannotParseIsAnErrorNotAFailure() async throws {
        let check = try Self.check("query: SELECT * FROM devices WHERE\nexpect: { count: 1 }\nexplain: Whatever.")
        let harness = try LabHarness()
        try await Self.hubWithDevice(harness)
        let result = await harness.grader.grade(check, hub: "lab-hub")
        #expect(result.status == .error)
        #expect(result.message.hasPrefix("The check could not run: "))
    }

    @Test func queryValuesCompareTheProjectedRows() async throws {
        let check = try Self.check("query: SELECT deviceId FROM devices\nexpect: { values: [{ deviceId: d1 }] }\nexplain: One device.")
        let harness = try LabHarness()
        try await Self.hubWithDevice(harness)
        #expect(await harness.grader.grade(check, hub: "lab-hub").status == .pass)
    }

    @Test func eachCheckSaysWhichJournalEventsItDependsOn() throws {
        #expect(try Self.check("telemetry: { from: d1 }").journalKinds == ["MessageRouted"])
        #expect(try Self.check("method: { device: d1, name: M }").journalKinds == ["MethodInvoked"])
        #expect(try Self.check("twin: { device: d1, path: tags.x, exists: true }").journalKinds.contains("ReportedPropertiesUpdated"))
        #expect(try Self.check("route: { sends: { properties: { a: b } }, to: events }").journalKinds.contains("IotHubRoutingUpdated"))
    }

    @Test func quotedScalarsStayStringsAndPlainOnesAreTyped() throws {
        let field = try YAMLField.document("{ a: '50', b: 50, c: true, d: null, e: 1.5 }", file: "x.yaml")
        #expect(try field.json().serialized(.compact) == #"{"a":"50","b":50,"c":true,"d":null,"e":1.5}"#)
    }

    @Test func commandLinesSplitAsAShellSplitsThem() throws {
        #expect(try ShellWords.split(#"iot hub query -q "SELECT * FROM devices WHERE a = 'x'" --data '{"t": 1}' a\ b"#)
            == ["iot", "hub", "query", "-q", "SELECT * FROM devices WHERE a = 'x'", "--data", #"{"t": 1}"#, "a b"])
        #expect(throws: ShellWords.SplitError.unterminatedQuote) { try ShellWords.split("a 'b") }
    }
}
