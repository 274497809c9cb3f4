import HubEngine
import LabCore
import LocalCloud
import MQTTCodec
import NIOCore

extension MQTTDeviceConnection {
    /// Hands a DPS user name to ``ProvisioningMQTTConnection``; otherwise answers CONNECT the way
    /// IoT Hub does: CONNACK 3 when the hub cannot record the connection, 4 for a user name that names
    /// no device, 2 when the client id is not the identity the user name names, 5 when the
    /// credentials do not authenticate (or the device is disabled or unknown); otherwise 0,
    /// resuming the stored session of a `clean_session=0` client.
    func accept(_ connect: MQTTConnect) async throws -> Next {
        if let username = connect.username.flatMap(ProvisioningUsername.init) {
            provisioning = ProvisioningMQTTConnection(username: username, channel: channel, server: server)
            return try await provisioning?.accept(connect) ?? .close
        }
        guard let username = connect.username, case .hub(let host, let deviceId, let moduleId) = IoTHubUsername(username) else {
            return try await refuse(.badUsernameOrPassword)
        }
        owner = DeviceTopicOwner(deviceId: deviceId, moduleId: moduleId)
        guard connect.clientId == deviceId + (moduleId.map { "/" + $0 } ?? "") else { return try await refuse(.identifierRejected) }

        // X.509 devices send no password: the certificate they presented in the TLS handshake
        // (any, if the connection came over TLS) is what authenticates them.
        let certificates = await channel.peerCertificates()
        let credentials = DeviceCredentials(
            hostName: host, deviceId: deviceId, moduleId: moduleId,
            sasToken: connect.password.map { String(decoding: $0, as: UTF8.self) },
            clientCertificate: certificates.leaf, certificateChain: certificates.chain)
        let device: AuthenticatedDevice
        let session: DeviceSession
        do {
            device = try await server.cloud.authenticateDevice(credentials, at: server.tokenClock.now())
        } catch {
            return try await refuse(.notAuthorized)
        }
        do {
            session = try await device.hub.connect(device.sender)
        } catch let error as any AzureError where error.httpStatus == 401 || error.httpStatus == 404 {
            // Disabled or deleted between authentication and connection.
            return try await refuse(.notAuthorized)
        } catch {
            // The hub could not record the connection (a store failure): try again later.
            return try await refuse(.serverUnavailable)
        }
        self.session = session

        let key = MQTTSessionStore.Key(hubName: device.hubName, clientId: connect.clientId)
        persistentKey = connect.cleanSession ? nil : key
        let resumed: [DeviceSubscriptionTopic: MQTTQoS]?
        do {
            resumed = try server.sessions.resume(key, cleanSession: connect.cleanSession)
        } catch {
            // The workspace could not read or clear the session: try again later.
            return try await refuse(.serverUnavailable)
        }
        subscriptions = resumed ?? [:]
        try await session.subscribe(Set(subscriptions.keys.compactMap(\.hubSubscription)))
        if let will = connect.will, case .telemetry = DevicePublishTopic(will.topic, owner: owner) {
            self.will = will
        }
        try await channel.triggerUserOutboundEvent(MQTTKeepAlive.Period(seconds: connect.keepAlive))
        try await send(.connack(MQTTConnAck(sessionPresent: resumed != nil, returnCode: .accepted)))
        return .listen(session)
    }

    private func refuse(_ code: MQTTConnAck.ReturnCode) async throws -> Next {
        try await send(.connack(MQTTConnAck(returnCode: code)))
        return .close
    }
}
