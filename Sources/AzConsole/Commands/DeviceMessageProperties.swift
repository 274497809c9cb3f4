import JSONValue

/// The azure-iot extension's property bag argument (`--props "a=1;b=2"`), shared by the
/// device-to-cloud and cloud-to-device message commands, and the workbench's C2D form.
public enum DeviceMessageProperties {
    /// Pairs split at `;`, each at its first `=`; entries without `=` are skipped, as the
    /// extension's `validate_key_value_pairs` skips them. A repeated key keeps its last value.
    public static func parse(_ text: String?) -> OrderedDictionary<String, String> {
        var properties: OrderedDictionary<String, String> = [:]
        for pair in (text ?? "").split(separator: ";", omittingEmptySubsequences: true) {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            properties[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return properties
    }

    static let flag = FlagSpec(
        ["--properties", "--props", "-p"],
        help: "Message property bag in key-value pairs with the following format: a=b;c=d.")

    static let data = FlagSpec(["--data", "--da"], default: "Ping from Az CLI IoT Extension", help: "Message body.")
}
