import JSONValue

/// az's automatic `-o table`: one row per list element, one column per scalar member.
///
/// knack's rules: an object contributes its non-null scalar members except `id`, `type` and
/// `etag`, under the member name with its first letter capitalised (`resourceGroup` →
/// `ResourceGroup`); members are sorted unless `--query` shaped the result; an array row becomes
/// `Column1`, `Column2`...; a scalar becomes `Result`. The layout is tabulate's "simple" format:
/// left-aligned cells, two spaces between columns and a dashed rule under the headers.
struct TableRenderer {
    let sortsKeys: Bool

    private static let skippedKeys: Set<String> = ["id", "type", "etag"]

    func render(_ value: JSONValue) -> String {
        let rows = (value.arrayValue ?? [value]).map(row)
        var headers: [String] = []
        for row in rows {
            for (header, _) in row where !headers.contains(header) { headers.append(header) }
        }
        guard !headers.isEmpty else { return "\n" }
        let cells = rows.map { row in
            headers.map { header in row.first { $0.header == header }?.text ?? "" }
        }
        let widths = headers.indices.map { column in
            cells.reduce(headers[column].count) { max($0, $1[column].count) }
        }
        func line(_ texts: [String]) -> String {
            zip(texts, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
        }
        var lines = [line(headers), line(widths.map { String(repeating: "-", count: $0) })]
        lines += cells.map(line)
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ item: JSONValue) -> [(header: String, text: String)] {
        switch item {
        case .object(let members):
            let keys = sortsKeys ? members.keys.sortedByCodePoint() : Array(members.keys)
            return keys.compactMap { key in
                guard !Self.skippedKeys.contains(key), let value = members[key] else { return nil }
                switch value {
                case .null, .array, .object: return nil
                default: return (Self.capitalizingFirstLetter(key), value.pythonText)
                }
            }
        case .array(let elements):
            return elements.enumerated().map { ("Column\($0.offset + 1)", $0.element.pythonText) }
        default:
            return [("Result", item.pythonText)]
        }
    }

    private static func capitalizingFirstLetter(_ key: String) -> String {
        guard let first = key.first else { return key }
        return first.uppercased() + key.dropFirst()
    }
}
