/// Why an Avro schema, value or file was refused.
///
/// Each case names where the problem is (a schema path, a value path or a byte offset) and the rule
/// broken, so a learner who opens a storage endpoint's file, or a module that builds records, sees
/// what to fix rather than a bare "invalid data".
public enum AvroError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The schema breaks a rule of the Avro specification (a name, a union, a missing attribute).
    case invalidSchema(path: String, reason: String)
    /// A value does not have the shape its schema declares.
    case valueMismatch(path: String, expected: String, found: String)
    /// The bytes are not valid Avro binary or object container data.
    case malformedData(offset: Int, reason: String)
    /// The file's `avro.codec` is one this implementation does not decode.
    case unsupportedCodec(String)
    /// A container file's sync marker must be exactly 16 bytes.
    case invalidSyncMarker(byteCount: Int)

    public var description: String {
        switch self {
        case .invalidSchema(let path, let reason):
            "AvroSchemaInvalid: \(Self.display(path)): \(reason)"
        case .valueMismatch(let path, let expected, let found):
            "AvroValueInvalid: \(Self.display(path)): expected \(expected), found \(found)"
        case .malformedData(let offset, let reason):
            "AvroDataMalformed: at byte \(offset): \(reason)"
        case .unsupportedCodec(let codec):
            "AvroCodecUnsupported: codec '\(codec)' is not supported; supported: null"
        case .invalidSyncMarker(let byteCount):
            "ArgumentInvalid: syncMarker must be 16 bytes, got \(byteCount)"
        }
    }

    /// The error as seen from the enclosing value: `component` (a field name, `[3]`, `["key"]`)
    /// goes in front of the path, so paths are built only when something fails.
    func within(_ component: String) -> AvroError {
        guard case .valueMismatch(let path, let expected, let found) = self else { return self }
        let separator = path.isEmpty || path.hasPrefix("[") ? "" : "."
        return .valueMismatch(path: component + separator + path, expected: expected, found: found)
    }

    private static func display(_ path: String) -> String { path.isEmpty ? "(root)" : path }
}
