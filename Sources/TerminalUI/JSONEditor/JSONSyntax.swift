/// Colours one line of JSON text for the editor: member names, strings, numbers, literals and
/// punctuation. JSON strings cannot span lines, so each line is coloured on its own, and text
/// that is not JSON (while the learner types) is left in the plain style.
enum JSONSyntax {
    static func styles(for line: [Character], theme: Theme) -> [Style] {
        var styles = Array(repeating: theme.text, count: line.count)
        var index = 0
        while index < line.count {
            let character = line[index]
            switch character {
            case "\"":
                let start = index
                index += 1
                while index < line.count && line[index] != "\"" {
                    index += line[index] == "\\" ? 2 : 1
                }
                index = min(index + 1, line.count)
                var after = index
                while after < line.count && line[after] == " " { after += 1 }
                let style = after < line.count && line[after] == ":" ? theme.jsonKey : theme.jsonString
                for position in start..<index { styles[position] = style }
                continue
            case "{", "}", "[", "]", ",", ":":
                styles[index] = theme.jsonPunctuation
            case "-", "0"..."9":
                let start = index
                while index < line.count && (line[index].isNumber || "+-.eE".contains(line[index])) { index += 1 }
                for position in start..<index { styles[position] = theme.jsonNumber }
                continue
            case "t", "f", "n":
                for word in ["true", "false", "null"] where Array(line[index...].prefix(word.count)) == Array(word) {
                    for position in index..<(index + word.count) { styles[position] = theme.jsonLiteral }
                    index += word.count - 1
                    break
                }
            default:
                break
            }
            index += 1
        }
        return styles
    }
}
