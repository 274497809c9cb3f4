import IoTSecurity

/// How the devices of an enrollment prove who they are, as DPS's `attestation` object says.
///
/// DPS knows three mechanisms: a symmetric key pair (a group's keys derive each device's key), X.509
/// certificates, and a TPM's endorsement key. The device side of each is a ``RegistrationCredential``.
public enum Attestation: Sendable, Equatable {
    /// `attestation.type = "symmetricKey"`: base64 keys of 16 to 64 bytes. In a group these are the
    /// group keys; a device signs with `HMAC-SHA256(groupKey, registrationId)`.
    case symmetricKey(primaryKey: String, secondaryKey: String)
    /// `attestation.type = "x509"`.
    case x509(X509Attestation)
    /// `attestation.type = "tpm"`: the base64 public part of the endorsement key (and, optionally,
    /// of the storage root key), as `az iot dps enrollment create --endorsement-key` takes it.
    case tpm(endorsementKey: String, storageRootKey: String?)

    /// Azure's name for the mechanism (`symmetricKey`, `x509`, `tpm`), as `attestation.type` holds it.
    public var typeName: String {
        switch self {
        case .symmetricKey: "symmetricKey"
        case .x509: "x509"
        case .tpm: "tpm"
        }
    }
}

/// The X.509 side of an enrollment: which certificates a device's chain must match.
public enum X509Attestation: Sendable, Equatable {
    /// An individual enrollment's device certificate(s) (`clientCertificates`): the device presents
    /// one of them, or a certificate they signed.
    case clientCertificates(primary: X509Certificate, secondary: X509Certificate?)
    /// A group's root or intermediate certificate uploaded with the group (`signingCertificates`):
    /// no proof of possession is needed, as in Azure.
    case signingCertificates(primary: X509Certificate, secondary: X509Certificate?)
    /// A group that trusts CA certificates uploaded to the DPS by name (`caReferences`): only a
    /// VERIFIED certificate (proof of possession) can back it.
    case caReferences(primary: String, secondary: String?)
}
