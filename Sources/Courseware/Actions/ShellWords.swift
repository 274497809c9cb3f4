/// Splits a command line as a POSIX shell would for the simple cases a lab writes: words
/// separated by spaces, single quotes literal, double quotes with `\"` and `\\`, a backslash
/// escaping the next character outside quotes. No expansion, globbing or operators. Lab
/// solutions and the workbench's console read command lines with it; neither runs a shell.
public enum ShellWords {
    public enum SplitError: Error, Equatable, CustomStringConvertible {
        case unterminatedQuote

        public var description: String { "ArgumentInvalid: the command line has an unterminated quote" }
    }

    public static func split(_ line: String) throws(SplitError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            switch character {
            case " ", "\t", "\n":
                if inWord { words.append(current) }
                current = ""
                inWord = false
            case "'":
                inWord = true
                var closed = false
                while let next = characters.next() {
                    if next == "'" { closed = true; break }
                    current.append(next)
                }
                guard closed else { throw .unterminatedQuote }
            case "\"":
                inWord = true
                var closed = false
                while let next = characters.next() {
                    if next == "\"" { closed = true; break }
                    if next == "\\", let escaped = characters.next() {
                        if escaped != "\"" && escaped != "\\" { current.append("\\") }
                        current.append(escaped)
                    } else {
                        current.append(next)
                    }
                }
                guard closed else { throw .unterminatedQuote }
            case "\\":
                inWord = true
                if let escaped = characters.next() { current.append(escaped) }
            default:
                inWord = true
                current.append(character)
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// `word` as a shell reads it back: bare when safe, otherwise single-quoted.
    public static func quoted(_ word: String) -> String {
        let safe = !word.isEmpty && word.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=@,$".contains($0) }
        return safe ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
