import IoTSecurity

/// A CA certificate uploaded to the DPS, as attestation sees it: only a verified one is trusted.
public struct CertificateAuthority: Sendable, Equatable {
    public let name: String
    public let certificate: X509Certificate
    public let isVerified: Bool

    public init(name: String, certificate: X509Certificate, isVerified: Bool) {
        self.name = name
        self.certificate = certificate
        self.isVerified = isVerified
    }
}

/// How the hub device DPS creates will authenticate.
public enum HubDeviceAuthentication: Sendable, Equatable {
    /// The enrollment's keys, a group's derived keys, or the key a TPM challenge delivered.
    case symmetricKey(primaryKey: String, secondaryKey: String)
    /// The SHA-1 thumbprint of the certificate the device registered with (self-signed X.509
    /// authentication in the hub, which is how DPS creates X.509 devices).
    case x509Thumbprint(String)
}

/// The enrollment that admitted a device, and what the device becomes in its hub.
public struct EnrollmentMatch: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        case individual(IndividualEnrollment)
        case group(EnrollmentGroup)
    }

    public let source: Source
    public let registrationId: String
    public let hubAuthentication: HubDeviceAuthentication

    public init(source: Source, registrationId: String, hubAuthentication: HubDeviceAuthentication) {
        self.source = source
        self.registrationId = registrationId
        self.hubAuthentication = hubAuthentication
    }

    public var policy: EnrollmentPolicy {
        switch source {
        case .individual(let enrollment): enrollment.policy
        case .group(let group): group.policy
        }
    }

    /// The hub device id: an individual enrollment's `deviceId`, else the registration id.
    public var deviceId: String {
        switch source {
        case .individual(let enrollment): enrollment.effectiveDeviceId
        case .group: registrationId
        }
    }

    public var enrollmentGroupId: String? {
        if case .group(let group) = source { group.enrollmentGroupId } else { nil }
    }

    /// `individual:{registrationId}` or `group:{enrollmentGroupId}`, as the trace names it.
    public var traceName: String {
        switch source {
        case .individual(let enrollment): "individual:\(enrollment.registrationId)"
        case .group(let group): "group:\(group.enrollmentGroupId)"
        }
    }
}
