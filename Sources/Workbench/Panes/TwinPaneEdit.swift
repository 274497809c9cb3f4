import HubEngine
import JSONValue

/// What a learner's edit of a twin document asks of the hub: the merge patch of `tags` and
/// `properties.desired` (what `az iot hub device-twin update` sends), nothing, or a change to a
/// member a patch cannot carry (reported properties, versions, metadata, identity fields).
///
/// The patch is computed against the twin as last read, so members the learner removed are sent
/// as `null` (deleted) and untouched ones are not sent at all. Whether the patch is acceptable
/// (sizes, depth, names) is the hub's to say; only the shape of the edit is judged here.
enum TwinPaneEdit: Equatable {
    case patch(JSONValue)
    case unchanged
    /// The learner changed `path`, which only the hub or the device writes.
    case readOnly(path: String, reason: String)

    static func between(_ base: JSONValue, _ edited: JSONValue) -> TwinPaneEdit {
        guard edited.objectValue != nil else {
            return .readOnly(path: "", reason: "the twin is a JSON object; edit its tags and properties.desired")
        }
        if let path = firstPath(in: readOnlyPart(of: base).mergePatch(to: readOnlyPart(of: edited))) {
            return .readOnly(path: path, reason: reason(for: path))
        }
        var patch = JSONObject()
        let tags = (base["tags"] ?? .emptyObject).mergePatch(to: edited["tags"] ?? .emptyObject)
        if tags != .emptyObject { patch["tags"] = tags }
        let desired = desiredContent(of: base).mergePatch(to: desiredContent(of: edited))
        if desired != .emptyObject { patch["properties"] = ["desired": desired] }
        return patch.isEmpty ? .unchanged : .patch(.object(patch))
    }

    /// The desired properties without the hub's `$metadata` and `$version`.
    private static func desiredContent(of twin: JSONValue) -> JSONValue {
        guard let desired = twin[path: ["properties", "desired"]] else { return .emptyObject }
        guard case .object(let members) = desired else { return desired }
        return .object(members.filter { !$0.key.hasPrefix("$") })
    }

    /// The twin without what a patch carries: no tags, and of the desired properties only the
    /// hub's `$metadata` and `$version`.
    private static func readOnlyPart(of twin: JSONValue) -> JSONValue {
        var part = twin
        part.setValue(nil, at: ["tags"])
        if case .object(let desired)? = twin[path: ["properties", "desired"]] {
            part.setValue(.object(desired.filter { $0.key.hasPrefix("$") }), at: ["properties", "desired"])
        } else {
            part.setValue(nil, at: ["properties", "desired"])
        }
        return part
    }

    /// The dotted path of the first member a merge patch changes, or nil for an empty patch.
    private static func firstPath(in patch: JSONValue) -> String? {
        guard case .object(let members) = patch, let first = members.elements.first else { return nil }
        guard let inner = firstPath(in: first.value) else { return first.key }
        return first.key + "." + inner
    }

    private static func reason(for path: String) -> String {
        if path.hasPrefix("properties.reported") { return "reported properties are written by the device, not by a twin patch" }
        if path.hasPrefix("properties.desired.$") { return "the hub keeps $metadata and $version itself" }
        return "the hub keeps it; a twin patch changes only tags and properties.desired"
    }
}
