import Foundation
import JSONValue

extension IoTHub {
    /// Records that a front door closed a device's connection for breaking a protocol rule (a
    /// topic that is not its own, QoS 2), as IoT Hub's connection diagnostics do, so a learner can
    /// see in the journal why the SDK was disconnected. A journal that cannot be written does not
    /// stop the close.
    func journalProtocolViolation(by sender: MessageSender, protocolName: String, rule: String) {
        let payload: JSONValue = [
            "deviceId": .string(sender.deviceId), "moduleId": sender.moduleId.map(JSONValue.string) ?? .null,
            "protocol": .string(protocolName), "rule": .string(rule),
        ]
        try? write([], events: [.messaging(kind: "ProtocolViolation", subject: sender.key, payload: payload)], at: clock.now())
    }
}
