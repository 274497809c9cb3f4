import Foundation
import JSONValue

/// Text with `$.Name` placeholders, read once when a definition is loaded and filled in for
/// every message.
///
/// The Azure IoT Telemetry Simulator's template syntax: `$.` followed by a variable's name,
/// replaced by the variable's current value, names case-sensitive, the longest name winning
/// when one is a prefix of another (`$.Temp` and `$.Temperature`). Unlike the simulator, a
/// placeholder that names no variable is refused when the definition loads, so a typo does not
/// reach the hub as the literal text `$.Tempreature`; `$$.` writes a literal `$.`.
struct PlaceholderText: Sendable, Equatable {
    enum Piece: Sendable, Equatable {
        case literal(String)
        case value(String)
    }

    let pieces: [Piece]

    /// Reads `text`, resolving each placeholder among `names`; the failure reason names the
    /// unknown placeholder.
    init(_ text: String, names: Set<String>) throws(PlaceholderError) {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(text)
        while let marker = rest.range(of: "$.") {
            literal += rest[..<marker.lowerBound]
            let afterMarker = rest[marker.upperBound...]
            if literal.last == "$" {
                literal.removeLast()
                literal += "$."
                rest = afterMarker
                continue
            }
            let run = afterMarker.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            guard let first = run.first, first.isLetter || first == "_" else {
                literal += "$."
                rest = afterMarker
                continue
            }
            guard let name = Self.longestName(prefixing: run, in: names) else {
                throw PlaceholderError(placeholder: "$." + run)
            }
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
            pieces.append(.value(name))
            rest = afterMarker.dropFirst(name.count)
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    /// `text` with every `$.` written as `$$.`, so that it reads back as itself, with no
    /// placeholders: how text a user typed (`az iot device simulate --data`) enters a template.
    static func escaping(_ text: String) -> String {
        text.replacingOccurrences(of: "$.", with: "$$.")
    }

    /// The variable the text consists of exactly (`"$.temperature"`), whose value a JSON
    /// template keeps typed (a number stays a number) instead of turning it into text.
    var soleValueName: String? {
        guard pieces.count == 1, case .value(let name) = pieces[0] else { return nil }
        return name
    }

    /// The names the text refers to.
    var referencedNames: [String] {
        pieces.compactMap { if case .value(let name) = $0 { name } else { nil } }
    }

    /// The text with each placeholder replaced by its value's text.
    func rendered(with values: JSONObject) -> String {
        var output = ""
        for piece in pieces {
            switch piece {
            case .literal(let text): output += text
            case .value(let name): output += values[name].map(\.placeholderText) ?? ("$." + name)
            }
        }
        return output
    }

    private static func longestName(prefixing run: Substring, in names: Set<String>) -> String? {
        var length = run.count
        while length > 0 {
            let candidate = String(run.prefix(length))
            if names.contains(candidate) { return candidate }
            length -= 1
        }
        return nil
    }
}

extension PlaceholderText {
    /// Reads a text member of a definition, refusing a placeholder that names no value.
    init(_ field: DefinitionField, names: Set<String>) throws(SimulationError) {
        let text = try field.string()
        do {
            try self.init(text, names: names)
        } catch {
            throw field.failure(
                "placeholder \(error.placeholder) names no variable; known: "
                    + names.sorted().map { "$." + $0 }.joined(separator: ", "))
        }
    }
}

/// A placeholder that names no variable.
struct PlaceholderError: Error, Equatable {
    let placeholder: String
}

extension JSONValue {
    /// How a value reads inside text: strings without quotes (the template writes them),
    /// everything else as JSON (`23`, `23.5`, `true`).
    var placeholderText: String {
        if case .string(let text) = self { return text }
        return serialized(.compact)
    }
}
