import Foundation
import IoTSecurity
import JSONValue

/// A hub-level (or DPS-level) shared access policy: a named key pair with rights, as
/// `az iot hub policy list` and `az iot dps policy list` show.
public struct SharedAccessPolicy: Sendable, Equatable {
    public let keyName: String
    public var primaryKey: String
    public var secondaryKey: String
    public var rights: [Right]

    /// Azure's permission names, in the order Azure lists them.
    public enum Right: String, Sendable, CaseIterable {
        case registryRead = "RegistryRead"
        case registryWrite = "RegistryWrite"
        case serviceConnect = "ServiceConnect"
        case deviceConnect = "DeviceConnect"
        // A DPS's policies (`az iot dps policy`) add these; DeviceConnect is shared.
        case serviceConfig = "ServiceConfig"
        case enrollmentRead = "EnrollmentRead"
        case enrollmentWrite = "EnrollmentWrite"
        case registrationStatusRead = "RegistrationStatusRead"
        case registrationStatusWrite = "RegistrationStatusWrite"
    }

    public init(keyName: String, rights: [Right], primaryKey: String, secondaryKey: String) {
        self.keyName = keyName
        self.rights = rights
        self.primaryKey = primaryKey
        self.secondaryKey = secondaryKey
    }

    /// The five policies Azure creates with every hub, each with two fresh 32-byte keys.
    public static func azureDefaults() -> [SharedAccessPolicy] {
        let definitions: [(String, [Right])] = [
            ("iothubowner", [.registryWrite, .serviceConnect, .deviceConnect]),
            ("service", [.serviceConnect]),
            ("device", [.deviceConnect]),
            ("registryRead", [.registryRead]),
            ("registryReadWrite", [.registryWrite]),
        ]
        return definitions.map { name, rights in
            SharedAccessPolicy(
                keyName: name, rights: rights,
                primaryKey: SymmetricKey.generate().base64, secondaryKey: SymmetricKey.generate().base64)
        }
    }

    /// `"RegistryWrite, ServiceConnect, DeviceConnect"`, the way Azure spells a policy's rights.
    public var rightsDescription: String { rights.map(\.rawValue).joined(separator: ", ") }

    /// `HostName=...;SharedAccessKeyName=...;SharedAccessKey=...`, the service connection string of
    /// a hub's or a DPS's policy.
    func connectionString(hostName: String, keyType: KeyType) -> String {
        "HostName=\(hostName);SharedAccessKeyName=\(keyName);SharedAccessKey=\(keyType == .primary ? primaryKey : secondaryKey)"
    }

    /// The shape `az iot hub policy show` prints.
    public var json: JSONValue {
        [
            "keyName": .string(keyName),
            "primaryKey": .string(primaryKey),
            "rights": .string(rightsDescription),
            "secondaryKey": .string(secondaryKey),
        ]
    }

    init?(json: JSONValue) {
        guard let keyName = json["keyName"]?.stringValue,
            let primaryKey = json["primaryKey"]?.stringValue,
            let secondaryKey = json["secondaryKey"]?.stringValue,
            let rightsText = json["rights"]?.stringValue
        else { return nil }
        let rights = rightsText.split(separator: ",").compactMap {
            Right(rawValue: $0.trimmingCharacters(in: .whitespaces))
        }
        self.init(keyName: keyName, rights: rights, primaryKey: primaryKey, secondaryKey: secondaryKey)
    }
}

/// Which of a policy's or identity's two keys to use.
public enum KeyType: String, Sendable, CaseIterable {
    case primary
    case secondary
}
