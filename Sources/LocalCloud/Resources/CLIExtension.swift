import JSONValue

/// An az CLI extension as `az extension list` reports it.
///
/// The iot commands are built in locally, so adding `azure-iot` only records that the learner's
/// script asked for it, which keeps scripts written for the real CLI running unchanged.
public struct CLIExtension: Sendable, Equatable {
    public let name: String
    public let version: String

    /// The version reported for extensions that iotlab knows; others report 1.0.0.
    static func knownVersion(of name: String) -> String {
        name == "azure-iot" ? "0.25.0" : "1.0.0"
    }

    public var json: JSONValue {
        [
            "experimental": false,
            "extensionType": "whl",
            "name": .string(name),
            "path": .string("~/.azure/cliextensions/\(name)"),
            "preview": false,
            "version": .string(version),
        ]
    }
}
