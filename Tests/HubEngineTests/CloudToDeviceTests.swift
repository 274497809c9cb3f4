import Foundation
import HubEngine
import JSONValue
import LabCore
import Testing
import WorkspaceStore

@Suite struct CloudToDeviceTests {
    private func message(_ text: String = "hi", ack: CloudToDeviceMessage.Acknowledgement = .none, ttl: TimeInterval? = nil) -> CloudToDeviceMessage {
        CloudToDeviceMessage(body: Array(text.utf8), properties: ["a": "1"], messageId: "m-" + text, acknowledgement: ack, timeToLive: ttl)
    }

    private func hub(maxDeliveryCount: Int = 10) async throws -> HubFixture {
        let fixture = try await sessionFixture()
        var settings = await fixture.hub.settings
        settings.cloudToDevice.maxDeliveryCount = maxDeliveryCount
        await fixture.hub.apply(settings)
        return fixture
    }

    @Test func receiveLocksTheMessageAndCompleteRemovesIt() async throws {
        let fixture = try await hub()
        try await fixture.hub.sendCloudToDevice(message(), to: "d1")
        let received = try #require(try await fixture.hub.receiveCloudToDevice(deviceId: "d1"))
        #expect(received.message.body == Array("hi".utf8))
        #expect(received.message.properties == ["a": "1"])
        #expect(received.deliveryCount == 1)
        #expect(received.expiryTime == fixture.clock.now().addingTimeInterval(3600))
        #expect(received.to == "/devices/d1/messages/deviceBound")
        #expect(try await fixture.hub.receiveCloudToDevice(deviceId: "d1") == nil)
        #expect(try await fixture.hub.cloudToDeviceQueueDepth(deviceId: "d1") == 1)
        try await fixture.hub.completeCloudToDevice(deviceId: "d1", lockToken: received.lockToken)
        #expect(try await fixture.hub.cloudToDeviceQueueDepth(deviceId: "d1") == 0)
        await #expect(throws: DeviceMessagingError.messageLockLost(deviceId: "d1", lockToken: received.lockToken)) {
            try await fixture.hub.completeCloudToDevice(deviceId: "d1", lockToken: received.lockToken)
        }
        #expect(try fixture.journalKinds().suffix(3) == ["C2DMessageSent", "C2DMessageDelivered", "C2DMessageSettled"])
    }

    @Test func anExpiredLockLosesTheTokenAndTheMessageIsDeliveredAgain() async throws {
        let fixture = try await hub()
        try await fixture.hub.sendCloudToDevice(message(), to: "d1")
        let first = try #require(try await fixture.hub.receiveCloudToDevice(deviceId: "d1", lockTimeout: 10))
        fixture.clock.advance(by: 10)
        await #expect(throws: DeviceMessagingError.messageLockLost(deviceId: "d1", lockToken: first.lockToken)) {
            try await fixture.hub.abandonCloudToDevice(deviceId: "d1", lockToken: first.lockToken)
        }
        let second = try #require(try await fixture.hub.receiveCloudToDevice(deviceId: "d1"))
        #expect(second.deliveryCount == 2)
        #expect(second.lockToken != first.lockToken)
    }

    @Test func abandonedPastTheMaximumDeliveryCountIsDeadLetteredWithFeedback() async throws {
        let fixture = try await hub(maxDeliveryCount: 2)
        try await fixture.hub.sendCloudToDevice(message(ack: .negative), to: "d1")
        for _ in 1...2 {
            let received = try #require(try await fixture.hub.receiveCloudToDevice(deviceId: "d1"))
            try await fixture.hub.abandonCloudToDevice(deviceId: "d1", lockToken: received.lockToken)
        }
        #expect(try await fixture.hub.receiveCloudToDevice(deviceId: "d1") == nil)
        #expect(try await fixture.hub.cloudToDeviceQueueDepth(deviceId: "d1") == 0)
        let feedback = try await fixture.hub.cloudToDeviceFeedback()
        #expect(feedback.map(\.status) == [.deliveryCountExceeded])
        #expect(feedback.first?.originalMessageId == "m-hi")
        #expect(feedback.first?.deviceGenerationId == (try await fixture.hub.device("d1").generationId))
    }

    @Test func messagesExpireAtTheirTimeToLiveOrTheHubDefault() async throws {
        let fixture = try await hub()
        try await fixture.hub.sendCloudToDevice(message("short", ack: .full, ttl: 10), to: "d1")
        try await fixture.hub.sendCloudToDevice(message("default"), to: "d1")
        fixture.clock.advance(by: 10)
        #expect(try await fixture.hub.receiveCloudToDevice(deviceId: "d1")?.message.messageId == "m-default")
        fixture.clock.advance(by: 3590)
        #expect(try await fixture.hub.cloudToDeviceQueueDepth(deviceId: "d1") == 0)
        let feedback = try await fixture.hub.cloudToDeviceFeedback()
        #expect(feedback.map(\.status) == [.expired])
        #expect(feedback.first?.json["statusCode"] == "Expired")
        #expect(feedback.first?.json["description"] == "Message expired")
        fixture.clock.advance(by: 3600)
        #expect(try await fixture.hub.cloudToDeviceFeedback() == [])
    }

    @Test func feedbackFollowsTheAcknowledgementAsked() async throws {
        let fixture = try await hub()
        for (text, ack) in [("none", CloudToDeviceMessage.Acknowledgement.none), ("positive", .positive), ("negative", .negative), ("full", .full)] {
            try await fixture.hub.sendCloudToDevice(message(text, ack: ack), to: "d1")
            let received = try #require(try await fixture.hub.receiveCloudToDevice(deviceId: "d1"))
            try await fixture.hub.completeCloudToDevice(deviceId: "d1", lockToken: received.lockToken)
            try await fixture.hub.sendCloudToDevice(message(text + "-rejected", ack: ack), to: "d1")
            let rejected = try #require(try await fixture.hub.receiveCloudToDevice(deviceId: "d1"))
            try await fixture.hub.rejectCloudToDevice(deviceId: "d1", lockToken: rejected.lockToken)
        }
        let feedback = try await fixture.hub.cloudToDeviceFeedback()
        #expect(feedback.map { "\($0.originalMessageId ?? "") \($0.status.rawValue)" } == [
            "m-positive Success", "m-negative-rejected Rejected", "m-full Success", "m-full-rejected Rejected",
        ])
    }

    /// Sends and completes one message per id with `ack: full`, leaving one `Success` record each.
    private func completeDeliveries(_ ids: [String], on fixture: HubFixture) async throws {
        for id in ids {
            try await fixture.hub.sendCloudToDevice(message(id, ack: .full), to: "d1")
            let received = try #require(try await fixture.hub.receiveCloudToDevice(deviceId: "d1"))
            try await fixture.hub.completeCloudToDevice(deviceId: "d1", lockToken: received.lockToken)
        }
    }

    @Test func feedbackIsReceivedAsOneLockedBatchAndCompletingRemovesIt() async throws {
        let fixture = try await hub()
        #expect(try await fixture.hub.receiveCloudToDeviceFeedback() == nil)
        try await completeDeliveries(["a", "b"], on: fixture)
        let batch = try #require(try await fixture.hub.receiveCloudToDeviceFeedback())
        #expect(batch.records.map(\.originalMessageId) == ["m-a", "m-b"])
        #expect(batch.deliveryCount == 1)
        #expect(batch.lockedUntil == fixture.clock.now().addingTimeInterval(5))
        #expect(try await fixture.hub.receiveCloudToDeviceFeedback() == nil)
        try await completeDeliveries(["c"], on: fixture)
        let later = try #require(try await fixture.hub.receiveCloudToDeviceFeedback())
        #expect(later.records.map(\.originalMessageId) == ["m-c"])
        try await fixture.hub.completeCloudToDeviceFeedback(lockToken: batch.lockToken)
        #expect(try await fixture.hub.cloudToDeviceFeedback().map(\.originalMessageId) == ["m-c"])
        await #expect(throws: CloudToDeviceFeedbackError.lockLost(lockToken: batch.lockToken)) {
            try await fixture.hub.completeCloudToDeviceFeedback(lockToken: batch.lockToken)
        }
    }

    @Test func abandonedOrLapsedFeedbackIsOfferedAgainUntilItsDeliveryCountRunsOut() async throws {
        let fixture = try await hub()
        var settings = await fixture.hub.settings
        settings.cloudToDevice.feedbackMaxDeliveryCount = 3
        await fixture.hub.apply(settings)
        try await completeDeliveries(["a"], on: fixture)
        let first = try #require(try await fixture.hub.receiveCloudToDeviceFeedback())
        try await fixture.hub.abandonCloudToDeviceFeedback(lockToken: first.lockToken)
        let second = try #require(try await fixture.hub.receiveCloudToDeviceFeedback())
        #expect(second.deliveryCount == 2)
        #expect(second.lockToken != first.lockToken)
        fixture.clock.advance(by: 5)
        await #expect(throws: CloudToDeviceFeedbackError.lockLost(lockToken: second.lockToken)) {
            try await fixture.hub.abandonCloudToDeviceFeedback(lockToken: second.lockToken)
        }
        #expect(try await fixture.hub.receiveCloudToDeviceFeedback()?.deliveryCount == 3)
        fixture.clock.advance(by: 5)
        #expect(try await fixture.hub.receiveCloudToDeviceFeedback() == nil)
        #expect(try await fixture.hub.cloudToDeviceFeedback() == [])
    }

    @Test func lockedFeedbackStillExpiresAtTheFeedbackTimeToLive() async throws {
        let fixture = try await hub()
        // A lock longer than what is left of the record's life, so the record is still locked
        // when its time to live ends (the settings' bounds are not checked by `apply`).
        var settings = await fixture.hub.settings
        settings.cloudToDevice.feedbackLockDuration = 7200
        await fixture.hub.apply(settings)
        try await completeDeliveries(["a"], on: fixture)
        let batch = try #require(try await fixture.hub.receiveCloudToDeviceFeedback())
        fixture.clock.advance(by: 3600)
        await #expect(throws: CloudToDeviceFeedbackError.lockLost(lockToken: batch.lockToken)) {
            try await fixture.hub.completeCloudToDeviceFeedback(lockToken: batch.lockToken)
        }
        #expect(try await fixture.hub.receiveCloudToDeviceFeedback() == nil)
    }

    @Test func theFiftyFirstPendingMessageIsRefused() async throws {
        let fixture = try await hub()
        for index in 1...50 { try await fixture.hub.sendCloudToDevice(message("\(index)"), to: "d1") }
        await #expect(throws: DeviceMessagingError.maximumQueueDepthExceeded(deviceId: "d1", limit: 50)) {
            try await fixture.hub.sendCloudToDevice(message("51"), to: "d1")
        }
        #expect(try await fixture.hub.purgeCloudToDevice(deviceId: "d1") == 50)
        try await fixture.hub.sendCloudToDevice(message("again"), to: "d1")
    }

    @Test func sendsBeyondTheThrottleWaitOnTheClock() async throws {
        // S1: 100 sends a minute, with a minute of burst.
        let fixture = try await hub()
        for deviceId in ["d2", "d3"] { _ = try await fixture.hub.createDevice(DeviceIdentity(deviceId: deviceId)) }
        for index in 0..<100 { try await fixture.hub.sendCloudToDevice(message("\(index)"), to: index < 50 ? "d1" : "d2") }
        let hub = fixture.hub
        let late = Task { try await hub.sendCloudToDevice(CloudToDeviceMessage(), to: "d3") }
        await fixture.clock.waitForSleepers(1)
        #expect(try await hub.cloudToDeviceQueueDepth(deviceId: "d3") == 0)
        fixture.clock.advance(by: 0.6)
        try await late.value
        #expect(try await hub.cloudToDeviceQueueDepth(deviceId: "d3") == 1)
    }

    @Test func sizeTimeToLiveTierAndIdentityAreChecked() async throws {
        let fixture = try await hub()
        try await fixture.hub.sendCloudToDevice(CloudToDeviceMessage(body: Array(repeating: 1, count: 64 * 1024)), to: "d1")
        await #expect(throws: DeviceMessagingError.messageTooLarge(what: "The cloud-to-device message", size: 64 * 1024 + 1, limit: 64 * 1024)) {
            try await fixture.hub.sendCloudToDevice(CloudToDeviceMessage(body: Array(repeating: 1, count: 64 * 1024 - 1), properties: ["a": "1"]), to: "d1")
        }
        await #expect(throws: DeviceMessagingError.argumentInvalid(field: "ttl", rule: "must be more than 0 and at most 2 days (172800 seconds); it is 172801.0 seconds")) {
            try await fixture.hub.sendCloudToDevice(message(ttl: 172_801), to: "d1")
        }
        await #expect(throws: HubError.deviceNotFound(deviceId: "ghost")) { try await fixture.hub.sendCloudToDevice(message(), to: "ghost") }
        await #expect(throws: DeviceMessagingError.argumentInvalid(field: "lockTimeout", rule: "must be between 5 and 300 seconds; it is 301.0")) {
            _ = try await fixture.hub.receiveCloudToDevice(deviceId: "d1", lockTimeout: 301)
        }
        let basic = try await sessionFixture(sku: "B1")
        await #expect(throws: HubError.operationNotAvailableInCurrentTier(operation: "Cloud-to-device messaging", skuName: "B1")) {
            try await basic.hub.sendCloudToDevice(message(), to: "d1")
        }
    }

    @Test func aSubscribedSessionReceivesWaitingAndNewMessagesAndSettlesThem() async throws {
        let fixture = try await hub()
        try await fixture.hub.sendCloudToDevice(message("waiting"), to: "d1")
        let session = try await fixture.hub.connect(MessageSender(deviceId: "d1"))
        try await session.subscribe([.cloudToDevice])
        guard case .cloudToDevice(let waiting) = await nextDelivery(of: session) else { Issue.record("no message"); return }
        #expect(waiting.message.messageId == "m-waiting")
        try await session.complete(lockToken: waiting.lockToken)
        try await fixture.hub.sendCloudToDevice(message("new"), to: "d1")
        guard case .cloudToDevice(let new) = await nextDelivery(of: session) else { Issue.record("no message"); return }
        try await session.abandon(lockToken: new.lockToken)
        guard case .cloudToDevice(let again) = await nextDelivery(of: session) else { Issue.record("no message"); return }
        #expect(again.deliveryCount == 2)
        try await session.reject(lockToken: again.lockToken)
        #expect(try await fixture.hub.cloudToDeviceQueueDepth(deviceId: "d1") == 0)
    }

    @Test func aMessageUnsettledWhenTheDeviceDisconnectsComesBackAfterItsLock() async throws {
        let fixture = try await hub()
        try await fixture.hub.sendCloudToDevice(message("once"), to: "d1")
        let first = try await fixture.hub.connect(MessageSender(deviceId: "d1"))
        try await first.subscribe([.cloudToDevice])
        guard case .cloudToDevice(let delivered) = await nextDelivery(of: first) else { Issue.record("no message"); return }
        await first.disconnect()
        let second = try await fixture.hub.connect(MessageSender(deviceId: "d1"))
        try await second.subscribe([.cloudToDevice])
        await #expect(throws: DeviceMessagingError.connectionClosed(identity: "d1")) { try await first.complete(lockToken: delivered.lockToken) }
        fixture.clock.advance(by: 60)
        try await second.subscribe([.cloudToDevice])
        guard case .cloudToDevice(let again) = await nextDelivery(of: second) else { Issue.record("no message"); return }
        #expect(again.message.messageId == "m-once")
        #expect(again.deliveryCount == 2)
    }

    @Test func queuesSurviveARestartAndGoWithADeletedDevice() async throws {
        try await withWorkspaceFile { file in
            let clock = ManualClock()
            let settings = HubSettings(name: "lab-hub", skuName: "S1", units: 1)
            let lockToken: String
            do {
                let hub = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
                _ = try await hub.createDevice(DeviceIdentity(deviceId: "d1"))
                try await hub.sendCloudToDevice(message("one", ack: .full), to: "d1")
                try await hub.sendCloudToDevice(message("two"), to: "d1")
                lockToken = try #require(try await hub.receiveCloudToDevice(deviceId: "d1")).lockToken
            }
            let reopened = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
            #expect(try await reopened.cloudToDeviceQueueDepth(deviceId: "d1") == 2)
            try await reopened.completeCloudToDevice(deviceId: "d1", lockToken: lockToken)
            #expect(try await reopened.receiveCloudToDevice(deviceId: "d1")?.sequenceNumber == 2)
            try await reopened.sendCloudToDevice(message("three"), to: "d1")
            #expect(try await reopened.cloudToDeviceFeedback().map(\.status) == [.success])
            try await reopened.deleteDevice("d1", ifMatch: nil)
            _ = try await reopened.createDevice(DeviceIdentity(deviceId: "d1"))
            #expect(try await reopened.cloudToDeviceQueueDepth(deviceId: "d1") == 0)
            let again = try IoTHub(settings: settings, workspace: Workspace(fileURL: file), clock: clock)
            #expect(try await again.cloudToDeviceQueueDepth(deviceId: "d1") == 0)
        }
    }

    @Test func settingsReadAndWriteAzureShapeAndRefuseOutOfRange() throws {
        let defaults = CloudToDeviceSettings()
        #expect(defaults.json.serialized() == #"{"maxDeliveryCount":10,"defaultTtlAsIso8601":"PT1H","feedback":{"lockDurationAsIso8601":"PT5S","ttlAsIso8601":"PT1H","maxDeliveryCount":10}}"#)
        let read = try CloudToDeviceSettings(json: json(#"{"defaultTtlAsIso8601":"P2D","feedback":{"lockDurationAsIso8601":"PT30S"}}"#))
        #expect(read.defaultTimeToLive == 172_800)
        #expect(read.feedbackLockDuration == 30)
        #expect(read.maxDeliveryCount == 10)
        #expect(read.json["defaultTtlAsIso8601"] == "PT48H")
        #expect(throws: DeviceMessagingError.argumentInvalid(field: "cloudToDevice.maxDeliveryCount", rule: "must be between 1 and 100")) {
            try CloudToDeviceSettings(json: json(#"{"maxDeliveryCount":101}"#))
        }
        #expect(throws: HubError.argumentInvalid(field: "cloudToDevice.defaultTtlAsIso8601", rule: "'1 hour' is not an ISO 8601 duration such as PT1H")) {
            try CloudToDeviceSettings(json: json(#"{"defaultTtlAsIso8601":"1 hour"}"#))
        }
        #expect(throws: DeviceMessagingError.argumentInvalid(field: "cloudToDevice.feedback.lockDurationAsIso8601", rule: "must be between 5 seconds (PT5S) and 5 minutes (PT5M)")) {
            try CloudToDeviceSettings(feedbackLockDuration: 4).validated()
        }
    }
}
