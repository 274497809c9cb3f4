import Foundation
import JSONValue
import Yams

/// A node of a lab's YAML with where it came from: the file, its dotted path and its line, so
/// every reading error says `file:line: path: rule`.
struct YAMLField {
    let node: Node
    let path: String
    let file: String

    /// Parses `text`; a syntax error becomes a `LabDefinitionError` at the line libyaml reports.
    static func document(_ text: String, file: String) throws(LabDefinitionError) -> YAMLField {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.error(error, file: file)
        } catch {
            throw LabDefinitionError(file: file, line: 0, message: "not YAML: \(error)")
        }
        guard let root else { throw LabDefinitionError(file: file, line: 0, message: "the file is empty") }
        return YAMLField(node: root, path: "", file: file)
    }

    private static func error(_ error: YamlError, file: String) -> LabDefinitionError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let text = context.map { "\($0.text): " } ?? ""
            return LabDefinitionError(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(text)\(problem)")
        default:
            return LabDefinitionError(file: file, line: 0, message: "YAML syntax: \(error)")
        }
    }

    var line: Int { node.mark?.line ?? 0 }

    func error(_ rule: String) -> LabDefinitionError {
        LabDefinitionError(file: file, line: line, column: node.mark?.column ?? 0, message: (path.isEmpty ? "" : path + ": ") + rule)
    }

    private func child(_ node: Node, _ name: String) -> YAMLField {
        YAMLField(node: node, path: path.isEmpty ? name : path + "." + name, file: file)
    }

    /// The members of a mapping, in order; refuses anything else and any member not in `allowed`.
    func members(allowing allowed: Set<String>) throws(LabDefinitionError) -> [(String, YAMLField)] {
        guard case .mapping(let mapping) = node else { throw error("must be a mapping") }
        var seen: Set<String> = []
        var members: [(String, YAMLField)] = []
        for (key, value) in mapping {
            guard let name = key.string else { throw error("keys must be strings") }
            let field = child(value, name)
            guard allowed.contains(name) else {
                throw YAMLField(node: key, path: field.path, file: file)
                    .error("unknown member; expected one of \(allowed.sorted().joined(separator: ", "))")
            }
            guard seen.insert(name).inserted else { throw field.error("appears twice") }
            members.append((name, field))
        }
        return members
    }

    /// The member `name` of a mapping, if present.
    func member(_ name: String) -> YAMLField? {
        guard case .mapping(let mapping) = node, let value = mapping[Node(name)] else { return nil }
        return child(value, name)
    }

    func required(_ name: String) throws(LabDefinitionError) -> YAMLField {
        guard let field = member(name) else { throw error("'\(name)' is required") }
        return field
    }

    func string() throws(LabDefinitionError) -> String {
        guard case .scalar(let scalar) = node else { throw error("must be a string") }
        return scalar.string
    }

    func nonEmptyString() throws(LabDefinitionError) -> String {
        let text = try string().trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw error("must not be empty") }
        return text
    }

    func integer(in range: ClosedRange<Int>) throws(LabDefinitionError) -> Int {
        guard case .scalar = node, let value = node.int else { throw error("must be an integer") }
        guard range.contains(value) else { throw error("must be between \(range.lowerBound) and \(range.upperBound), was \(value)") }
        return value
    }

    func bool() throws(LabDefinitionError) -> Bool {
        guard case .scalar = node, let value = node.bool else { throw error("must be true or false") }
        return value
    }

    func sequence() throws(LabDefinitionError) -> [YAMLField] {
        guard case .sequence(let items) = node else { throw error("must be a list") }
        return items.enumerated().map { index, item in
            YAMLField(node: item, path: "\(path)[\(index)]", file: file)
        }
    }

    /// A list of strings, or one string standing for a list of one.
    func strings() throws(LabDefinitionError) -> [String] {
        if case .scalar = node { return [try nonEmptyString()] }
        var values: [String] = []
        for item in try sequence() { values.append(try item.nonEmptyString()) }
        return values
    }

    /// The node as JSON: plain scalars typed as YAML 1.2's core schema types them (`50` a number,
    /// `true` a boolean, `null`), quoted scalars always strings, so `'50'` stays the string the
    /// lab's twin holds.
    func json() throws(LabDefinitionError) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain else { return .string(scalar.string) }
            if node.null != nil { return .null }
            if let value = node.bool { return .bool(value) }
            if let value = node.int { return .integer(value) }
            if let value = node.float { return .double(value) }
            return .string(scalar.string)
        case .sequence:
            var items: [JSONValue] = []
            for item in try sequence() { items.append(try item.json()) }
            return .array(items)
        case .mapping(let mapping):
            var object: JSONObject = [:]
            for (key, value) in mapping {
                guard let name = key.string else { throw error("keys must be strings") }
                object[name] = try child(value, name).json()
            }
            return .object(object)
        case .alias:
            throw error("YAML aliases are not supported in lab definitions")
        }
    }
}

extension YAMLField {
    /// The member names of a mapping, in order (for members whose names are data).
    var memberNames: [String] {
        guard case .mapping(let mapping) = node else { return [] }
        return mapping.keys.compactMap(\.string)
    }
}
