import Foundation
import IoTSecurity
import JSONValue
import LabCore

extension Attestation {
    /// Azure's `attestation` object: `type` and the member of that type, the others `null`.
    /// Certificates show their `info` as the service does, plus the PEM `certificate` iotlab
    /// keeps so that the document reads back.
    public var json: JSONValue {
        var object: JSONObject = ["type": .string(typeName), "symmetricKey": nil, "x509": nil, "tpm": nil]
        switch self {
        case .symmetricKey(let primary, let secondary):
            object["symmetricKey"] = ["primaryKey": .string(primary), "secondaryKey": .string(secondary)]
        case .tpm(let endorsementKey, let storageRootKey):
            object["tpm"] = ["endorsementKey": .string(endorsementKey), "storageRootKey": storageRootKey.map(JSONValue.string) ?? .null]
        case .x509(let x509):
            var members: JSONObject = ["clientCertificates": nil, "signingCertificates": nil, "caReferences": nil]
            switch x509 {
            case .clientCertificates(let primary, let secondary):
                members["clientCertificates"] = Self.pair(primary, secondary)
            case .signingCertificates(let primary, let secondary):
                members["signingCertificates"] = Self.pair(primary, secondary)
            case .caReferences(let primary, let secondary):
                members["caReferences"] = ["primary": .string(primary), "secondary": secondary.map(JSONValue.string) ?? .null]
            }
            object["x509"] = .object(members)
        }
        return .object(object)
    }

    /// Reads Azure's `attestation` object.
    /// - Throws: `argumentInvalid` naming the member that is missing or unreadable.
    public init(json: JSONValue) throws(ProvisioningError) {
        guard let type = json["type"]?.stringValue else {
            throw .argumentInvalid(field: "attestation.type", rule: "must be symmetricKey, x509 or tpm")
        }
        switch type.lowercased() {
        case "symmetrickey":
            guard let primary = json["symmetricKey"]?["primaryKey"]?.stringValue,
                  let secondary = json["symmetricKey"]?["secondaryKey"]?.stringValue else {
                throw .argumentInvalid(field: "attestation.symmetricKey", rule: "must hold primaryKey and secondaryKey")
            }
            self = .symmetricKey(primaryKey: primary, secondaryKey: secondary)
        case "tpm":
            guard let endorsementKey = json["tpm"]?["endorsementKey"]?.stringValue else {
                throw .argumentInvalid(field: "attestation.tpm.endorsementKey", rule: "is required")
            }
            self = .tpm(endorsementKey: endorsementKey, storageRootKey: json["tpm"]?["storageRootKey"]?.stringValue)
        case "x509":
            let x509 = json["x509"] ?? .null
            if let pair = x509["clientCertificates"], pair != .null {
                let (primary, secondary) = try Self.certificates(pair, field: "attestation.x509.clientCertificates")
                self = .x509(.clientCertificates(primary: primary, secondary: secondary))
            } else if let pair = x509["signingCertificates"], pair != .null {
                let (primary, secondary) = try Self.certificates(pair, field: "attestation.x509.signingCertificates")
                self = .x509(.signingCertificates(primary: primary, secondary: secondary))
            } else if let primary = x509["caReferences"]?["primary"]?.stringValue {
                self = .x509(.caReferences(primary: primary, secondary: x509["caReferences"]?["secondary"]?.stringValue))
            } else {
                throw .argumentInvalid(field: "attestation.x509", rule: "must hold clientCertificates, signingCertificates or caReferences")
            }
        default:
            throw .argumentInvalid(field: "attestation.type", rule: "must be symmetricKey, x509 or tpm, was '\(type)'")
        }
    }

    private static func pair(_ primary: X509Certificate, _ secondary: X509Certificate?) -> JSONValue {
        ["primary": withInfo(primary), "secondary": secondary.map(withInfo) ?? .null]
    }

    /// `{"certificate": PEM, "info": {...}}`, with Azure's `X509CertificateInfo` members.
    private static func withInfo(_ certificate: X509Certificate) -> JSONValue {
        [
            "certificate": .string(certificate.pem),
            "info": [
                "subjectName": .string("CN=\(certificate.subjectCommonName ?? "")"),
                "sha1Thumbprint": .string(certificate.sha1Thumbprint),
                "sha256Thumbprint": .string(certificate.sha256Thumbprint),
                "issuerName": .string("CN=\(certificate.issuerCommonName ?? "")"),
                "notBeforeUtc": .string(AzureTimestamp.string(certificate.notBefore)),
                "notAfterUtc": .string(AzureTimestamp.string(certificate.notAfter)),
                "version": 3,
            ],
        ]
    }

    private static func certificates(_ pair: JSONValue, field: String) throws(ProvisioningError) -> (X509Certificate, X509Certificate?) {
        func read(_ member: String) throws(ProvisioningError) -> X509Certificate? {
            guard let text = pair[member]?["certificate"]?.stringValue ?? pair[member]?.stringValue else { return nil }
            do {
                return try X509Certificate(fileText: text)
            } catch {
                throw .argumentInvalid(field: "\(field).\(member).certificate", rule: error.description)
            }
        }
        guard let primary = try read("primary") else {
            throw .argumentInvalid(field: "\(field).primary.certificate", rule: "must be a PEM or base64 certificate")
        }
        return (primary, try read("secondary"))
    }
}
