import HubEngine
import IoTSecurity
import JSONValue
import MQTTCodec

extension MQTTDeviceConnection {
    /// Publishes what the hub pushes, on the topics the SDKs parse (reference §4.4).
    func handle(_ delivery: DeviceDelivery) async throws -> Next {
        guard let session else { return .close }
        switch delivery {
        case .closed:
            // A takeover, or the device was disabled or deleted: IoT Hub just closes the connection.
            return .close
        case .cloudToDevice(let received):
            guard let qos = subscriptions[.cloudToDevice] else {
                try? await session.abandon(lockToken: received.lockToken)
                return .proceed
            }
            let packetId = qos == .atLeastOnce ? nextPacketId() : nil
            if let packetId { cloudToDeviceInFlight[packetId] = received.lockToken }
            try await send(.publish(MQTTPublish(topic: received.mqttTopic, payload: received.message.body, qos: qos, packetId: packetId)))
            // At QoS 0 nothing will acknowledge it: delivered is completed.
            if packetId == nil { try? await session.complete(lockToken: received.lockToken) }
        case .desiredProperties(var patch, let version):
            guard subscriptions[.desiredProperties] != nil else { return .proceed }
            // The SDK drops a patch without `$version` in its body (reference §4.4).
            patch["$version"] = .integer(version)
            let topic = "$iothub/twin/PATCH/properties/desired/?$version=\(version)"
            try await send(.publish(MQTTPublish(topic: topic, payload: Array(JSONValue.object(patch).serialized(.compact).utf8))))
        case .methodRequest(let request):
            guard subscriptions[.methods] != nil else { return .proceed }
            methodRequests[request.requestId] = request
            let topic = "$iothub/methods/POST/\(PercentEncoding.encode(request.methodName))/?$rid=\(PercentEncoding.encode(request.requestId))"
            try await send(.publish(MQTTPublish(topic: topic, payload: Array(request.payload.serialized(.compact).utf8))))
        }
        return .proceed
    }

    /// The next packet identifier not in flight, wrapping from 65535 to 1 (0 is not allowed).
    private func nextPacketId() -> UInt16 {
        repeat {
            lastPacketId = lastPacketId == .max ? 1 : lastPacketId + 1
        } while cloudToDeviceInFlight[lastPacketId] != nil
        return lastPacketId
    }
}
