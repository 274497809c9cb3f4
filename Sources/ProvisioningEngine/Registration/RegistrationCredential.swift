import IoTSecurity

/// What a device presents when it registers, as the front doors read it off the wire.
public enum RegistrationCredential: Sendable, Equatable {
    /// A SAS token (`sr={idScope}/registrations/{registrationId}`, no `skn`) signed with the
    /// enrollment key, or with the key derived from a group key.
    case sasToken(String)
    /// The TLS client certificate and the chain the device sent, leaf first.
    case certificateChain([X509Certificate])
    /// TPM attestation: the first leg carries only the endorsement key (and storage root key) and
    /// is answered with a challenge; the second leg adds a SAS token signed with the key the
    /// challenge delivered.
    case tpm(endorsementKey: String, storageRootKey: String?, sasToken: String?)

    /// `symmetricKey`, `x509` or `tpm`, for the decision trace.
    public var kind: String {
        switch self {
        case .sasToken: "symmetricKey"
        case .certificateChain: "x509"
        case .tpm: "tpm"
        }
    }
}
