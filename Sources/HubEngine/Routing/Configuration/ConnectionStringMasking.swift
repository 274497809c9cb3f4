/// Hides the secrets of an endpoint's connection string the way Resource Manager does when it
/// returns a hub: `AccountKey=****`, `SharedAccessKey=****`; every other part is kept, so the
/// account or namespace stays visible.
enum ConnectionStringMasking {
    private static let secretNames: Set<String> = ["accountkey", "sharedaccesskey"]

    static func masked(_ connectionString: String) -> String {
        connectionString.split(separator: ";", omittingEmptySubsequences: false).map { part in
            guard let equals = part.firstIndex(of: "="), secretNames.contains(part[..<equals].lowercased()) else { return String(part) }
            return part[...equals] + "****"
        }.joined(separator: ";")
    }
}
