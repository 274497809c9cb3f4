import MQTTCodec

/// The seeds the mutation fuzzer starts from: what the Azure Python SDK and paho put on the wire
/// (reference §4), plus every packet type the server sends back.
enum MQTTFuzzCorpus {
    static let packets: [MQTTPacket] = [
        .connect(MQTTConnect(
            clientId: "conf-1", cleanSession: false, keepAlive: 60,
            username: "localhost/conf-1/?api-version=2019-10-01&DeviceClientType=azure-iot-device-iothub-py%2F2.14.0%283.11.7%3BLinux%20%231%20SMP%20PREEMPT_DYNAMIC%20%400%3Bx86_64%29",
            password: Array("SharedAccessSignature sr=localhost%2Fdevices%2Fconf-1&sig=abc%2Bdef%3D&se=1700000000".utf8))),
        .connect(MQTTConnect(clientId: "d/m", cleanSession: true, keepAlive: 1740, will: .init(topic: "devices/d/modules/m/messages/events/", payload: Array("bye".utf8), qos: .atLeastOnce))),
        .connect(MQTTConnect(clientId: "scope/reg", username: "0ne000/registrations/reg/api-version=2019-03-31")),
        .subscribe(MQTTSubscribe(packetId: 1, subscriptions: [.init(topicFilter: "$iothub/twin/res/#", qos: .atLeastOnce)])),
        .subscribe(MQTTSubscribe(packetId: 2, subscriptions: [.init(topicFilter: "devices/conf-1/messages/devicebound/#", qos: .atLeastOnce), .init(topicFilter: "$iothub/methods/POST/#", qos: .atLeastOnce)])),
        .publish(MQTTPublish(
            topic: "devices/conf-1/messages/events/%24.mid=r-0&%24.cid=corr-0&%24.ct=application%2Fjson&%24.ce=utf-8&alert%20level=a%2Fb%3Dc%26d&run=r&seq=0",
            payload: Array("{\"temperature\": 21.5}".utf8), qos: .atLeastOnce, packetId: 3)),
        .publish(MQTTPublish(topic: "$iothub/twin/GET/?$rid=5d1c7f0e-1b7b-4d5e-9a8e-0f1e2d3c4b5a", payload: [0x20], qos: .atLeastOnce, packetId: 4)),
        .publish(MQTTPublish(topic: "$iothub/twin/PATCH/properties/reported/?$rid=1", payload: Array("{\"fw\": \"1.2\"}".utf8), qos: .atLeastOnce, packetId: 5)),
        .publish(MQTTPublish(topic: "$iothub/twin/res/200/?$rid=1&$version=3", payload: Array("{\"desired\":{\"$version\":1},\"reported\":{\"$version\":3}}".utf8))),
        .publish(MQTTPublish(topic: "devices/d/messages/devicebound/%24.mid=m&%24.to=%2Fdevices%2Fd%2Fmessages%2FdeviceBound&k=v", payload: [1, 2, 3], qos: .atLeastOnce, packetId: 6)),
        .connack(MQTTConnAck(sessionPresent: true, returnCode: .accepted)),
        .suback(MQTTSubAck(packetId: 2, returnCodes: [.granted(.atLeastOnce), .failure])),
        .unsubscribe(MQTTUnsubscribe(packetId: 7, topicFilters: ["$iothub/methods/POST/#"])),
        .puback(packetId: 3), .pubrel(packetId: 4), .unsuback(packetId: 7), .pingreq, .pingresp, .disconnect,
    ]
}
