import DeviceSimulation
import Foundation
import HubEngine
import JSONValue
import LabCore
import Testing

@Suite struct TelemetryGeneratorTests {
    private let start = Date(timeIntervalSince1970: 1_767_225_600)

    private func generator(_ text: String, seed: UInt64 = 7) throws -> TelemetryGenerator {
        TelemetryGenerator(definition: try SimulationDefinition(text: text), deviceId: "sensor-1", seed: seed, machineName: "lab-pc")
    }

    private func bodies(_ generator: inout TelemetryGenerator, rounds: Int) -> [String] {
        (0..<rounds).flatMap { round in
            generator.nextRound(at: start.addingTimeInterval(Double(round))).map { String(decoding: $0.body, as: UTF8.self) }
        }
    }

    @Test func aTextTemplateIsFilledInAsTheTelemetrySimulatorDoes() throws {
        var sim = try generator(
            #"{"name": "t", "variables": [{"name": "Counter", "min": 100}], "messages": [{"template": "{ \"deviceId\": \"$.DeviceId\", \"Counter\": $.Counter, \"time\": \"$.Time\", \"Ticks\": $.Ticks }"}]}"#)
        #expect(bodies(&sim, rounds: 2) == [
            #"{ "deviceId": "sensor-1", "Counter": 100, "time": "2026-01-01T00:00:00.0000000Z", "Ticks": 639028224000000000 }"#,
            #"{ "deviceId": "sensor-1", "Counter": 101, "time": "2026-01-01T00:00:01.0000000Z", "Ticks": 639028224010000000 }"#,
        ])
    }

    @Test func aJSONTemplateKeepsTheValuesTypes() throws {
        var sim = try generator(
            #"{"name": "t", "variables": [{"name": "level", "min": 1, "step": 0.5}, {"name": "on", "values": [true]}], "messages": [{"template": {"level": "$.level", "on": "$.on", "label": "L$.level", "n": "$.MessageNumber"}}]}"#)
        #expect(bodies(&sim, rounds: 2) == [#"{"level":1.0,"on":true,"label":"L1.0","n":1}"#, #"{"level":1.5,"on":true,"label":"L1.5","n":2}"#])
    }

    @Test func theLongestVariableNameWins() throws {
        var sim = try generator(
            #"{"name": "t", "variables": [{"name": "Temp", "min": 1}, {"name": "Temperature", "min": 20}], "messages": [{"template": "$.Temperature/$.Temp"}]}"#)
        #expect(bodies(&sim, rounds: 1) == ["20/1"])
    }

    @Test func aDoubledDollarWritesALiteralPlaceholder() throws {
        var sim = try generator(#"{"name": "t", "messages": [{"template": "cost $$.DeviceId is $.DeviceId"}]}"#)
        #expect(bodies(&sim, rounds: 1) == ["cost $.DeviceId is sensor-1"])
    }

    @Test func aCounterGoesBackToItsStartPastMax() throws {
        var sim = try generator(#"{"name": "t", "variables": [{"name": "c", "min": 1, "max": 3}], "messages": [{"template": "$.c"}]}"#)
        #expect(bodies(&sim, rounds: 5) == ["1", "2", "3", "1", "2"])
    }

    @Test func aFractionalCounterDoesNotDrift() throws {
        var sim = try generator(#"{"name": "t", "variables": [{"name": "c", "min": 0, "step": 0.1}], "messages": [{"template": "$.c"}]}"#)
        #expect(bodies(&sim, rounds: 4) == ["0.0", "0.1", "0.2", "0.3"])
    }

    @Test func aSequenceCyclesThroughItsValuesAndReferences() throws {
        var sim = try generator(
            #"{"name": "t", "variables": [{"name": "n", "min": 10}, {"name": "s", "values": ["a", "$.n"], "sequence": true}], "messages": [{"template": "$.s"}]}"#)
        #expect(bodies(&sim, rounds: 4) == ["a", "11", "a", "13"])
    }

    @Test func randomValuesStayInRangeAndRepeatWithTheSameSeed() throws {
        let text = #"{"name": "t", "variables": [{"name": "i", "random": true, "min": 20, "max": 23}, {"name": "d", "random": true, "min": 60, "max": 80, "decimals": 1}, {"name": "g", "values": ["x", "y"]}, {"name": "s", "customLengthString": 8}], "messages": [{"template": {"i": "$.i", "d": "$.d", "g": "$.g", "s": "$.s", "id": "$.Guid"}}]}"#
        var first = try generator(text, seed: 42)
        var second = try generator(text, seed: 42)
        var other = try generator(text, seed: 43)
        let run = bodies(&first, rounds: 50)
        #expect(run == bodies(&second, rounds: 50))
        #expect(run != bodies(&other, rounds: 50))
        for body in run {
            let json = try JSONValue(parsing: body)
            #expect((20..<23).contains(json["i"]?.integerValue ?? 0))
            let decimal = json["d"]?.doubleValue ?? 0
            #expect(decimal >= 60 && decimal <= 80 && (decimal * 10).rounded() == decimal * 10)
            #expect(["x", "y"].contains(json["g"]?.stringValue))
            #expect(json["s"]?.stringValue?.count == 8)
            let guid = try #require(json["id"]?.stringValue)
            #expect(UUID(uuidString: guid) != nil && guid == guid.lowercased() && Array(guid)[14] == "4")
        }
        #expect(Set(run.map { try? JSONValue(parsing: $0)["i"] }).count == 3)
    }

    @Test func propertiesAreComputedFromTheRoundsValues() throws {
        var sim = try generator(
            """
            {"name": "t", "variables": [{"name": "temperature", "values": [25, 31]}, {"name": "speed", "values": ["stopped", "fast"], "sequence": true}],
             "messages": [{"template": {"temperature": "$.temperature"}, "contentType": "application/json", "contentEncoding": "utf-8",
               "messageId": "m-$.MessageNumber",
               "properties": {"sensorID": "VSLog", "temperatureAlert": {"expression": "temperature > 30"},
                              "beltAlert": {"value": "true", "when": "speed = 'stopped'"}, "unset": {"expression": "missing"}}}]}
            """, seed: 3)
        for round in 1...20 {
            let message = try #require(sim.nextRound(at: start).first)
            let temperature = try JSONValue(parsing: message.body)["temperature"]?.integerValue ?? 0
            #expect(message.applicationProperties["sensorID"] == "VSLog")
            #expect(message.applicationProperties["temperatureAlert"] == (temperature > 30 ? "true" : "false"))
            #expect(message.applicationProperties["beltAlert"] == (round % 2 == 1 ? "true" : nil))
            #expect(message.applicationProperties["unset"] == nil)
            #expect(message.messageId == "m-\(round)")
            #expect(message.contentType == "application/json")
            #expect(message.contentEncoding == "utf-8")
        }
    }

    @Test func everyTemplateIsSentEachRoundInOrder() throws {
        var sim = try generator(#"{"name": "t", "messages": [{"template": "a"}, {"template": "b"}]}"#)
        #expect(bodies(&sim, rounds: 2) == ["a", "b", "a", "b"])
        #expect(sim.round == 2)
    }

    @Test func methodAnswersFillInTheRequest() throws {
        let sim = try generator(
            #"{"name": "t", "methods": {"SetFanState": {"status": 200, "payload": {"result": "Executed direct method: $.MethodName", "echo": "$.MethodPayload", "id": "$.MethodRequestId"}}}}"#)
        let answer = sim.answer(method: "SetFanState", requestId: "r1", payload: ["on": true])
        #expect(answer.status == 200)
        #expect(answer.payload == ["result": "Executed direct method: SetFanState", "echo": ["on": true], "id": "r1"])
        let unknown = sim.answer(method: "Reboot", requestId: "r2", payload: nil)
        #expect(unknown.status == 501)
        #expect(unknown.payload == .null)
    }
}
