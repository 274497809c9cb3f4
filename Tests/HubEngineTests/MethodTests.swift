import Foundation
import HubEngine
import JSONValue
import LabCore
import Testing

@Suite struct MethodTests {
    private func listening(_ fixture: HubFixture, module: String? = nil) async throws -> DeviceSession {
        let session = try await fixture.hub.connect(MessageSender(deviceId: "d1", moduleId: module))
        try await session.subscribe([.methods])
        return session
    }

    /// Answers the next request the session receives with `status` and the request's payload.
    private func answerNext(_ session: DeviceSession, status: Int) async throws -> MethodRequest? {
        guard case .methodRequest(let request) = await nextDelivery(of: session) else { return nil }
        try await session.respond(to: request, status: status, payload: ["echo": request.payload])
        return request
    }

    @Test func aListeningDeviceAnswersWithStatusAndPayload() async throws {
        let fixture = try await sessionFixture()
        let session = try await listening(fixture)
        let hub = fixture.hub
        let call = Task { try await hub.invokeMethod(DirectMethodCall(methodName: "reboot", payload: ["delay": 5]), onDevice: "d1") }
        let request = try await answerNext(session, status: 200)
        #expect(request?.methodName == "reboot")
        let result = try await call.value
        #expect(result.json == ["status": 200, "payload": ["echo": ["delay": 5]]])
        #expect(try fixture.journalKinds().last == "MethodInvoked")
    }

    @Test func moduleMethodsReachTheModuleSession() async throws {
        let fixture = try await sessionFixture()
        let session = try await listening(fixture, module: "filter")
        let hub = fixture.hub
        let call = Task { try await hub.invokeMethod(DirectMethodCall(methodName: "reset"), onDevice: "d1", module: "filter") }
        _ = try await answerNext(session, status: 201)
        #expect(try await call.value.status == 201)
    }

    @Test func aDeviceNotListeningIsNotOnlineAtOnceWithoutAConnectTimeout() async throws {
        let fixture = try await sessionFixture()
        await #expect(throws: DeviceMessagingError.deviceNotOnline(identity: "d1")) {
            _ = try await fixture.hub.invokeMethod(DirectMethodCall(methodName: "reboot"), onDevice: "d1")
        }
        _ = try await fixture.hub.connect(MessageSender(deviceId: "d1"))
        await #expect(throws: DeviceMessagingError.deviceNotOnline(identity: "d1")) {
            _ = try await fixture.hub.invokeMethod(DirectMethodCall(methodName: "reboot"), onDevice: "d1")
        }
    }

    @Test func theConnectTimeoutRunsOnTheHubClock() async throws {
        let fixture = try await sessionFixture()
        let hub = fixture.hub
        let call = Task { try await hub.invokeMethod(DirectMethodCall(methodName: "reboot", connectTimeout: 10), onDevice: "d1") }
        await fixture.clock.waitForSleepers(1)
        fixture.clock.advance(by: 9)
        #expect(fixture.clock.sleeperCount == 1)
        fixture.clock.advance(by: 1)
        await #expect(throws: DeviceMessagingError.deviceNotOnline(identity: "d1")) { _ = try await call.value }
    }

    @Test func aDeviceThatSubscribesWithinTheConnectTimeoutGetsTheCall() async throws {
        let fixture = try await sessionFixture()
        let hub = fixture.hub
        let call = Task { try await hub.invokeMethod(DirectMethodCall(methodName: "reboot", connectTimeout: 60), onDevice: "d1") }
        await fixture.clock.waitForSleepers(1)
        let session = try await listening(fixture)
        _ = try await answerNext(session, status: 200)
        #expect(try await call.value.status == 200)
    }

    @Test func callsWaitingForTheDeviceReachItInTheOrderTheyWereMade() async throws {
        let fixture = try await sessionFixture()
        let hub = fixture.hub
        let first = Task { try await hub.invokeMethod(DirectMethodCall(methodName: "first", connectTimeout: 60), onDevice: "d1") }
        await fixture.clock.waitForSleepers(1)
        let second = Task { try await hub.invokeMethod(DirectMethodCall(methodName: "second", connectTimeout: 60), onDevice: "d1") }
        await fixture.clock.waitForSleepers(2)
        let session = try await listening(fixture)
        #expect(try await answerNext(session, status: 1)?.methodName == "first")
        #expect(try await answerNext(session, status: 2)?.methodName == "second")
        #expect(try await first.value.status == 1)
        #expect(try await second.value.status == 2)
    }

    @Test func noAnswerWithinTheResponseTimeoutIsGatewayTimeoutAndALateAnswerIsDropped() async throws {
        let fixture = try await sessionFixture()
        let session = try await listening(fixture)
        let hub = fixture.hub
        let call = Task { try await hub.invokeMethod(DirectMethodCall(methodName: "slow"), onDevice: "d1") }
        guard case .methodRequest(let request) = await nextDelivery(of: session) else { Issue.record("no request"); return }
        await fixture.clock.waitForSleepers(1)
        fixture.clock.advance(by: 30)
        await #expect(throws: DeviceMessagingError.gatewayTimeout(identity: "d1", methodName: "slow", timeout: 30)) { _ = try await call.value }
        try await session.respond(to: request, status: 200, payload: nil)
        #expect(try fixture.workspace.journal(after: 0, limit: 1000).last?.payload == Data(#"{"deviceId":"d1","methodName":"slow","error":"GatewayTimeout","errorCode":504101}"#.utf8))
    }

    @Test func timeoutsPayloadSizesTierAndIdentityAreChecked() async throws {
        let fixture = try await sessionFixture()
        await #expect(throws: DeviceMessagingError.argumentInvalid(field: "responseTimeoutInSeconds", rule: "must be between 5 and 300; it is 4.0")) {
            _ = try await fixture.hub.invokeMethod(DirectMethodCall(methodName: "m", responseTimeout: 4), onDevice: "d1")
        }
        await #expect(throws: DeviceMessagingError.argumentInvalid(field: "connectTimeoutInSeconds", rule: "must be between 0 and 300; it is 301.0")) {
            _ = try await fixture.hub.invokeMethod(DirectMethodCall(methodName: "m", connectTimeout: 301), onDevice: "d1")
        }
        // "xxx…" plus its two quotes: one byte over 128 KB.
        let tooBig = JSONValue.string(String(repeating: "x", count: 128 * 1024 - 1))
        await #expect(throws: DeviceMessagingError.messageTooLarge(what: "The method request payload", size: 128 * 1024 + 1, limit: 128 * 1024)) {
            _ = try await fixture.hub.invokeMethod(DirectMethodCall(methodName: "m", payload: tooBig), onDevice: "d1")
        }
        await #expect(throws: HubError.moduleNotFound(deviceId: "d1", moduleId: "ghost")) {
            _ = try await fixture.hub.invokeMethod(DirectMethodCall(methodName: "m"), onDevice: "d1", module: "ghost")
        }
        let session = try await listening(fixture)
        let hub = fixture.hub
        let call = Task { try await hub.invokeMethod(DirectMethodCall(methodName: "big"), onDevice: "d1") }
        guard case .methodRequest(let request) = await nextDelivery(of: session) else { Issue.record("no request"); return }
        await #expect(throws: DeviceMessagingError.messageTooLarge(what: "The method response payload", size: 128 * 1024 + 1, limit: 128 * 1024)) {
            try await session.respond(to: request, status: 200, payload: tooBig)
        }
        try await session.respond(to: request, status: 413, payload: ["error": "too big"])
        #expect(try await call.value.status == 413)
        let basic = try await sessionFixture(sku: "B1")
        await #expect(throws: HubError.operationNotAvailableInCurrentTier(operation: "Direct methods", skuName: "B1")) {
            _ = try await basic.hub.invokeMethod(DirectMethodCall(methodName: "m"), onDevice: "d1")
        }
    }
}
