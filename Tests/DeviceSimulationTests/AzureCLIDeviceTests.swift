import DeviceSimulation
import Foundation
import JSONValue
import Testing

/// The device `az iot device simulate` runs.
@Suite struct AzureCLIDeviceTests {
    private let start = Date(timeIntervalSince1970: 1_767_225_600)

    private func generator(_ options: SimulationDefinition.AzureCLIOptions) throws -> TelemetryGenerator {
        TelemetryGenerator(definition: try .azureCLIDevice(options), deviceId: "d1", seed: 1, machineName: "lab-pc")
    }

    @Test func sendsTheExtensionsNumberedPingAsJSON() throws {
        var device = try generator(.init())
        let messages = (1...2).compactMap { device.nextRound(at: start.addingTimeInterval(Double($0))).first }
        for (number, message) in zip(1..., messages) {
            let body = try JSONValue(parsing: message.body)
            #expect(body.objectValue?.keys.elements == ["id", "timestamp", "data"])
            #expect(body["data"] == .string("Ping from Az CLI IoT Extension #\(number)"))
            #expect(UUID(uuidString: body["id"]?.stringValue ?? "") != nil)
            #expect(message.contentType == "application/json")
            #expect(message.contentEncoding == "utf-8")
        }
        #expect(device.definition.count == 100)
        #expect(device.definition.intervalSeconds == 3)
        #expect(device.definition.cloudToDevice == .complete)
    }

    @Test func takesTheUsersTextLiterally() throws {
        var options = SimulationDefinition.AzureCLIOptions()
        options.data = "price $.DeviceId"
        options.applicationProperties = ["note": "$.Time", "level": "storage"]
        options.messageId = "$.Guid"
        options.contentType = nil
        var device = try generator(options)
        let message = try #require(device.nextRound(at: start).first)
        #expect(try JSONValue(parsing: message.body)["data"] == "price $.DeviceId #1")
        #expect(message.applicationProperties == ["note": "$.Time", "level": "storage"])
        #expect(message.messageId == "$.Guid")
        #expect(message.contentType == nil)
    }

    @Test func echoesMethodRequestsUnlessGivenAnAnswer() throws {
        let echo = try generator(.init()).answer(method: "reboot", requestId: "7", payload: ["delay": 5])
        #expect(echo.status == 200)
        #expect(echo.payload == ["methodName": "reboot", "methodRequestId": "7", "methodRequestPayload": ["delay": 5]])
        var options = SimulationDefinition.AzureCLIOptions()
        options.methodResponseStatus = 201
        options.methodResponsePayload = ["result": "Direct method successful $.MethodName"]
        let given = try generator(options).answer(method: "reboot", requestId: "8", payload: nil)
        #expect(given.status == 201)
        #expect(given.payload == ["result": "Direct method successful $.MethodName"])
    }

    @Test func httpDevicesNeitherAnswerMethodsNorUseTheTwin() throws {
        var options = SimulationDefinition.AzureCLIOptions()
        options.handlesMethodsAndTwin = false
        options.settlement = .reject
        let definition = try SimulationDefinition.azureCLIDevice(options)
        #expect(definition.methods.isEmpty)
        #expect(definition.twin == .none)
        #expect(definition.cloudToDevice == .reject)
    }

    @Test func reportsDesiredPatchesButDoesNotCatchUpAtStart() throws {
        let definition = try SimulationDefinition.azureCLIDevice(.init())
        #expect(definition.twin == TwinBehaviour(reportsDesired: true, reportsDesiredAtStart: false, initialReported: nil))
    }

}
