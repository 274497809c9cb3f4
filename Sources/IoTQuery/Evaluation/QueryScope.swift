import JSONValue

/// Where the paths of an expression find their values: a dialect's name resolution.
///
/// The twin query reads paths from the twin document (`tags.location.building`); a routing
/// condition reads `$body.x` from the message body, `$twin.tags.x` from the twin, `$contentType`
/// from the system properties and other names from the application properties, case-insensitively.
/// Each dialect supplies one conforming type and reuses the shared parser and evaluator.
public protocol QueryScope {
    /// The value at `path`, or `nil` when the path is undefined here.
    func value(at path: PropertyPath) -> JSONValue?
}

/// Resolves paths from the root of one JSON document, as twin and job queries do: property
/// names match exactly or, failing that, ignoring ASCII letter case, as in IoT Hub.
public struct DocumentScope: QueryScope {
    public let document: JSONValue

    public init(_ document: JSONValue) {
        self.document = document
    }

    public func value(at path: PropertyPath) -> JSONValue? {
        document.queryValue(at: path.segments)
    }
}
