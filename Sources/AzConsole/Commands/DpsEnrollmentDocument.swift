import IoTSecurity
import JSONValue

/// Builds the enrollment document az sends to DPS from the command's flags, the way the
/// azure-iot extension builds its `IndividualEnrollment` / `EnrollmentGroup` model: `create` starts
/// from an empty document, `update` from the stored one, and only the flags given change it.
enum DpsEnrollmentDocument {
    /// Applies the settings flags individual enrollments and groups share.
    static func applyPolicy(_ context: CommandContext, to document: inout JSONObject) throws {
        let arguments = context.arguments
        if let status = arguments.string(DpsFlags.provisioningStatus.key) { document["provisioningStatus"] = .string(status) }
        if let policy = arguments.string(DpsFlags.reprovisionPolicy.key) {
            document["reprovisionPolicy"] = [
                "updateHubAssignment": .bool(policy != "never"),
                "migrateDeviceData": .bool(policy == "reprovisionandmigratedata"),
            ]
        }
        if let allocation = arguments.string(DpsFlags.allocationPolicy.key) { document["allocationPolicy"] = .string(allocation) }
        var hubs = arguments.list(DpsFlags.iotHubs.key).flatMap { $0.split(separator: " ").map(String.init) }
        if let host = arguments.string(DpsFlags.iotHubHostName.key) { hubs.append(host) }
        if !hubs.isEmpty { document["iotHubs"] = .array(hubs.map(JSONValue.string)) }
        if let edge = arguments.boolean(DpsFlags.edgeEnabled.key) { document["capabilities"] = ["iotEdge": .bool(edge)] }
        let tags = try context.json(DpsFlags.twinTags.key)
        let desired = try context.json(DpsFlags.twinProperties.key)
        if tags != nil || desired != nil {
            var twin = document["initialTwin"]?.objectValue ?? ["tags": [:], "properties": ["desired": [:]]]
            if let tags { twin["tags"] = tags }
            // az takes the desired properties either bare or as {"desired": {...}}.
            if let desired { twin["properties"] = ["desired": desired["desired"] ?? desired] }
            document["initialTwin"] = .object(twin)
        }
        if let url = arguments.string(DpsFlags.webhookURL.key) {
            document["customAllocationDefinition"] = [
                "webhookUrl": .string(url), "apiVersion": .string(arguments.string(DpsFlags.apiVersion.key) ?? "2021-10-01"),
            ]
        }
    }

    /// `{"type": "symmetricKey", "symmetricKey": {...}}` with the given keys, generating those not
    /// given as the service does.
    static func symmetricKeyAttestation(_ context: CommandContext, current: JSONValue? = nil) -> JSONValue {
        let arguments = context.arguments
        let primary = arguments.string(DpsFlags.primaryKey.key) ?? current?["primaryKey"]?.stringValue ?? SymmetricKey.generate().base64
        let secondary =
            arguments.string(DpsFlags.secondaryKey.key) ?? current?["secondaryKey"]?.stringValue ?? SymmetricKey.generate().base64
        return ["type": "symmetricKey", "symmetricKey": ["primaryKey": .string(primary), "secondaryKey": .string(secondary)]]
    }

    /// The certificates `--certificate-path` / `--secondary-certificate-path` name, as
    /// `{"primary": {"certificate": PEM}, "secondary": ...}`, over `current` (whose entries
    /// `--remove-certificate` flags drop); `nil` when no certificate is left.
    static func certificatePair(_ context: CommandContext, current: JSONValue? = nil) throws -> JSONValue? {
        var pair = current?.objectValue ?? [:]
        if context.arguments.boolean(DpsFlags.removeCertificate.key) == true { pair["primary"] = nil }
        if context.arguments.boolean(DpsFlags.removeSecondaryCertificate.key) == true { pair["secondary"] = nil }
        if context.arguments.contains(DpsFlags.certificatePath.key) {
            pair["primary"] = ["certificate": .string(try context.fileText(DpsFlags.certificatePath.key))]
        }
        if context.arguments.contains(DpsFlags.secondaryCertificatePath.key) {
            pair["secondary"] = ["certificate": .string(try context.fileText(DpsFlags.secondaryCertificatePath.key))]
        }
        pair = pair.filter { $0.value != .null }
        return pair.isEmpty ? nil : .object(pair)
    }

    /// Hides the attestation's keys unless `--show-keys`, as az does since 0.21.
    static func shown(_ document: JSONValue, _ context: CommandContext) -> JSONValue {
        guard context.arguments.boolean(DpsFlags.showKeys.key) != true, var object = document.objectValue,
              var attestation = object["attestation"]?.objectValue, attestation["symmetricKey"]?.objectValue != nil
        else { return document }
        attestation["symmetricKey"] = ["primaryKey": nil, "secondaryKey": nil]
        object["attestation"] = .object(attestation)
        return .object(object)
    }
}
