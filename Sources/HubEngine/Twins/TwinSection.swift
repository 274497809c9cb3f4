import JSONValue

/// One property section of a twin, `desired` or `reported`: its members, its `$metadata` and its
/// `$version`.
///
/// Azure stamps `$lastUpdated` on every node a change touches, and on the desired side also
/// `$lastUpdatedVersion`, the section version that wrote it; untouched nodes keep their stamps.
struct TwinSection: Sendable, Equatable {
    var content: JSONObject
    var metadata: JSONObject
    var version: Int
    /// Desired properties record `$lastUpdatedVersion`; reported ones do not.
    let recordsVersion: Bool

    /// A new section, version 1, stamped at `time`.
    init(createdAt time: String, recordsVersion: Bool) {
        content = [:]
        version = 1
        self.recordsVersion = recordsVersion
        metadata = [:]
        metadata = stamp(time: time)
    }

    /// Applies a JSON merge patch (`null` deletes) as one change.
    mutating func apply(patch: JSONObject, time: String) {
        version += 1
        content = JSONValue.object(content).merging(patch: .object(patch)).objectValue ?? [:]
        metadata = Self.stamped(metadata, patch: patch, result: content, stamp: stamp(time: time))
    }

    /// Replaces every member as one change and returns the merge patch that did it.
    mutating func replace(with newContent: JSONObject, time: String) -> JSONObject {
        let cleaned = JSONValue.object(newContent).removingNullMembers().objectValue ?? [:]
        let delta = JSONValue.object(content).mergePatch(to: .object(cleaned)).objectValue ?? [:]
        version += 1
        content = cleaned
        metadata = Self.stamped(nil, patch: cleaned, result: cleaned, stamp: stamp(time: time))
        return delta
    }

    /// The members followed by `$metadata` and `$version`, as the twin document shows them.
    var json: JSONValue {
        // A section without members (most twins' reported side) shares its names with all others.
        var members = content.isEmpty ? Self.emptyShape.template : content
        members["$metadata"] = .object(metadata)
        members["$version"] = .integer(version)
        return .object(members)
    }

    /// Reads back what `json` wrote.
    ///
    /// `content` is built afresh rather than by removing the two `$` members from the parsed
    /// object: removal copies the object (the parse tree still holds it) with room for all its
    /// members, which cost about 300 bytes per twin even when the section has no members.
    init(stored value: JSONValue, recordsVersion: Bool) {
        let members = value.objectValue ?? [:]
        metadata = members["$metadata"]?.objectValue ?? [:]
        version = members["$version"]?.integerValue ?? 1
        let isOwnMember = { (name: String) in name != "$metadata" && name != "$version" }
        content = members.keys.contains(where: isOwnMember) ? members.filter { isOwnMember($0.key) } : [:]
        self.recordsVersion = recordsVersion
    }

    private func stamp(time: String) -> JSONObject {
        var node = recordsVersion ? Self.desiredStampShape.template : Self.reportedStampShape.template
        node["$lastUpdated"] = .string(time)
        if recordsVersion { node["$lastUpdatedVersion"] = .integer(version) }
        return node
    }

    private static let emptyShape = JSONObjectShape(names: ["$metadata", "$version"])
    private static let desiredStampShape = JSONObjectShape(names: ["$lastUpdated", "$lastUpdatedVersion"])
    private static let reportedStampShape = JSONObjectShape(names: ["$lastUpdated"])

    /// The metadata after `patch` produced `result`: touched nodes get `stamp`, deleted ones lose
    /// their metadata, the rest is kept in place.
    private static func stamped(_ metadata: JSONObject?, patch: JSONObject, result: JSONObject, stamp: JSONObject) -> JSONObject {
        var children = JSONObject()
        for (name, value) in metadata ?? [:] where !name.hasPrefix("$") {
            children[name] = value
        }
        for (name, patchValue) in patch {
            if patchValue.isNull {
                children.removeValue(forKey: name)
            } else if case .object(let nestedPatch) = patchValue, case .object(let nestedResult)? = result[name] {
                children[name] = .object(stamped(children[name]?.objectValue, patch: nestedPatch, result: nestedResult, stamp: stamp))
            } else {
                children[name] = .object(stamp)
            }
        }
        var node = stamp
        for (name, value) in children {
            node[name] = value
        }
        return node
    }
}
