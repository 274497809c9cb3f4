import HubEngine
import IoTSecurity
import JSONValue
import LabCore
import MQTTCodec

extension MQTTDeviceConnection {
    /// Handles a device's PUBLISH the event loop's handler passed on (twin requests, method
    /// responses, telemetry read before the session was attached) and says in
    /// `publishAcknowledgement` when it may be acknowledged; the handler sends the PUBACKs in order.
    ///
    /// QoS 2 and topics that are not the device's own close the connection, as IoT Hub does; so
    /// does telemetry the hub refuses (too large, quota, throttling), since MQTT has no way to
    /// say why and withholding the PUBACK would leave the SDK waiting forever.
    func receive(_ publish: MQTTPublish, in session: DeviceSession) async throws -> Next {
        guard publish.qos != .exactlyOnce else {
            await session.reportViolation(protocolName: "MQTT", rule: "PUBLISH at QoS 2, which IoT Hub does not support")
            return .close
        }
        guard let topic = DevicePublishTopic(publish.topic, owner: owner) else {
            await session.reportViolation(protocolName: "MQTT", rule: "PUBLISH to '\(publish.topic)', which is not one of \(owner.key)'s topics")
            return .close
        }
        switch topic {
        case .telemetry(let bag):
            // Read before the session was attached to the event loop's handler, which takes
            // telemetry from then on; its PUBACK waits for the commit all the same.
            publishAcknowledgement = .commit(session.submit(DeviceMessage(telemetry: publish, bag: bag)), index: 0)
            return .proceed
        case .twinGet(let requestId):
            do {
                let twin = try await session.twin()
                try await respondToTwinRequest(requestId, status: 200, body: twin)
            } catch let error as any AzureError {
                try await respondToTwinRequest(requestId, error: error)
            }
        case .reportedPatch(let requestId):
            guard case .object(let patch)? = try? JSONValue(parsing: publish.payload) else {
                try await respondToTwinRequest(
                    requestId, error: DeviceMessagingError.argumentInvalid(field: "reported properties", rule: "the payload must be a JSON object"))
                break
            }
            do {
                let version = try await session.updateReported(patch)
                try await respondToTwinRequest(requestId, status: 204, version: version)
            } catch let error as any AzureError {
                try await respondToTwinRequest(requestId, error: error)
            }
        case .methodResponse(let status, let requestId):
            // An unknown or repeated `$rid` (the call timed out or was answered) is ignored; a
            // payload that is not JSON cannot be answered with and leaves the call to time out.
            if let request = methodRequests.removeValue(forKey: requestId),
                let payload = publish.payload.isEmpty ? JSONValue.null : try? JSONValue(parsing: publish.payload)
            {
                try? await session.respond(to: request, status: status, payload: payload)
            }
        }
        publishAcknowledgement = .handled
        return .proceed
    }

    /// `$iothub/twin/res/{status}/?$rid={rid}[&$version={n}]`, sent whether or not the device
    /// subscribed to `$iothub/twin/res/#` (reference §4.5).
    private func respondToTwinRequest(_ requestId: String, status: Int, body: JSONValue? = nil, version: Int? = nil) async throws {
        var topic = "$iothub/twin/res/\(status)/?$rid=\(PercentEncoding.encode(requestId))"
        if let version { topic += "&$version=\(version)" }
        let payload = body.map { Array($0.serialized(.compact).utf8) } ?? []
        try await send(.publish(MQTTPublish(topic: topic, payload: payload)))
    }

    /// An error answer: the error's HTTP status, and Azure's code and message in the body.
    private func respondToTwinRequest(_ requestId: String, error: any AzureError) async throws {
        if error as? DeviceMessagingError == .connectionClosed(identity: owner.key) { throw error }
        let body: JSONValue = .object(["errorCode": .integer(error.errorCode ?? error.httpStatus * 1000), "message": .string(error.message)])
        try await respondToTwinRequest(requestId, status: error.httpStatus, body: body)
    }
}
