/// What one bulk-import entry asks for, with Azure's `importMode` names and rules.
public enum ImportMode: String, Sendable, CaseIterable {
    /// Create the identity, or overwrite it whatever its etag (Azure's default).
    case createOrUpdate
    /// Create; `DeviceAlreadyExists` when the id is taken.
    case create
    /// Overwrite an existing identity whatever its etag; `DeviceNotFound` when absent.
    case update
    /// Overwrite an existing identity when `eTag` matches; `PreconditionFailed` otherwise.
    case updateIfMatchETag
    /// Create, or overwrite when `eTag` matches.
    case createOrUpdateIfMatchETag
    /// Delete whatever the etag; `DeviceNotFound` when absent.
    case delete
    /// Delete when `eTag` matches.
    case deleteIfMatchETag
    /// Overwrite the twin's tags and properties whatever its etag.
    case updateTwin
    /// Overwrite the twin when `twinETag` matches.
    case updateTwinIfMatchETag

    /// Whether the entry fails with `DeviceNotFound`/`ModuleNotFound` when the identity is absent
    /// instead of creating it.
    var requiresExistingIdentity: Bool { self == .update || self == .updateIfMatchETag }
}
