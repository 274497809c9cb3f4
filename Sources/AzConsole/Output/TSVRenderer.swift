import JSONValue

/// az's `-o tsv`: one line per list element, values separated by tabs, no headers.
///
/// This is what lab scripts capture into shell variables (`key=$(az ... -o tsv)`), so it follows
/// knack exactly: an object row lists its member values (sorted by member name unless a `--query`
/// multiselect hash ordered them), a nested list prints its length, a nested object prints
/// nothing, `null` prints `None`, and a top-level boolean prints in lower case.
struct TSVRenderer {
    let keepsKeyOrder: Bool

    func render(_ value: JSONValue) -> String {
        (value.arrayValue ?? [value]).map(row).joined()
    }

    private func row(_ item: JSONValue) -> String {
        switch item {
        case .object(let members):
            let keys = keepsKeyOrder ? Array(members.keys) : members.keys.sortedByCodePoint()
            return keys.compactMap { members[$0] }.map(cell).joined(separator: "\t") + "\n"
        case .array(let elements):
            return elements.map(cell).joined(separator: "\t") + "\n"
        case .bool(let flag):
            return (flag ? "true" : "false") + "\n"
        default:
            return cell(item) + "\n"
        }
    }

    private func cell(_ value: JSONValue) -> String {
        switch value {
        case .array(let elements): String(elements.count)
        case .object: ""
        default: value.pythonText
        }
    }
}
