/// Inline Markdown: `code`, **strong**, *emphasis* (and `_`/`__`), [links](url), <autolinks>
/// and backslash escapes. Links show their text, then the address in dim when it differs,
/// because a terminal cannot follow them and a learner must be able to type the address.
struct MarkdownInline {
    let theme: Theme

    func parse(_ text: String, base: Style = .plain) -> StyledLine {
        var line = StyledLine()
        append(Array(text), base: base, to: &line)
        return line
    }

    private func append(_ characters: [Character], base: Style, to line: inout StyledLine) {
        var index = 0
        var plain = ""
        func flush() {
            line.append(plain, style: base)
            plain = ""
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\" where index + 1 < characters.count && (characters[index + 1].isPunctuation || characters[index + 1].isSymbol):
                plain.append(characters[index + 1])
                index += 2
                continue
            case "`":
                let run = runLength(of: "`", in: characters, from: index)
                if let close = find(String(repeating: "`", count: run), in: characters, from: index + run) {
                    flush()
                    var code = String(characters[(index + run)..<close])
                    if run > 1 { code = code.trimmingSpaces() }
                    line.append(code, style: base.merged(with: theme.code))
                    index = close + run
                    continue
                }
            case "*", "_":
                let double = index + 1 < characters.count && characters[index + 1] == character
                let marker = double ? String([character, character]) : String(character)
                let opensWord = index + marker.count < characters.count && characters[index + marker.count] != " "
                let afterWord = index > 0 && (characters[index - 1].isLetter || characters[index - 1].isNumber)
                if opensWord && !(character == "_" && afterWord),
                   let close = find(marker, in: characters, from: index + marker.count), close > index + marker.count,
                   characters[close - 1] != " " {
                    flush()
                    let inner = Array(characters[(index + marker.count)..<close])
                    append(inner, base: base.merged(with: double ? theme.strong : theme.emphasis), to: &line)
                    index = close + marker.count
                    continue
                }
            case "[":
                if let closeText = find("]", in: characters, from: index + 1),
                   closeText + 1 < characters.count, characters[closeText + 1] == "(",
                   let closeURL = find(")", in: characters, from: closeText + 2) {
                    flush()
                    let label = Array(characters[(index + 1)..<closeText])
                    let url = String(characters[(closeText + 2)..<closeURL])
                    append(label, base: base.merged(with: theme.link), to: &line)
                    if String(label) != url, !url.hasPrefix("#") {
                        line.append(" (\(url))", style: base.merged(with: theme.dim))
                    }
                    index = closeURL + 1
                    continue
                }
            case "<":
                if let close = find(">", in: characters, from: index + 1) {
                    let inside = String(characters[(index + 1)..<close])
                    if inside.hasPrefix("http://") || inside.hasPrefix("https://") {
                        flush()
                        line.append(inside, style: base.merged(with: theme.link))
                        index = close + 1
                        continue
                    }
                }
            default:
                break
            }
            plain.append(character)
            index += 1
        }
        flush()
    }

    private func runLength(of character: Character, in characters: [Character], from start: Int) -> Int {
        var end = start
        while end < characters.count && characters[end] == character { end += 1 }
        return end - start
    }

    /// The index where `marker` next occurs at or after `start`.
    private func find(_ marker: String, in characters: [Character], from start: Int) -> Int? {
        let needle = Array(marker)
        guard start <= characters.count - needle.count else { return nil }
        for index in start...(characters.count - needle.count) where Array(characters[index..<(index + needle.count)]) == needle {
            return index
        }
        return nil
    }
}
