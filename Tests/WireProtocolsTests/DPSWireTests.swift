import Foundation
import IoTSecurity
import JSONValue
import LabCore
import LocalCloud
import MQTTCodec
import NIOPosix
import ProvisioningEngine
import Testing
import WireProtocols

/// The DPS device API byte for byte, over plain MQTT and HTTP beside the fixture's TLS servers:
/// topics, statuses, `retry-after`, error bodies; and TPM attestation's challenge over HTTPS.
@Suite struct DPSWireTests {
    /// A SAS token as the device SDKs sign one for DPS: `sr={scope}/registrations/{id}`, no `skn`.
    static func token(scope: String, registrationId: String, key: String) throws -> String {
        SharedAccessSignature.token(
            resourceURI: "\(scope)/registrations/\(registrationId)", key: try SymmetricKey(base64: key), policyName: nil,
            expiry: Date().addingTimeInterval(3600))
    }

    /// A plain-TCP MQTT server on the fixture's cloud, stopped after `body`.
    static func withPlainMQTT(_ fixture: DPSFixture, _ body: (Int) async throws -> Void) async throws {
        let server = try await MQTTServer.start(
            host: "127.0.0.1", port: 0, tls: nil, cloud: fixture.cloud, tokenClock: SystemClock(), group: MultiThreadedEventLoopGroup.singleton)
        do { try await body(server.localPort) } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
    }

    static func connect(_ port: Int, scope: String, registrationId: String, password: String?) async throws -> (MQTTTestClient, MQTTPacket?) {
        let client = try await MQTTTestClient.connect(port: port)
        try await client.send(.connect(MQTTConnect(
            clientId: registrationId, cleanSession: false, keepAlive: 60,
            username: "\(scope)/registrations/\(registrationId)/api-version=2019-03-31&ClientVersion=iotlab-tests",
            password: password.map { Array($0.utf8) })))
        return (client, try await client.receive())
    }

    @Test func registerAnswers202AssigningThenThePollAnswers200Assigned() async throws {
        try await DPSFixture.with { fixture in
            let key = try await fixture.enrollSymmetric("r1")
            try await Self.withPlainMQTT(fixture) { port in
                let (client, connack) = try await Self.connect(
                    port, scope: fixture.idScope, registrationId: "r1", password: try Self.token(scope: fixture.idScope, registrationId: "r1", key: key))
                #expect(connack == .connack(MQTTConnAck(returnCode: .accepted)))
                try await client.send(.subscribe(MQTTSubscribe(packetId: 1, subscriptions: [.init(topicFilter: "$dps/registrations/res/#", qos: .atLeastOnce)])))
                #expect(try await client.receive() == .suback(MQTTSubAck(packetId: 1, returnCodes: [.granted(.atLeastOnce)])))
                try await client.send(.publish(MQTTPublish(
                    topic: "$dps/registrations/PUT/iotdps-register/?$rid=41", payload: Array(#"{"payload": null, "registrationId": "r1"}"#.utf8),
                    qos: .atLeastOnce, packetId: 2)))
                #expect(try await client.receive() == .puback(packetId: 2))
                guard case .publish(let accepted)? = try await client.receive() else { Issue.record("no answer to register"); return }
                #expect(accepted.topic == "$dps/registrations/res/202/?$rid=41&retry-after=1")
                let operation = try JSONValue(parsing: accepted.payload)
                #expect(operation["status"] == "assigning")
                let operationId = try #require(operation["operationId"]?.stringValue)

                try await client.send(.publish(MQTTPublish(
                    topic: "$dps/registrations/GET/iotdps-get-operationstatus/?$rid=42&operationId=\(operationId)", payload: Array(" ".utf8),
                    qos: .atLeastOnce, packetId: 3)))
                #expect(try await client.receive() == .puback(packetId: 3))
                guard case .publish(let assigned)? = try await client.receive() else { Issue.record("no answer to the poll"); return }
                #expect(assigned.topic == "$dps/registrations/res/200/?$rid=42")
                let state = try JSONValue(parsing: assigned.payload)["registrationState"]
                #expect(state?["assignedHub"] == .string(DPSFixture.hubHost))
                #expect(state?["deviceId"] == "r1")
                #expect(state?["substatus"] == "initialAssignment")
                #expect(state?["etag"]?.stringValue?.isEmpty == false)
                await client.close()
            }
        }
    }

    /// Lab 06: a disabled individual enrollment ends `disabled` (the device sees a status that is
    /// not `assigned`); a disabled group refuses with 401002.
    @Test func disabledEnrollmentsEndDisabledAndDisabledGroupsAreAnswered401002() async throws {
        try await DPSFixture.with { fixture in
            let key = try await fixture.enrollSymmetric("off", policy: EnrollmentPolicy(provisioningStatus: .disabled))
            let groupKey = SymmetricKey.generate().base64
            _ = try await fixture.cloud.createEnrollmentGroup(
                EnrollmentGroup(
                    enrollmentGroupId: "off-group", attestation: .symmetricKey(primaryKey: groupKey, secondaryKey: groupKey),
                    policy: EnrollmentPolicy(provisioningStatus: .disabled)),
                dpsName: DPSFixture.dpsName)
            try await Self.withPlainMQTT(fixture) { port in
                let (client, connack) = try await Self.connect(
                    port, scope: fixture.idScope, registrationId: "off", password: try Self.token(scope: fixture.idScope, registrationId: "off", key: key))
                #expect(connack == .connack(MQTTConnAck(returnCode: .accepted)))
                try await client.send(.publish(MQTTPublish(
                    topic: "$dps/registrations/PUT/iotdps-register/?$rid=1", payload: Array(#"{"registrationId": "off"}"#.utf8))))
                guard case .publish(let accepted)? = try await client.receive() else { Issue.record("no answer"); return }
                let operationId = try #require(try JSONValue(parsing: accepted.payload)["operationId"]?.stringValue)
                try await client.send(.publish(MQTTPublish(
                    topic: "$dps/registrations/GET/iotdps-get-operationstatus/?$rid=2&operationId=\(operationId)", payload: Array(" ".utf8))))
                guard case .publish(let disabled)? = try await client.receive() else { Issue.record("no answer to the poll"); return }
                #expect(disabled.topic == "$dps/registrations/res/200/?$rid=2")
                #expect(try JSONValue(parsing: disabled.payload)["status"] == "disabled")
                await client.close()

                let deviceKey = DeviceKeyDerivation.deviceKey(groupKey: try SymmetricKey(base64: groupKey), registrationID: "member").base64
                let (member, _) = try await Self.connect(
                    port, scope: fixture.idScope, registrationId: "member",
                    password: try Self.token(scope: fixture.idScope, registrationId: "member", key: deviceKey))
                try await member.send(.publish(MQTTPublish(
                    topic: "$dps/registrations/PUT/iotdps-register/?$rid=3", payload: Array(#"{"registrationId": "member"}"#.utf8))))
                guard case .publish(let refused)? = try await member.receive() else { Issue.record("no answer"); return }
                #expect(refused.topic == "$dps/registrations/res/401/?$rid=3")
                let body = try JSONValue(parsing: refused.payload)
                #expect(body["errorCode"] == 401002)
                #expect(body["message"] == "Unauthorized")
                #expect(body["trackingId"]?.stringValue != nil)
                await member.close()
            }
            #expect(try await fixture.hub().devices().isEmpty)
        }
    }

    @Test func anUnknownScopeOrAForeignClientIdIsRefusedAtConnect() async throws {
        try await DPSFixture.with { fixture in
            try await Self.withPlainMQTT(fixture) { port in
                let (unknown, refusal) = try await Self.connect(port, scope: "0ne00000000", registrationId: "r1", password: "x")
                #expect(refusal == .connack(MQTTConnAck(returnCode: .notAuthorized)))
                await unknown.close()
                let client = try await MQTTTestClient.connect(port: port)
                try await client.send(.connect(MQTTConnect(
                    clientId: "someone-else", username: "\(fixture.idScope)/registrations/r1/api-version=2019-03-31", password: Array("x".utf8))))
                #expect(try await client.receiveUntilClosed() == [.connack(MQTTConnAck(returnCode: .identifierRejected))])
            }
        }
    }

    @Test func aTopicOutsideDPSClosesTheConnection() async throws {
        try await DPSFixture.with { fixture in
            let key = try await fixture.enrollSymmetric("r2")
            try await Self.withPlainMQTT(fixture) { port in
                let (client, _) = try await Self.connect(
                    port, scope: fixture.idScope, registrationId: "r2", password: try Self.token(scope: fixture.idScope, registrationId: "r2", key: key))
                try await client.send(.subscribe(MQTTSubscribe(packetId: 1, subscriptions: [.init(topicFilter: "devices/r2/messages/devicebound/#", qos: .atLeastOnce)])))
                #expect(try await client.receiveUntilClosed() == [])
            }
        }
    }

    @Test func httpsRegisterAnswers202WithRetryAfterThenTheOperationIsAssigned() async throws {
        try await DPSFixture.with { fixture in
            let key = try await fixture.enrollSymmetric("h1")
            let group = MultiThreadedEventLoopGroup.singleton
            let server = try await HTTPSServer.start(
                host: "127.0.0.1", port: 0, tls: nil, cloud: fixture.cloud, tokenClock: SystemClock(), group: group, webSocketMQTT: nil)
            let client = HTTPTestClient(port: server.localPort, group: group)
            let path = "/\(fixture.idScope)/registrations/h1"
            let authorization = [("Authorization", try Self.token(scope: fixture.idScope, registrationId: "h1", key: key))]

            let missingVersion = try await client.send(.PUT, path + "/register", headers: authorization, json: ["registrationId": "h1"])
            #expect(missingVersion.status == 400)
            #expect(missingVersion.json?["errorCode"] == 400004)

            let unsigned = try await client.send(.PUT, path + "/register?api-version=2021-06-01", json: ["registrationId": "h1"])
            #expect(unsigned.status == 401)
            #expect(unsigned.json?["errorCode"] == 401002)

            let accepted = try await client.send(.PUT, path + "/register?api-version=2021-06-01", headers: authorization, json: ["registrationId": "h1"])
            #expect(accepted.status == 202)
            #expect(accepted.header("Retry-After") == "1")
            #expect(accepted.json?["status"] == "assigning")
            let operationId = try #require(accepted.json?["operationId"]?.stringValue)

            let assigned = try await client.send(.GET, path + "/operations/\(operationId)?api-version=2021-06-01", headers: authorization)
            #expect(assigned.status == 200)
            #expect(assigned.json?["status"] == "assigned")
            #expect(assigned.json?[path: ["registrationState", "deviceId"]] == "h1")
            #expect(assigned.header("Retry-After") == nil)
            try await server.stop()
        }
    }

    @Test func aTPMDeviceAnswersTheNonceChallengeOverHTTPSAndIsAssigned() async throws {
        try await DPSFixture.with { fixture in
            let endorsementKey = try PrivateKey.generate(.rsa(bits: 2048))
            let publicKey = Data(try TPMEndorsementKey.publicKey(of: endorsementKey)).base64EncodedString()
            _ = try await fixture.cloud.createEnrollment(
                IndividualEnrollment(registrationId: "tpm-1", attestation: .tpm(endorsementKey: publicKey, storageRootKey: nil)),
                dpsName: DPSFixture.dpsName)
            let endpoint = TPMRegistration.Endpoint(
                host: "127.0.0.1", port: fixture.https.localPort, serverName: "localhost", caPEM: fixture.certificates.caCertificatePEM)
            let outcome = try await TPMRegistration.register(idScope: fixture.idScope, registrationId: "tpm-1", endorsementKey: endorsementKey, at: endpoint)
            #expect(outcome.operation["status"] == "assigned")
            #expect(outcome.operation[path: ["registrationState", "deviceId"]] == "tpm-1")
            // The hub device authenticates with the key the challenge delivered.
            let device = try await fixture.hub().device("tpm-1")
            #expect(device.authentication.primaryKey == outcome.deviceKey)

            // Another TPM's key cannot answer the challenge.
            let impostor = try PrivateKey.generate(.rsa(bits: 2048))
            await #expect(throws: TPMRegistration.Failure.self) {
                try await TPMRegistration.register(idScope: fixture.idScope, registrationId: "tpm-1", endorsementKey: impostor, at: endpoint)
            }
        }
    }
}
