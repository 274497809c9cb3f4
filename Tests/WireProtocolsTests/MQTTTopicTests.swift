import Foundation
import HubEngine
import Testing
@testable import WireProtocols

@Suite struct MQTTTopicTests {
    static let device = DeviceTopicOwner(deviceId: "d1", moduleId: nil)
    static let module = DeviceTopicOwner(deviceId: "d1", moduleId: "m1")

    @Test func usernamesNameTheHubAndIdentityOrAreProvisioning() {
        #expect(IoTHubUsername("hub.azure-devices.net/d1/?api-version=2021-04-12&DeviceClientType=x%2F1") == .hub(host: "hub.azure-devices.net", deviceId: "d1", moduleId: nil))
        #expect(IoTHubUsername("localhost/d1/m1/?api-version=2019-10-01") == .hub(host: "localhost", deviceId: "d1", moduleId: "m1"))
        #expect(IoTHubUsername("hub.azure-devices.net/d1/api-version=2016-11-14") == .hub(host: "hub.azure-devices.net", deviceId: "d1", moduleId: nil))
        #expect(IoTHubUsername("0ne0001/registrations/reg-1/api-version=2019-03-31&ClientVersion=x") == .provisioning)
        #expect(IoTHubUsername("hub/dev=1/?api-version=2021-04-12") == .hub(host: "hub", deviceId: "dev=1", moduleId: nil))
        #expect(IoTHubUsername("hub/registrations/?api-version=2021-04-12") == .hub(host: "hub", deviceId: "registrations", moduleId: nil))
        #expect(IoTHubUsername("just-a-name") == .invalid)
        #expect(IoTHubUsername("a/b/c/d/?api-version=1") == .invalid)
    }

    @Test func propertyBagsArePercentDecodedInOrderAsPythonsUnquote() {
        let bag = PropertyBag(parsing: "%24.mid=1&b=x%2Fy&flag&bad=%zz%4&plus=a+b&%C3%A9=%E2%82%AC")
        #expect(bag.pairs.map(\.key) == ["$.mid", "b", "flag", "bad", "plus", "é"])
        #expect(bag.pairs.map(\.value) == ["1", "x/y", "", "%zz%4", "a+b", "€"])
    }

    @Test func encodedBagsEscapeEverythingButUnreservedCharacters() {
        let bag = PropertyBag(pairs: [("$.to", "/devices/d 1"), ("k&=", "a~b_c.d-e")])
        #expect(bag.encoded == "%24.to=%2Fdevices%2Fd%201&k%26%3D=a~b_c.d-e")
        #expect(PropertyBag(parsing: bag.encoded[...]) == bag)
    }

    @Test func onlyTheConnectionsOwnTopicsParse() {
        #expect(DevicePublishTopic("devices/d1/messages/events/", owner: Self.device) == .telemetry(PropertyBag()))
        #expect(DevicePublishTopic("devices/d1/messages/events", owner: Self.device) == .telemetry(PropertyBag()))
        #expect(DevicePublishTopic("devices/d1/modules/m1/messages/events/a=1", owner: Self.module) == .telemetry(PropertyBag(pairs: [("a", "1")])))
        #expect(DevicePublishTopic("devices/d1/messages/events/", owner: Self.module) == nil)
        #expect(DevicePublishTopic("devices/d2/messages/events/", owner: Self.device) == nil)
        #expect(DevicePublishTopic("devices/d1/messages/eventsX", owner: Self.device) == nil)
        #expect(DevicePublishTopic("$iothub/twin/GET/?$rid=7", owner: Self.device) == .twinGet(requestId: "7"))
        #expect(DevicePublishTopic("$iothub/twin/PATCH/properties/reported/?$rid=8&x=y", owner: Self.device) == .reportedPatch(requestId: "8"))
        #expect(DevicePublishTopic("$iothub/methods/res/404/?$rid=9", owner: Self.device) == .methodResponse(status: 404, requestId: "9"))
        #expect(DevicePublishTopic("$iothub/methods/res/abc/?$rid=9", owner: Self.device) == nil)
        #expect(DevicePublishTopic("$iothub/twin/PATCH/properties/desired/?$version=1", owner: Self.device) == nil)
    }

    @Test func onlyTheConnectionsOwnFiltersMayBeSubscribed() {
        #expect(DeviceSubscriptionTopic(filter: "devices/d1/messages/devicebound/#", owner: Self.device) == .cloudToDevice)
        #expect(DeviceSubscriptionTopic(filter: "devices/d1/messages/devicebound/#", owner: Self.module) == nil)
        #expect(DeviceSubscriptionTopic(filter: "devices/d1/modules/m1/inputs/#", owner: Self.module) == .moduleInputs)
        #expect(DeviceSubscriptionTopic(filter: "devices/d1/modules/m1/inputs/#", owner: Self.device) == nil)
        #expect(DeviceSubscriptionTopic(filter: "$iothub/twin/res/#", owner: Self.device) == .twinResponses)
        #expect(DeviceSubscriptionTopic(filter: "#", owner: Self.device) == nil)
        #expect(DeviceSubscriptionTopic(filter: "devices/+/messages/devicebound/#", owner: Self.device) == nil)
    }

    @Test func systemKeysBecomeSystemPropertiesAndTheRestApplicationProperties() throws {
        let bag = PropertyBag(parsing: "%24.mid=m&%24.cid=c&%24.uid=u&%24.ct=application%2Fjson&%24.ce=utf-8&%24.on=out1&%24.ifid=x&%24.exp=2030-01-02T03%3A04%3A05.123456&z=1&a=2")
        let message = DeviceMessage(body: [1], bag: bag)
        #expect(message.messageId == "m")
        #expect(message.correlationId == "c")
        #expect(message.userId == "u")
        #expect(message.contentType == "application/json")
        #expect(message.contentEncoding == "utf-8")
        #expect(Array(message.applicationProperties.keys) == ["z", "a"])
        let expiry = try #require(message.absoluteExpiryTime)
        #expect(abs(expiry.timeIntervalSince1970 - 1_893_553_445.123) < 0.001)
    }

    @Test func expiryTimesAreReadInTheFormsClientsWrite() {
        #expect(DeviceMessage.expiryDate("2030-01-02T03:04:05Z")?.timeIntervalSince1970 == 1_893_553_445)
        #expect(DeviceMessage.expiryDate("2030-01-02T03:04:05+01:00")?.timeIntervalSince1970 == 1_893_549_845)
        #expect(DeviceMessage.expiryDate("2030-01-02T03:04:05")?.timeIntervalSince1970 == 1_893_553_445)
        #expect(DeviceMessage.expiryDate("tomorrow") == nil)
    }
}
