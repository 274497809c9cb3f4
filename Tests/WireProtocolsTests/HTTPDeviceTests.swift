import Foundation
import HubEngine
import IoTSecurity
import JSONValue
import Testing

/// The device REST API: telemetry with its properties from headers, and cloud-to-device receive,
/// complete, abandon and reject, each authenticated with the device's own token.
@Suite struct HTTPDeviceTests {
    @Test func telemetryTakesPropertiesFromHeadersAndReachesTheEventsEndpoint() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            let response = try await fixture.client.send(
                .POST, "/devices/d1/messages/events?api-version=2020-09-30",
                headers: [
                    ("Authorization", try await fixture.deviceToken("d1")), ("iothub-app-alert", "high"),
                    ("iothub-messageid", "m-1"), ("iothub-correlationid", "c-1"), ("iothub-contenttype", "application/json"),
                    ("iothub-contentencoding", "utf-8"),
                ],
                body: Array("{\"t\":21}".utf8))
            #expect(response.status == 204)

            let message = try #require(try fixture.events().first?.message)
            #expect(message.body == Array("{\"t\":21}".utf8))
            #expect(message.applicationProperties == ["alert": "high"])
            #expect(message.systemProperties.messageId == "m-1")
            #expect(message.systemProperties.correlationId == "c-1")
            #expect(message.systemProperties.contentType == "application/json")
            #expect(message.systemProperties.connectionDeviceId == "d1")
        }
    }

    @Test func aBatchDeliversEachMessageWithItsOwnProperties() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            let batch: JSONValue = [
                ["body": .string(Data("one".utf8).base64EncodedString()), "base64Encoded": true,
                 "properties": ["iothub-app-seq": "1", "iothub-messageid": "b-1"]],
                ["body": "two", "base64Encoded": false, "properties": ["iothub-app-seq": "2"]],
            ]
            let response = try await fixture.client.send(
                .POST, "/devices/d1/messages/events?api-version=2020-09-30",
                headers: [("Authorization", try await fixture.deviceToken("d1")), ("Content-Type", "application/vnd.microsoft.iothub.json")],
                body: batch.compactBytes)
            #expect(response.status == 204)
            let messages = try fixture.events().map(\.message)
            #expect(messages.map(\.body) == [Array("one".utf8), Array("two".utf8)])
            #expect(messages.map { $0.applicationProperties["seq"] } == ["1", "2"])
            #expect(messages.first?.systemProperties.messageId == "b-1")

            let broken = try await fixture.client.send(
                .POST, "/devices/d1/messages/events?api-version=2020-09-30",
                headers: [("Authorization", try await fixture.deviceToken("d1")), ("Content-Type", "application/vnd.microsoft.iothub.json")],
                body: Array(#"[{"base64Encoded":true}]"#.utf8))
            #expect(broken.status == 400)
            #expect(broken.json?["Message"] == "ErrorCode:ArgumentInvalid;body[0].body: is required and must be a string")
        }
    }

    @Test func anotherDevicesTokenIs401() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            try await fixture.register("d2")
            let response = try await fixture.client.send(
                .POST, "/devices/d1/messages/events?api-version=2020-09-30",
                headers: [("Authorization", try await fixture.deviceToken("d2"))], body: Array("x".utf8))
            #expect(response.status == 401)
            #expect(response.header("iothub-errorcode") == "IotHubUnauthorizedAccess")
        }
    }

    @Test func badExpiryHeaderIs400NamingIt() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            let response = try await fixture.client.send(
                .POST, "/devices/d1/messages/events?api-version=2020-09-30",
                headers: [("Authorization", try await fixture.deviceToken("d1")), ("iothub-expiry", "tomorrow")], body: [1])
            #expect(response.status == 400)
            #expect(response.json?["Message"]?.stringValue?.hasPrefix("ErrorCode:ArgumentInvalid;iothub-expiry:") == true)
        }
    }

    @Test func cloudToDeviceIsReceivedWithHeadersThenCompleted() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            try await fixture.hub.sendCloudToDevice(
                CloudToDeviceMessage(body: Array("hello".utf8), properties: ["k": "v"], messageId: "c2d-1"), to: "d1")
            let token = try await fixture.deviceToken("d1")
            let path = "/devices/d1/messages/deviceBound"
            let received = try await fixture.client.send(.GET, path + "?api-version=2020-09-30", headers: [("Authorization", token)])
            #expect(received.status == 200)
            #expect(received.body == Array("hello".utf8))
            #expect(received.header("iothub-messageid") == "c2d-1")
            #expect(received.header("iothub-app-k") == "v")
            #expect(received.header("iothub-deliverycount") == "1")
            #expect(received.header("iothub-to") == "/devices/d1/messages/deviceBound")
            let lockToken = try #require(received.header("ETag"))

            let complete = try await fixture.client.send(
                .DELETE, "\(path)/\(lockToken.trimmingCharacters(in: ["\""]))?api-version=2020-09-30", headers: [("Authorization", token)])
            #expect(complete.status == 204)
            let again = try await fixture.client.send(
                .DELETE, "\(path)/\(lockToken.trimmingCharacters(in: ["\""]))?api-version=2020-09-30", headers: [("Authorization", token)])
            #expect(again.status == 412)
            #expect(again.header("iothub-errorcode") == "DeviceMessageLockLost")

            let empty = try await fixture.client.send(.GET, path + "?api-version=2020-09-30", headers: [("Authorization", token)])
            #expect(empty.status == 204)
        }
    }

    @Test func abandonedMessageComesBackAndRejectedOneDoesNot() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            try await fixture.hub.sendCloudToDevice(CloudToDeviceMessage(body: [1]), to: "d1")
            let token = try await fixture.deviceToken("d1")
            let path = "/devices/d1/messages/deviceBound"
            let version = "?api-version=2020-09-30"
            let first = try await fixture.client.send(.GET, path + version, headers: [("Authorization", token)])
            // The lock token travels back as the etag was sent, quotes included (escaped in the URL).
            let firstLock = try #require(first.header("ETag")).replacingOccurrences(of: "\"", with: "%22")
            let abandoned = try await fixture.client.send(.POST, "\(path)/\(firstLock)/abandon\(version)", headers: [("Authorization", token)])
            #expect(abandoned.status == 204)

            let second = try await fixture.client.send(.GET, path + version, headers: [("Authorization", token)])
            #expect(second.header("iothub-deliverycount") == "2")
            let secondLock = try #require(second.header("ETag")).trimmingCharacters(in: ["\""])
            let rejected = try await fixture.client.send(.DELETE, "\(path)/\(secondLock)\(version)&reject", headers: [("Authorization", token)])
            #expect(rejected.status == 204)
            #expect(try await fixture.client.send(.GET, path + version, headers: [("Authorization", token)]).status == 204)
        }
    }

    @Test func purgeEmptiesTheQueueAndCountsWhatItRemoved() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            for _ in 0..<3 { try await fixture.hub.sendCloudToDevice(CloudToDeviceMessage(body: [1]), to: "d1") }
            let response = try await fixture.service(.DELETE, "/devices/d1/commands")
            #expect(response.status == 200)
            #expect(response.json == ["totalMessagesPurged": 3, "deviceId": "d1", "moduleId": nil])
        }
    }
}

/// Module telemetry and the service's feedback read.
@Suite struct HTTPModuleAndFeedbackTests {
    @Test func moduleTelemetryIsStampedWithTheModule() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            let module = try await fixture.hub.createModule(ModuleIdentity(moduleId: "m1", deviceId: "d1"))
            let token = SharedAccessSignature.token(
                resourceURI: "\(fixture.hubHostName)/devices/d1/modules/m1",
                key: try SymmetricKey(base64: module.authentication.primaryKey ?? ""), policyName: nil,
                expiry: fixture.tokenClock.now().addingTimeInterval(3600))
            let response = try await fixture.client.send(
                .POST, "/devices/d1/modules/m1/messages/events?api-version=2020-09-30", headers: [("Authorization", token)], body: [1])
            #expect(response.status == 204)
            let message = try #require(try fixture.events().first?.message)
            #expect(message.systemProperties.connectionModuleId == "m1")
        }
    }

    @Test func feedbackIs204WhenThereIsNoneAndListsACompletedDelivery() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            #expect(try await fixture.service(.GET, "/messages/serviceBound/feedback").status == 204)
            try await fixture.hub.sendCloudToDevice(CloudToDeviceMessage(body: [1], messageId: "fb-1", acknowledgement: .full), to: "d1")
            let received = try #require(try await fixture.hub.receiveCloudToDevice(deviceId: "d1"))
            try await fixture.hub.completeCloudToDevice(deviceId: "d1", lockToken: received.lockToken)
            let feedback = try await fixture.service(.GET, "/messages/serviceBound/feedback")
            #expect(feedback.status == 200)
            #expect(feedback.json?.arrayValue?.first?["originalMessageId"] == "fb-1")
            #expect(feedback.json?.arrayValue?.first?["statusCode"] == "Success")
        }
    }

    @Test func feedbackIsLockedByAReceiveAndSettledByItsETag() async throws {
        try await HTTPServerFixture.run { fixture in
            try await fixture.register("d1")
            try await fixture.hub.sendCloudToDevice(CloudToDeviceMessage(body: [1], messageId: "fb-1", acknowledgement: .full), to: "d1")
            let received = try #require(try await fixture.hub.receiveCloudToDevice(deviceId: "d1"))
            try await fixture.hub.completeCloudToDevice(deviceId: "d1", lockToken: received.lockToken)
            let first = try await fixture.service(.GET, "/messages/serviceBound/feedback")
            let lockToken = try #require(first.header("ETag")).trimmingCharacters(in: ["\""])
            #expect(first.header("iothub-deliverycount") == "1")
            #expect(try await fixture.service(.GET, "/messages/serviceBound/feedback").status == 204)
            #expect(try await fixture.service(.POST, "/messages/serviceBound/feedback/\(lockToken)/abandon").status == 204)
            let again = try await fixture.service(.GET, "/messages/serviceBound/feedback")
            #expect(again.header("iothub-deliverycount") == "2")
            let againToken = try #require(again.header("ETag")).trimmingCharacters(in: ["\""])
            #expect(try await fixture.service(.DELETE, "/messages/serviceBound/feedback/\(againToken)").status == 204)
            let stale = try await fixture.service(.DELETE, "/messages/serviceBound/feedback/\(againToken)")
            #expect(stale.status == 412)
            #expect(stale.header("iothub-errorcode") == "DeviceMessageLockLost")
            #expect(try await fixture.service(.GET, "/messages/serviceBound/feedback").status == 204)
        }
    }
}
