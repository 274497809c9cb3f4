import Foundation
import ProvisioningEngine

extension LocalCloud {
    /// Checks a registration's credential without registering, for the MQTT front door, which must
    /// answer CONNECT before the device says anything: DPS refuses a bad key, an unknown scope or
    /// registration, or an untrusted certificate with CONNACK 5 (the SDK's `CredentialError`),
    /// while a disabled enrollment connects and is refused at its register request.
    ///
    /// Uses the same attestation as ``register(idScope:registrationId:payload:credential:at:)``;
    /// a refusal is journaled (`DeviceRegistrationRefused`) with its decision trace.
    /// - Parameter tokenTime: when tokens and certificates are judged (the front door's token clock).
    /// - Throws: `unauthorized` (401002).
    public func authenticateRegistration(
        idScope: String, registrationId: String, credential: RegistrationCredential, at tokenTime: Date
    ) throws(ProvisioningError) {
        _ = try attested(idScope: idScope, registrationId: registrationId, credential: credential, at: tokenTime)
    }
}
