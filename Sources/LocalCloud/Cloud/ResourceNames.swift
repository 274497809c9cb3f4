/// Azure's naming rules for the resources the local subscription holds.
enum ResourceNames {
    /// Resource group: 1–90 characters: letters, digits, `_ - . ( )`, not ending in a period.
    static func validateResourceGroup(_ name: String) throws(CloudError) {
        let allowed = name.unicodeScalars.allSatisfy { isASCIIAlphanumeric($0) || "_-.()".unicodeScalars.contains($0) }
        guard (1...90).contains(name.count), allowed, !name.hasSuffix(".") else {
            throw .argumentInvalid(
                field: "resourceGroupName",
                rule: "must be 1 to 90 characters of letters, digits, '_', '-', '.', '(' or ')' and not end in '.', was '\(name)'")
        }
    }

    /// IoT hub: 3–50 characters: letters, digits and hyphens, not ending in a hyphen.
    static func validateHub(_ name: String) throws(CloudError) {
        let allowed = name.unicodeScalars.allSatisfy { isASCIIAlphanumeric($0) || $0 == "-" }
        guard (3...50).contains(name.count), allowed, !name.hasSuffix("-") else {
            throw .argumentInvalid(
                field: "name",
                rule: "an IoT hub name must be 3 to 50 characters of letters, digits and '-', not ending in '-', was '\(name)'")
        }
    }

    /// Storage account: 3–24 characters, lower-case letters and digits only.
    static func validateStorageAccount(_ name: String) throws(CloudError) {
        let allowed = name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        guard (3...24).contains(name.count), allowed else {
            throw .argumentInvalid(
                field: "name",
                rule: "a storage account name must be 3 to 24 characters of lower-case letters and digits, was '\(name)'")
        }
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
