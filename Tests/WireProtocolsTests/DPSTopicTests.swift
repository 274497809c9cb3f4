import JSONValue
import Testing
@testable import WireProtocols

/// The DPS MQTT user name and topics as the Python SDK writes and parses them (reference §6).
@Suite struct DPSTopicTests {
    @Test func theSDKsUsernameNamesTheScopeAndRegistration() {
        let username = ProvisioningUsername(
            "0ne0004E52G/registrations/sensor-thl-1000/api-version=2019-03-31&ClientVersion=azure-iot-device-provisioning-py%2F2.14.0")
        #expect(username == ProvisioningUsername(idScope: "0ne0004E52G", registrationId: "sensor-thl-1000"))
        #expect(ProvisioningUsername("0ne0004E52G/registrations/r1") == ProvisioningUsername(idScope: "0ne0004E52G", registrationId: "r1"))
    }

    @Test func hubUsernamesAreNotProvisioningOnes() {
        // A hub device called `registrations`, and its modules: the `?` marks a hub user name.
        #expect(ProvisioningUsername("hub.azure-devices.net/registrations/?api-version=2021-04-12") == nil)
        #expect(ProvisioningUsername("hub.azure-devices.net/registrations/m1/?api-version=2021-04-12") == nil)
        #expect(ProvisioningUsername("hub.azure-devices.net/d1/?api-version=2021-04-12") == nil)
        #expect(ProvisioningUsername("0ne00000001/registrations//api-version=2019-03-31") == nil)
        #expect(ProvisioningUsername("/registrations/r1/api-version=2019-03-31") == nil)
    }

    @Test func registerAndStatusTopicsCarryTheRequestId() {
        #expect(ProvisioningPublishTopic("$dps/registrations/PUT/iotdps-register/?$rid=5c1d") == .register(requestId: "5c1d"))
        #expect(
            ProvisioningPublishTopic("$dps/registrations/GET/iotdps-get-operationstatus/?$rid=7&operationId=4.abc.def")
                == .operationStatus(requestId: "7", operationId: "4.abc.def"))
        #expect(ProvisioningPublishTopic("$dps/registrations/PUT/iotdps-register/") == nil)
        #expect(ProvisioningPublishTopic("$dps/registrations/GET/iotdps-get-operationstatus/?$rid=7") == nil)
        #expect(ProvisioningPublishTopic("devices/r1/messages/events/?$rid=1") == nil)
    }

    @Test func responseTopicsHaveNoStrayDollarAndAWholeNumberRetryAfter() {
        let topic = ProvisioningResponseTopic(status: 202, requestId: "a$b&c", retryAfterSeconds: 1).topic
        #expect(topic == "$dps/registrations/res/202/?$rid=a%24b%26c&retry-after=1")
        // The SDK's parse: the status is split('$')[1].split('/')[3], the properties split('$')[2].
        let parts = topic.split(separator: "$", omittingEmptySubsequences: false)
        #expect(parts.count == 3)
        #expect(parts[1].split(separator: "/")[3] == "202")
        #expect(ProvisioningResponseTopic(status: 200, requestId: "1", retryAfterSeconds: nil).topic == "$dps/registrations/res/200/?$rid=1")
    }

    @Test func theRegisterBodyMayCarryAPayloadAndMustNameTheSameRegistration() throws {
        let body = Array(#"{"payload": {"region": "westus"}, "registrationId": "r1"}"#.utf8)
        #expect(try ProvisioningRegisterRequest(body: body, registrationId: "r1").payload == ["region": "westus"])
        #expect(try ProvisioningRegisterRequest(body: Array(#"{"payload": null, "registrationId": "r1"}"#.utf8), registrationId: "r1").payload == nil)
        #expect(try ProvisioningRegisterRequest(body: Array(" ".utf8), registrationId: "r1").payload == nil)
        #expect(throws: RESTError.argumentInvalid(field: "registrationId", rule: "the body names \"r2\", the request is for 'r1'")) {
            try ProvisioningRegisterRequest(body: Array(#"{"registrationId": "r2"}"#.utf8), registrationId: "r1")
        }
        #expect(throws: RESTError.self) { try ProvisioningRegisterRequest(body: Array("[1]".utf8), registrationId: "r1") }
    }
}
