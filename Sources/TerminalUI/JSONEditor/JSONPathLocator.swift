/// Finds the line of a member in JSON text from the dotted path a service names in its error
/// (`properties.desired.fan.speed`, `tags.zones[2]`), so the editor can point at the field the
/// hub refused rather than only quoting the message.
///
/// The text is scanned as it is laid out (pretty or compact, or half edited), recording the line
/// where each member's name or each array element starts. Names are joined with `.` exactly as
/// the service joins them, so a name that itself contains a `.` (which IoT Hub refuses) is still
/// found. A path that is not in the text (a removed member, a name the service shortened) falls
/// back to its nearest enclosing member.
public enum JSONPathLocator {
    /// The line (from 0) of the member at `path`, or of its nearest enclosing member that is in
    /// the text; 0 for an empty path.
    public static func line(of path: String, in text: String) -> Int {
        let lines = memberLines(in: text)
        var candidate = Substring(path)
        while !candidate.isEmpty {
            if let line = lines[String(candidate)] { return line }
            guard let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            candidate = candidate[..<cut]
        }
        return 0
    }

    private enum Frame {
        case object(path: String, key: String?)
        case array(path: String, index: Int, started: Bool)
    }

    /// Every member's dotted path and the line its name (or array element) starts on; the first
    /// occurrence wins when a name repeats.
    static func memberLines(in text: String) -> [String: Int] {
        var found: [String: Int] = [:]
        var stack: [Frame] = []
        var line = 0
        var lastString: String?
        var iterator = Array(text).makeIterator()

        func childPath(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : parent + "." + key }
        /// The path of a value starting now in the innermost container.
        func valuePath() -> String? {
            switch stack.last {
            case .object(let path, let key)?: key.map { childPath(path, $0) }
            case .array(let path, let index, _)?: "\(path)[\(index)]"
            case nil: ""
            }
        }
        /// Records an array element's line when its first character is seen.
        func startElement() {
            guard case .array(let path, let index, false)? = stack.last else { return }
            found["\(path)[\(index)]"] = found["\(path)[\(index)]"] ?? line
            stack[stack.count - 1] = .array(path: path, index: index, started: true)
        }

        while let character = iterator.next() {
            switch character {
            case "\n":
                line += 1
                continue
            case " ", "\t", "\r":
                continue
            default:
                break
            }
            if character != "]" && character != "," { startElement() }
            switch character {
            case "\"":
                var string = ""
                // A string ends at its quote, or (while the learner types) at the end of its line.
                while let next = iterator.next(), next != "\"" {
                    if next == "\n" {
                        line += 1
                        break
                    }
                    if next == "\\", let escaped = iterator.next() { string.append(escaped) } else { string.append(next) }
                }
                lastString = string
                continue
            case ":":
                if case .object(let path, _)? = stack.last, let key = lastString {
                    stack[stack.count - 1] = .object(path: path, key: key)
                    let member = childPath(path, key)
                    found[member] = found[member] ?? line
                }
            case "{", "[":
                let path = valuePath() ?? ""
                stack.append(character == "{" ? .object(path: path, key: nil) : .array(path: path, index: 0, started: false))
            case "}", "]":
                _ = stack.popLast()
            case ",":
                switch stack.last {
                case .object(let path, _)?: stack[stack.count - 1] = .object(path: path, key: nil)
                case .array(let path, let index, _)?: stack[stack.count - 1] = .array(path: path, index: index + 1, started: false)
                case nil: break
                }
            default:
                break
            }
            lastString = nil
        }
        return found
    }
}
