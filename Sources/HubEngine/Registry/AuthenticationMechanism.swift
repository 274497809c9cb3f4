import IoTSecurity
import JSONValue

/// How a device or module proves who it is, as the identity registry stores it.
public enum AuthenticationType: String, Sendable, CaseIterable {
    /// Shared access signatures from a symmetric key pair.
    case sas
    /// An X.509 certificate identified by its thumbprint.
    case selfSigned
    /// An X.509 certificate chained to a CA verified on the hub.
    case certificateAuthority
    /// No credentials of its own (modules that authenticate through their edge device).
    case none
}

/// An identity's credentials: a key pair for `sas`, thumbprints for `selfSigned`, nothing otherwise.
public struct AuthenticationMechanism: Sendable, Equatable {
    public var type: AuthenticationType
    /// Base64 of 16 to 64 bytes; generated (32 bytes) when left out on create.
    public var primaryKey: String?
    public var secondaryKey: String?
    /// Hex SHA-1 or SHA-256 of the device certificate, for `selfSigned`.
    public var primaryThumbprint: String?
    public var secondaryThumbprint: String?

    public init(
        type: AuthenticationType, primaryKey: String? = nil, secondaryKey: String? = nil,
        primaryThumbprint: String? = nil, secondaryThumbprint: String? = nil
    ) {
        self.type = type
        self.primaryKey = primaryKey
        self.secondaryKey = secondaryKey
        self.primaryThumbprint = primaryThumbprint
        self.secondaryThumbprint = secondaryThumbprint
    }

    /// Symmetric-key authentication; keys left `nil` are generated when the identity is created.
    public static func sas(primaryKey: String? = nil, secondaryKey: String? = nil) -> Self {
        Self(type: .sas, primaryKey: primaryKey, secondaryKey: secondaryKey)
    }

    /// Self-signed X.509 authentication by thumbprint (SHA-1 or SHA-256, hex).
    public static func selfSigned(primaryThumbprint: String, secondaryThumbprint: String? = nil) -> Self {
        Self(type: .selfSigned, primaryThumbprint: primaryThumbprint, secondaryThumbprint: secondaryThumbprint)
    }

    /// X.509 authentication by a certificate signed by a verified CA.
    public static var certificateAuthority: Self { Self(type: .certificateAuthority) }

    /// Azure's `authentication` object, with both sub-objects present and `null` where unused.
    public var json: JSONValue {
        [
            "symmetricKey": [
                "primaryKey": primaryKey.map(JSONValue.string) ?? .null,
                "secondaryKey": secondaryKey.map(JSONValue.string) ?? .null,
            ],
            "x509Thumbprint": [
                "primaryThumbprint": primaryThumbprint.map(JSONValue.string) ?? .null,
                "secondaryThumbprint": secondaryThumbprint.map(JSONValue.string) ?? .null,
            ],
            "type": .string(type.rawValue),
        ]
    }

    /// Reads an `authentication` object; a missing `type` is inferred as Azure does (thumbprints
    /// mean `selfSigned`, otherwise `sas`).
    init(fields: JSONFields) throws(HubError) {
        let keys = try fields.object("symmetricKey")
        let thumbprints = try fields.object("x509Thumbprint")
        primaryKey = try keys?.string("primaryKey")
        secondaryKey = try keys?.string("secondaryKey")
        primaryThumbprint = try thumbprints?.string("primaryThumbprint")
        secondaryThumbprint = try thumbprints?.string("secondaryThumbprint")
        if let typeName = try fields.choice("type", of: AuthenticationType.allCases.map(\.rawValue)),
            let parsed = AuthenticationType(rawValue: typeName)
        {
            type = parsed
        } else {
            type = primaryThumbprint != nil || secondaryThumbprint != nil ? .selfSigned : .sas
        }
    }

    /// An update request's credentials with the keys it leaves out taken from `existing`, so
    /// changing a device's status does not rotate its keys.
    func keepingKeys(of existing: AuthenticationMechanism) -> AuthenticationMechanism {
        guard type == .sas, existing.type == .sas else { return self }
        var result = self
        result.primaryKey = primaryKey ?? existing.primaryKey
        result.secondaryKey = secondaryKey ?? existing.secondaryKey
        return result
    }

    /// The credentials as they will be stored: missing keys generated (32 random bytes, as
    /// Azure does), given keys checked (base64 of 16 to 64 bytes), thumbprints normalised, and
    /// members that do not belong to the type refused.
    func completed(field: String) throws(HubError) -> AuthenticationMechanism {
        var result = self
        switch type {
        case .sas:
            try Self.refuse(primaryThumbprint, secondaryThumbprint, field: "\(field).x509Thumbprint", type: type)
            result.primaryKey = try Self.validKey(primaryKey, field: "\(field).symmetricKey.primaryKey")
            result.secondaryKey = try Self.validKey(secondaryKey, field: "\(field).symmetricKey.secondaryKey")
        case .selfSigned:
            try Self.refuse(primaryKey, secondaryKey, field: "\(field).symmetricKey", type: type)
            guard let primaryThumbprint else {
                throw .argumentInvalid(
                    field: "\(field).x509Thumbprint.primaryThumbprint",
                    rule: "is required for selfSigned authentication")
            }
            result.primaryThumbprint = try Self.validThumbprint(primaryThumbprint, field: "\(field).x509Thumbprint.primaryThumbprint")
            result.secondaryThumbprint = try secondaryThumbprint.map { (text) throws(HubError) in
                try Self.validThumbprint(text, field: "\(field).x509Thumbprint.secondaryThumbprint")
            }
        case .certificateAuthority, .none:
            try Self.refuse(primaryKey, secondaryKey, field: "\(field).symmetricKey", type: type)
            try Self.refuse(primaryThumbprint, secondaryThumbprint, field: "\(field).x509Thumbprint", type: type)
        }
        return result
    }

    private static func refuse(_ first: String?, _ second: String?, field: String, type: AuthenticationType) throws(HubError) {
        if first != nil || second != nil {
            throw .argumentInvalid(field: field, rule: "must be empty when authentication type is \(type.rawValue)")
        }
    }

    private static func validKey(_ key: String?, field: String) throws(HubError) -> String {
        guard let key else { return SymmetricKey.generate().base64 }
        do {
            return try SymmetricKey(base64: key).base64
        } catch {
            throw .argumentInvalid(field: field, rule: "must be base64 of 16 to 64 bytes (\(error))")
        }
    }

    private static func validThumbprint(_ thumbprint: String, field: String) throws(HubError) -> String {
        do {
            return try X509Thumbprint.normalized(thumbprint)
        } catch {
            throw .argumentInvalid(field: field, rule: "must be a SHA-1 (40 hex digits) or SHA-256 (64 hex digits) thumbprint (\(error))")
        }
    }
}
