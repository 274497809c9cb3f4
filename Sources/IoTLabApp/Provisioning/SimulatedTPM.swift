import Foundation
import IoTSecurity
import JSONValue
import WireProtocols
import WorkspaceStore

/// `iotlab tpm create|register`: a simulated TPM per registration id, since the Python device SDK
/// has no TPM support.
///
/// The endorsement key pair lives in `$IOTLAB_HOME/tpm/{registrationId}.ek.pem`; its public half,
/// base64, is what `az iot dps enrollment create --attestation-type tpm --endorsement-key` takes.
/// Registering answers DPS's nonce challenge with the private half over the HTTPS front door.
public struct SimulatedTPM: Sendable {
    public let home: WorkspaceHome
    public let registrationId: String

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case invalidRegistrationId(String)
        case alreadyExists(path: String)
        case missing(path: String, registrationId: String)
        case unreachable(ports: [Int], reason: String)
        case invalidPayload(String)

        public var description: String {
            switch self {
            case .invalidRegistrationId(let id):
                "registration id '\(id)': use up to 128 letters, digits and - . _ : (DPS's rule), starting and ending with a letter or digit"
            case .alreadyExists(let path): "\(path) already exists: this registration id has a TPM (delete the file to make a new one)"
            case .missing(let path, let id): "\(path) does not exist: run `iotlab tpm create --registration-id \(id)` first"
            case .invalidPayload(let reason): "--payload is not JSON: \(reason)"
            case .unreachable(let ports, let reason):
                "no HTTPS front door on port \(ports.map(String.init).joined(separator: " or ")) (is `iotlab serve` running?): \(reason)"
            }
        }
    }

    public init(home: WorkspaceHome, registrationId: String) throws(Failure) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._:")
        guard (1...128).contains(registrationId.count), registrationId.allSatisfy(allowed.contains),
              registrationId.first.map({ $0.isLetter || $0.isNumber }) == true,
              registrationId.last.map({ $0.isLetter || $0.isNumber }) == true
        else { throw .invalidRegistrationId(registrationId) }
        self.home = home
        self.registrationId = registrationId
    }

    /// `$IOTLAB_HOME/tpm/{registrationId}.ek.pem`, the private endorsement key.
    public var keyFile: URL {
        home.folder.appendingPathComponent("tpm", isDirectory: true).appendingPathComponent("\(registrationId).ek.pem")
    }

    /// Makes the endorsement key pair (RSA 2048, as TPM 2.0's default EK) and returns what to tell
    /// the user: the public key for `--endorsement-key` and the enrollment command.
    public func create() throws -> String {
        guard !FileManager.default.fileExists(atPath: keyFile.path) else { throw Failure.alreadyExists(path: keyFile.path) }
        let key = try PrivateKey.generate(.rsa(bits: 2048))
        try FileManager.default.createDirectory(at: keyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(key.pem.utf8).write(to: keyFile, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile.path)
        let endorsementKey = Data(try TPMEndorsementKey.publicKey(of: key)).base64EncodedString()
        return """
            Created a simulated TPM for \(registrationId): \(keyFile.path)
            Endorsement key (for --endorsement-key):
            \(endorsementKey)

            Enroll it:
              iotlab az iot dps enrollment create --dps-name DPS -g GROUP --enrollment-id \(registrationId) --attestation-type tpm --endorsement-key \(endorsementKey)
            Then register (with iotlab serve running):
              iotlab tpm register --id-scope SCOPE --registration-id \(registrationId)

            """
    }

    /// Registers through the HTTPS front door on `ports` (the first that answers), answering the
    /// TPM challenge; returns the outcome as az prints a registration, plus the hub connection string.
    /// `payload` is JSON text for a custom allocation function.
    public func register(idScope: String, payload: String?, host: String, ports: [Int], serverName: String) async throws -> String {
        var parsedPayload: JSONValue?
        if let payload {
            do {
                parsedPayload = try JSONValue(parsing: payload)
            } catch {
                throw Failure.invalidPayload("\(error)")
            }
        }
        guard let pem = try? String(contentsOf: keyFile, encoding: .utf8) else {
            throw Failure.missing(path: keyFile.path, registrationId: registrationId)
        }
        let key = try PrivateKey(pem: pem)
        let caPEM = try String(contentsOf: home.tlsFolder.appendingPathComponent("ca.pem"), encoding: .utf8)
        var lastError: (any Error)?
        for port in ports {
            let endpoint = TPMRegistration.Endpoint(host: host, port: port, serverName: serverName, caPEM: caPEM)
            let outcome: TPMRegistration.Outcome
            do {
                outcome = try await TPMRegistration.register(
                    idScope: idScope, registrationId: registrationId, endorsementKey: key, payload: parsedPayload, at: endpoint)
            } catch let error where !(error is TPMRegistration.Failure) {
                lastError = error
                continue
            }
            var text = outcome.operation.serialized(.pretty) + "\n"
            let state = outcome.operation["registrationState"]
            if let hub = state?["assignedHub"]?.stringValue, let deviceId = state?["deviceId"]?.stringValue {
                text += "\nConnect as the device (the key the TPM challenge delivered):\n"
                text += "  HostName=\(hub);DeviceId=\(deviceId);SharedAccessKey=\(outcome.deviceKey);GatewayHostName=localhost\n"
            }
            return text
        }
        throw Failure.unreachable(ports: ports, reason: lastError.map { "\($0)" } ?? "no port given")
    }
}
