import JSONValue

/// One line of a bulk import or export, in Azure's `ExportImportDevice` shape: the identity, the
/// import mode and the twin's tags and properties together.
public struct ExportImportDevice: Sendable, Equatable {
    public var id: String
    public var moduleId: String?
    /// The identity etag the `…IfMatchETag` modes compare.
    public var eTag: String?
    /// `nil` reads as Azure's default, `createOrUpdate`; exports leave it out.
    public var importMode: ImportMode?
    public var status: DeviceStatus?
    public var statusReason: String?
    public var authentication: AuthenticationMechanism?
    /// The twin etag `updateTwinIfMatchETag` compares.
    public var twinETag: String?
    /// Twin data: on import each section given replaces the twin's, within the twin limits.
    public var tags: JSONObject?
    public var desiredProperties: JSONObject?
    public var reportedProperties: JSONObject?
    public var iotEdge: Bool?
    public var deviceScope: String?
    public var parentScopes: [String]?

    public init(id: String, moduleId: String? = nil, importMode: ImportMode? = nil) {
        self.id = id
        self.moduleId = moduleId
        self.importMode = importMode
    }

    /// The mode this entry runs with.
    public var effectiveMode: ImportMode { importMode ?? .createOrUpdate }

    /// The If-Match the entry's mode applies to the identity: its `eTag` for the `…IfMatchETag`
    /// modes (a missing one matches nothing), `nil` (anything) otherwise.
    var identityIfMatch: String? {
        switch effectiveMode {
        case .updateIfMatchETag, .createOrUpdateIfMatchETag, .deleteIfMatchETag: eTag ?? ""
        default: nil
        }
    }

    /// The If-Match the entry's mode applies to the twin: its `twinETag` for `updateTwinIfMatchETag`.
    var twinIfMatch: String? {
        effectiveMode == .updateTwinIfMatchETag ? (twinETag ?? "") : nil
    }

    /// Azure's member order: `id`, `moduleId`, `eTag`, `importMode`, `status`, `statusReason`,
    /// `authentication`, `twinETag`, `tags`, `properties`, `capabilities`, `deviceScope`,
    /// `parentScopes`; members without a value are left out.
    public var json: JSONValue {
        var members = JSONObject()
        members["id"] = .string(id)
        if let moduleId { members["moduleId"] = .string(moduleId) }
        if let eTag { members["eTag"] = .string(eTag) }
        if let importMode { members["importMode"] = .string(importMode.rawValue) }
        if let status { members["status"] = .string(status.rawValue) }
        if let statusReason { members["statusReason"] = .string(statusReason) }
        if let authentication { members["authentication"] = authentication.json }
        if let twinETag { members["twinETag"] = .string(twinETag) }
        if let tags { members["tags"] = .object(tags) }
        if desiredProperties != nil || reportedProperties != nil {
            var properties = JSONObject()
            if let desiredProperties { properties["desired"] = .object(desiredProperties) }
            if let reportedProperties { properties["reported"] = .object(reportedProperties) }
            members["properties"] = .object(properties)
        }
        if let iotEdge { members["capabilities"] = ["iotEdge": .bool(iotEdge)] }
        if let deviceScope { members["deviceScope"] = .string(deviceScope) }
        if let parentScopes { members["parentScopes"] = .array(parentScopes.map(JSONValue.string)) }
        return .object(members)
    }

    /// Reads an entry; `ArgumentInvalid` names the first field of the wrong type or an unknown
    /// `importMode`. Read-only `$metadata` and `$version` members of the properties are dropped.
    public init(json: JSONValue) throws(HubError) {
        let fields = try JSONFields(json, path: "")
        guard let id = try fields.string("id") else {
            throw .argumentInvalid(field: "id", rule: "is required")
        }
        self.init(id: id, moduleId: try fields.string("moduleId"))
        eTag = try fields.string("eTag")
        if let mode = try fields.choice("importMode", of: ImportMode.allCases.map(\.rawValue)) {
            importMode = ImportMode(rawValue: mode)
        }
        if let statusName = try fields.choice("status", of: DeviceStatus.allCases.map(\.rawValue)) {
            status = DeviceStatus(rawValue: statusName)
        }
        statusReason = try fields.string("statusReason")
        if let authentication = try fields.object("authentication") {
            self.authentication = try AuthenticationMechanism(fields: authentication)
        }
        twinETag = try fields.string("twinETag")
        tags = try fields.object("tags")?.members
        if let properties = try fields.object("properties") {
            desiredProperties = try properties.object("desired").map { Self.withoutReadOnly($0.members) }
            reportedProperties = try properties.object("reported").map { Self.withoutReadOnly($0.members) }
        }
        iotEdge = try fields.object("capabilities")?.bool("iotEdge")
        deviceScope = try fields.string("deviceScope")
        parentScopes = try fields.stringArray("parentScopes")
    }

    private static func withoutReadOnly(_ members: JSONObject) -> JSONObject {
        members.filter { $0.key != "$metadata" && $0.key != "$version" }
    }
}
