import JSONValue

/// One import entry the hub refused, and why.
public struct ImportFailure: Sendable, Equatable {
    /// The entry's position in the batch, from 0.
    public var entryIndex: Int
    public var deviceId: String
    public var moduleId: String?
    public var mode: ImportMode
    public var error: HubError
}

/// The outcome of a bulk import: refused entries do not stop the others.
public struct ImportReport: Sendable, Equatable {
    /// How many entries took effect.
    public var succeeded: Int
    /// The refused entries, in batch order.
    public var errors: [ImportFailure]

    public var isSuccessful: Bool { errors.isEmpty }

    /// Azure's bulk-registry answer: `{"isSuccessful", "errors": [{deviceId, errorCode,
    /// errorStatus, moduleId, operation}], "warnings": []}`.
    public var json: JSONValue {
        [
            "isSuccessful": .bool(isSuccessful),
            "errors": .array(
                errors.map { failure in
                    [
                        "deviceId": .string(failure.deviceId),
                        "errorCode": .string(failure.error.errorName),
                        "errorStatus": .string(failure.error.message),
                        "moduleId": failure.moduleId.map(JSONValue.string) ?? .null,
                        "operation": .string(failure.mode.rawValue),
                    ]
                }),
            "warnings": [],
        ]
    }
}
