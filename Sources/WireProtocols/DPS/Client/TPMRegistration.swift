import Foundation
import IoTSecurity
import JSONValue
import NIOCore
import NIOPosix

/// The device side of DPS's TPM attestation over HTTPS, what a TPM device's SDK does and the
/// Python SDK cannot (`iotlab tpm register`):
///
/// 1. `PUT /{idScope}/registrations/{id}/register` with the endorsement key and no credential;
///    DPS answers 401 with `authenticationKey`, a secret encrypted to that key.
/// 2. The secret, decrypted with the private endorsement key (which only this TPM holds), is the
///    key the device signs its SAS token with (`sr={idScope}/registrations/{id}`); the same
///    request again, signed, is answered 202 `assigning`.
/// 3. The operation is polled until it is no longer `assigning`.
public enum TPMRegistration {
    /// Where the HTTPS front door is and how to trust it.
    public struct Endpoint: Sendable {
        public var host: String
        public var port: Int
        /// The name the server certificate is checked for (`localhost` or a DPS host name).
        public var serverName: String
        /// The workspace CA (PEM), the only root trusted.
        public var caPEM: String

        public init(host: String, port: Int, serverName: String, caPEM: String) {
            self.host = host
            self.port = port
            self.serverName = serverName
            self.caPEM = caPEM
        }
    }

    /// How a registration ended.
    public struct Outcome: Sendable {
        /// The last answer's body: `{"operationId", "status", "registrationState": {...}}`.
        public let operation: JSONValue
        /// The key the challenge delivered (base64): the device's SAS key on its assigned hub.
        public let deviceKey: String
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// DPS answered with an error (the status and DPS's error body).
        case refused(status: Int, body: String)
        /// The challenge could not be answered: no `authenticationKey`, or one this key cannot decrypt.
        case challenge(String)
        /// Still `assigning` after every poll.
        case unfinished(operationId: String)

        public var description: String {
            switch self {
            case .refused(let status, let body): "DPS refused the registration (\(status)): \(body)"
            case .challenge(let reason): "TPM challenge failed: \(reason)"
            case .unfinished(let operationId): "registration \(operationId) was still assigning after \(TPMRegistration.maximumPolls) polls"
            }
        }
    }

    static let apiVersion = "2021-06-01"
    static let maximumPolls = 10

    /// Registers `registrationId` with the DPS whose scope is `idScope`, attesting with `endorsementKey`.
    public static func register(
        idScope: String, registrationId: String, endorsementKey: PrivateKey, payload: JSONValue? = nil,
        at endpoint: Endpoint, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> Outcome {
        let client = try ProvisioningHTTPSClient(
            host: endpoint.host, port: endpoint.port, serverName: endpoint.serverName, caPEM: endpoint.caPEM, group: group)
        let registration = "/\(PercentEncoding.encode(idScope))/registrations/\(PercentEncoding.encode(registrationId))"
        var tpm: JSONObject = ["endorsementKey": .string(Data(try TPMEndorsementKey.publicKey(of: endorsementKey)).base64EncodedString())]
        tpm["storageRootKey"] = .null
        var body: JSONObject = ["registrationId": .string(registrationId), "tpm": .object(tpm)]
        if let payload { body["payload"] = payload }
        let request = registration + "/register?api-version=\(apiVersion)"

        let challenge = try await client.send(.PUT, request, json: .object(body))
        guard challenge.status == 401, let encrypted = challenge.body?["authenticationKey"]?.stringValue else {
            throw Failure.refused(status: challenge.status, body: challenge.body?.serialized(.compact) ?? "")
        }
        guard let sealed = Data(base64Encoded: encrypted) else { throw Failure.challenge("authenticationKey is not base64") }
        let secret: [UInt8]
        do {
            secret = try TPMEndorsementKey.decrypt(Array(sealed), with: endorsementKey)
        } catch {
            throw Failure.challenge("this endorsement key cannot decrypt it (\(error))")
        }
        let deviceKey = Data(secret).base64EncodedString()
        let token = SharedAccessSignature.token(
            resourceURI: "\(idScope)/registrations/\(registrationId)", key: try SymmetricKey(base64: deviceKey), policyName: nil,
            expiry: Date().addingTimeInterval(3600))
        let signed = [("Authorization", token)]

        var answer = try await client.send(.PUT, request, headers: signed, json: .object(body))
        var polls = 0
        while true {
            guard answer.status == 200 || answer.status == 202 else {
                throw Failure.refused(status: answer.status, body: answer.body?.serialized(.compact) ?? "")
            }
            guard answer.body?["status"]?.stringValue == "assigning", let operationId = answer.body?["operationId"]?.stringValue else {
                return Outcome(operation: answer.body ?? .null, deviceKey: deviceKey)
            }
            guard polls < maximumPolls else { throw Failure.unfinished(operationId: operationId) }
            // The first poll goes at once; later ones honour DPS's Retry-After (whole seconds).
            if polls > 0 {
                let seconds = answer.headers.first(name: "Retry-After").flatMap(Int.init) ?? 1
                try await Task.sleep(for: .seconds(max(1, seconds)))
            }
            polls += 1
            answer = try await client.send(
                .GET, registration + "/operations/\(PercentEncoding.encode(operationId))?api-version=\(apiVersion)", headers: signed)
        }
    }
}
