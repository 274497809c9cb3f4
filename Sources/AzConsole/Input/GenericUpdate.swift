import JSONValue

/// az's generic update arguments, applied to a document fetched from the service before it is
/// written back: `--set path=value`, `--add path value|key=value`, `--remove path [index]`.
///
/// Paths are dotted member names with optional list indexes (`properties.desired.x`,
/// `parents[0]`). A `--set` value is JSON when it parses as JSON and a string otherwise, as az's
/// `shell_safe_json_parse` fallback does; a missing member on the way is an error naming the
/// path and the members that do exist.
struct GenericUpdate: Equatable, Sendable {
    enum Operation: Equatable, Sendable {
        case set([PathStep], JSONValue)
        case add([PathStep], [JSONValue])
        case remove([PathStep], Int?)
    }

    enum PathStep: Equatable, Sendable {
        case member(String)
        case index(Int)
    }

    private(set) var operations: [Operation] = []

    var isEmpty: Bool { operations.isEmpty }

    /// Reads the flags as az does: every `--set` value is one `path=value`; `--add` and `--remove`
    /// take the path followed by their values; `forceString` (`--force-string`) keeps values as text.
    init(set: [String], add: [String], remove: [String], forceString: Bool = false) throws(ConsoleError) {
        let parse: (String) -> JSONValue = { forceString ? .string($0) : Self.value($0) }
        for assignment in set {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw .invalidValue("argument --set: '\(assignment)' must be PATH=VALUE, e.g. properties.desired.interval=30")
            }
            let path = try Self.path(String(assignment[..<equals]), flag: "--set")
            operations.append(.set(path, parse(String(assignment[assignment.index(after: equals)...]))))
        }
        if let first = add.first {
            let values = add.dropFirst().map { entry -> JSONValue in
                guard let equals = entry.firstIndex(of: "="), !entry.hasPrefix("{") else { return parse(entry) }
                return [String(entry[..<equals]): parse(String(entry[entry.index(after: equals)...]))]
            }
            operations.append(.add(try Self.path(first, flag: "--add"), values))
        }
        if let first = remove.first {
            var index: Int?
            if remove.count > 1 {
                guard remove.count == 2, let position = Int(remove[1]) else {
                    throw .invalidValue("argument --remove: expected PATH [INDEX], got '\(remove.joined(separator: " "))'")
                }
                index = position
            }
            operations.append(.remove(try Self.path(first, flag: "--remove"), index))
        }
    }

    /// Applies every operation in order.
    func apply(to document: JSONValue) throws(ConsoleError) -> JSONValue {
        var result = document
        for operation in operations {
            switch operation {
            case .set(let path, let value):
                result = try Self.update(result, along: path[...], walked: []) { _ throws(ConsoleError) in value }
            case .add(let path, let values):
                result = try Self.update(result, along: path[...], walked: [], creating: false) { current throws(ConsoleError) in
                    guard case .array(let elements) = current ?? .null else {
                        throw .invalidValue("argument --add: '\(Self.render(path))' is not a list")
                    }
                    return .array(elements + values)
                }
            case .remove(let path, let index):
                result = try Self.remove(from: result, path: path, index: index)
            }
        }
        return result
    }

    // MARK: - Paths

    static func path(_ text: String, flag: String) throws(ConsoleError) -> [PathStep] {
        var steps: [PathStep] = []
        for segment in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(segment)
            if let bracket = rest.firstIndex(of: "[") {
                let name = rest[..<bracket]
                if !name.isEmpty { steps.append(.member(String(name))) }
                rest = rest[bracket...]
                while rest.hasPrefix("[") {
                    guard let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(after: rest.startIndex)..<close]) else {
                        throw .invalidValue("argument \(flag): invalid index in path '\(text)'")
                    }
                    steps.append(.index(index))
                    rest = rest[rest.index(after: close)...]
                }
                guard rest.isEmpty else { throw .invalidValue("argument \(flag): invalid path '\(text)'") }
            } else {
                guard !rest.isEmpty else { throw .invalidValue("argument \(flag): empty name in path '\(text)'") }
                steps.append(.member(String(rest)))
            }
        }
        return steps
    }

    private static func render(_ path: [PathStep]) -> String {
        path.reduce("") { text, step in
            switch step {
            case .member(let name): text.isEmpty ? name : text + "." + name
            case .index(let index): text + "[\(index)]"
            }
        }
    }

    private static func value(_ text: String) -> JSONValue {
        (try? JSONValue(parsing: text)) ?? PythonLiteral.parse(text) ?? .string(text)
    }

    // MARK: - Walking

    /// Rebuilds `document` with the value at `path` replaced by `change(current)`. The last
    /// member may be new; members before it must exist, as az requires.
    private static func update(
        _ document: JSONValue, along path: ArraySlice<PathStep>, walked: [PathStep], creating: Bool = true,
        _ change: (JSONValue?) throws(ConsoleError) -> JSONValue
    ) throws(ConsoleError) -> JSONValue {
        guard let step = path.first else { return try change(document) }
        let isLast = path.count == 1
        switch (step, document) {
        case (.member(let name), .object(var members)):
            let current = members[name]
            if current == nil && !(isLast && creating) {
                throw missing(step, in: walked, options: Array(members.keys))
            }
            members[name] = isLast
                ? try change(current)
                : try update(current ?? .null, along: path.dropFirst(), walked: walked + [step], creating: creating, change)
            return .object(members)
        case (.index(let index), .array(var elements)):
            guard elements.indices.contains(index) else {
                throw .invalidValue("index \(index) is out of range in '\(render(walked))' (\(elements.count) elements)")
            }
            elements[index] = try update(elements[index], along: path.dropFirst(), walked: walked + [step], creating: creating, change)
            return .array(elements)
        default:
            throw missing(step, in: walked, options: [])
        }
    }

    private static func remove(from document: JSONValue, path: [PathStep], index: Int?) throws(ConsoleError) -> JSONValue {
        if let index {
            return try update(document, along: path[...], walked: [], creating: false) { current throws(ConsoleError) in
                guard case .array(var elements) = current ?? .null, elements.indices.contains(index) else {
                    throw .invalidValue("argument --remove: index \(index) is out of range in '\(render(path))'")
                }
                elements.remove(at: index)
                return .array(elements)
            }
        }
        guard case .member(let name)? = path.last else {
            throw .invalidValue("argument --remove: give the list and the index separately: --remove PATH INDEX")
        }
        let parent = Array(path.dropLast())
        let removeMember: (JSONValue?) throws(ConsoleError) -> JSONValue = { current throws(ConsoleError) in
            guard case .object(var members) = current ?? .null, members[name] != nil else {
                throw missing(.member(name), in: parent, options: current?.objectValue.map { Array($0.keys) } ?? [])
            }
            members.removeValue(forKey: name)
            return .object(members)
        }
        return parent.isEmpty
            ? try removeMember(document)
            : try update(document, along: parent[...], walked: [], creating: false, removeMember)
    }

    private static func missing(_ step: PathStep, in walked: [PathStep], options: [String]) -> ConsoleError {
        let place = walked.isEmpty ? "the document" : "'\(render(walked))'"
        let name = render([step])
        let available = options.isEmpty ? "" : " Available options: \(options.joined(separator: ", "))."
        return .invalidValue("Couldn't find '\(name)' in \(place).\(available)")
    }
}
