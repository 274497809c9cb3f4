import Foundation
import JSONValue
import LabCore
import LocalCloud
import MQTTCodec
import NIOCore
import ProvisioningEngine

/// A device registering with the Device Provisioning Service over MQTT (reference §6), on the
/// port it shares with IoT Hub: the CONNECT user name `{idScope}/registrations/{registrationId}/…`
/// brought the connection here.
///
/// The device subscribes to `$dps/registrations/res/#`, publishes its register request, and polls
/// the operation until it is assigned; every request is answered on
/// `$dps/registrations/res/{status}/?$rid={rid}[&retry-after={n}]`, errors included, so the SDK
/// never waits on silence. The connection's owner (`MQTTDeviceConnection`) feeds it packets one at
/// a time, so its state needs no lock. A request's PUBACK goes out before its answer, as DPS sends them.
final class ProvisioningMQTTConnection {
    let channel: any Channel
    let server: MQTTServerContext
    let username: ProvisioningUsername
    /// The SAS token (password) or the certificate chain from the TLS handshake.
    private var credential: RegistrationCredential = .sasToken("")

    init(username: ProvisioningUsername, channel: any Channel, server: MQTTServerContext) {
        self.username = username
        self.channel = channel
        self.server = server
    }

    /// CONNACK 2 when the client id is not the registration id, 5 when the scope, the enrollment
    /// or the credential does not check out (the SDK raises `CredentialError`), otherwise 0.
    /// A disabled enrollment connects and is refused at its register request (401002), as DPS does.
    func accept(_ connect: MQTTConnect) async throws -> MQTTDeviceConnection.Next {
        guard connect.clientId == username.registrationId else { return try await refuse(.identifierRejected) }
        if let password = connect.password {
            credential = .sasToken(String(decoding: password, as: UTF8.self))
        } else {
            credential = .presented(await channel.peerCertificates())
        }
        do {
            try await server.cloud.authenticateRegistration(
                idScope: username.idScope, registrationId: username.registrationId, credential: credential, at: server.tokenClock.now())
        } catch {
            return try await refuse(.notAuthorized)
        }
        try await channel.triggerUserOutboundEvent(MQTTKeepAlive.Period(seconds: connect.keepAlive))
        try await send(.connack(MQTTConnAck(sessionPresent: false, returnCode: .accepted)))
        return .proceed
    }

    /// Every packet after CONNECT. Only the DPS topics exist here; anything else closes the
    /// connection, as DPS does.
    func handle(_ packet: MQTTPacket) async throws -> MQTTDeviceConnection.Next {
        switch packet {
        case .subscribe(let subscribe):
            guard subscribe.subscriptions.allSatisfy({ $0.topicFilter == ProvisioningSubscription.responses }) else { return .close }
            let granted = subscribe.subscriptions.map { MQTTSubAck.ReturnCode.granted(min($0.qos, .atLeastOnce)) }
            try await send(.suback(MQTTSubAck(packetId: subscribe.packetId, returnCodes: granted)))
            return .proceed
        case .unsubscribe(let unsubscribe):
            try await send(.unsuback(packetId: unsubscribe.packetId))
            return .proceed
        case .publish(let publish):
            guard publish.qos != .exactlyOnce, let topic = ProvisioningPublishTopic(publish.topic) else { return .close }
            if let packetId = publish.packetId { try await send(.puback(packetId: packetId)) }
            let answer = await self.answer(topic, payload: publish.payload)
            let responseTopic = ProvisioningResponseTopic(
                status: answer.status, requestId: topic.requestId, retryAfterSeconds: answer.retryAfterSeconds)
            try await send(.publish(MQTTPublish(topic: responseTopic.topic, payload: answer.body.compactBytes)))
            return .proceed
        case .pingreq:
            try await send(.pingresp)
            return .proceed
        case .puback:
            return .proceed
        case .disconnect, .connect, .connack, .pubrec, .pubrel, .pubcomp, .suback, .unsuback, .pingresp:
            return .close
        }
    }

    /// The answer to a register request or a status poll.
    private func answer(_ topic: ProvisioningPublishTopic, payload: [UInt8]) async -> ProvisioningAnswer {
        let now = server.cloud.clock.now()
        do {
            switch topic {
            case .register:
                let request = try ProvisioningRegisterRequest(body: payload, registrationId: username.registrationId)
                let operation = try await server.cloud.register(
                    idScope: username.idScope, registrationId: username.registrationId, payload: request.payload,
                    credential: credential, at: server.tokenClock.now())
                return ProvisioningAnswer(operation)
            case .operationStatus(_, let operationId):
                let operation = try await server.cloud.registrationOperation(
                    idScope: username.idScope, registrationId: username.registrationId, operationId: operationId)
                return ProvisioningAnswer(operation)
            }
        } catch let error as any AzureError {
            return ProvisioningAnswer(error, at: now)
        } catch {
            return ProvisioningAnswer(UnexpectedServerError(reason: String(describing: error)), at: now)
        }
    }

    private func send(_ packet: MQTTPacket) async throws {
        try await channel.writeAndFlush(packet)
    }

    private func refuse(_ code: MQTTConnAck.ReturnCode) async throws -> MQTTDeviceConnection.Next {
        try await send(.connack(MQTTConnAck(returnCode: code)))
        return .close
    }
}
