/// Renders the Markdown of lab instructions and course text into styled lines for a width.
///
/// Covers what lab steps use: headings (underlined for levels 1 and 2), paragraphs wrapped at
/// spaces, emphasis, inline code, links with their address, bullet, numbered and task lists
/// (nested by indentation), block quotes, fenced code blocks (a line too long for the width is
/// broken at spaces with a shell's trailing ` \\`, so a command stays whole on screen and still
/// runs when copied), horizontal rules and pipe tables with alignment. Anything else is shown as
/// text.
public struct MarkdownRenderer: Sendable {
    public var theme: Theme

    public init(theme: Theme = .standard) {
        self.theme = theme
    }

    public func render(_ markdown: String, width: Int) -> [StyledLine] {
        let width = max(10, width)
        var output: [StyledLine] = []
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).replacingTabs() }
        var index = 0
        var paragraph: [String] = []
        // Consecutive list items (even with blank lines between them) form one block.
        var inList = false

        func separate() {
            if let last = output.last, !last.spans.isEmpty { output.append(StyledLine()) }
        }
        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            separate()
            let text = paragraph.map { $0.trimmingSpaces() }.joined(separator: " ")
            output += inline.parse(text).wrapped(toWidth: width)
            paragraph = []
        }

        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty {
                flushParagraph()
                index += 1
                continue
            }
            let isListItem = ListMarker(line) != nil
            if !isListItem { inList = false }
            if let fence = Self.fence(trimmed) {
                flushParagraph()
                separate()
                index += 1
                while index < lines.count, !lines[index].trimmingSpaces().hasPrefix(fence) {
                    for piece in Self.codeLines(lines[index], width: width - 2) {
                        output.append(StyledLine([Span("  "), Span(piece, style: theme.code)]))
                    }
                    index += 1
                }
                index += 1
                output.append(StyledLine())
                continue
            }
            if let (level, title) = Self.heading(trimmed) {
                flushParagraph()
                separate()
                let text = inline.parse(title, base: theme.heading)
                output += text.wrapped(toWidth: width)
                if level <= 2 {
                    let rule = String(repeating: level == 1 ? "━" : "─", count: min(width, text.displayWidth))
                    output.append(StyledLine(rule, style: theme.heading))
                }
                output.append(StyledLine())
                index += 1
                continue
            }
            if Self.isRule(trimmed) {
                flushParagraph()
                separate()
                output.append(StyledLine(String(repeating: "─", count: width), style: theme.dim))
                index += 1
                continue
            }
            if trimmed.hasPrefix(">") {
                flushParagraph()
                separate()
                var quoted: [String] = []
                while index < lines.count, lines[index].trimmingSpaces().hasPrefix(">") {
                    quoted.append(String(lines[index].trimmingSpaces().dropFirst()).trimmingSpaces())
                    index += 1
                }
                for line in inline.parse(quoted.joined(separator: " "), base: theme.quote).wrapped(toWidth: width - 2) {
                    output.append(StyledLine([Span("│ ", style: theme.quote)] + line.spans))
                }
                continue
            }
            if let item = ListMarker(line) {
                flushParagraph()
                if !inList { separate() }
                inList = true
                var text = item.text
                index += 1
                // Lazy continuation lines belong to the item.
                while index < lines.count, !lines[index].trimmingSpaces().isEmpty, ListMarker(lines[index]) == nil,
                      Self.fence(lines[index].trimmingSpaces()) == nil, Self.heading(lines[index].trimmingSpaces()) == nil {
                    text += " " + lines[index].trimmingSpaces()
                    index += 1
                }
                let indent = String(repeating: " ", count: item.depth * 2)
                let bullet = item.bullet
                var content = StyledLine([Span(indent), Span(bullet, style: theme.hotkey)])
                content.spans += inline.parse(text).spans
                output += content.wrapped(toWidth: width, indent: indent.count + bullet.displayWidth)
                continue
            }
            if trimmed.hasPrefix("|"), index + 1 < lines.count, MarkdownTable.isSeparator(lines[index + 1]) {
                flushParagraph()
                separate()
                let header = lines[index], separator = lines[index + 1]
                var rows: [String] = []
                index += 2
                while index < lines.count, lines[index].trimmingSpaces().hasPrefix("|") {
                    rows.append(lines[index])
                    index += 1
                }
                output += MarkdownTable(header: header, separator: separator, rows: rows, inline: inline)
                    .render(width: width, theme: theme)
                continue
            }
            paragraph.append(line)
            index += 1
        }
        flushParagraph()
        while output.last?.spans.isEmpty == true { output.removeLast() }
        return output
    }

    private var inline: MarkdownInline { MarkdownInline(theme: theme) }

    /// A code line as it fits `width`: whole when it fits, otherwise broken at spaces outside
    /// quotes, each piece but the last ending in ` \\` (a shell's line continuation) and the next
    /// indented by two spaces. A word wider than the width on its own is cut where the width ends.
    static func codeLines(_ line: String, width: Int) -> [String] {
        guard line.displayWidth > width, width > 4 else { return [line] }
        var pieces: [String] = []
        var current = ""
        for word in Self.shellWords(line) {
            let candidate = current.isEmpty ? word : current + " " + word
            if candidate.displayWidth + 2 <= width || current.trimmingSpaces().isEmpty {
                current = candidate
                continue
            }
            pieces.append(current + " \\")
            current = "  " + word
        }
        pieces.append(current)
        return pieces.flatMap { piece in
            var cut: [String] = []
            var rest = Substring(piece)
            while rest.displayWidth > width {
                var head = ""
                for character in rest {
                    if head.displayWidth + character.displayWidth > width { break }
                    head.append(character)
                }
                cut.append(head)
                rest = rest.dropFirst(head.count)
            }
            return cut + [String(rest)]
        }
    }

    /// `line` split at the spaces a shell splits at (outside single and double quotes), each
    /// word spelled as written.
    private static func shellWords(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        for character in line {
            if character == " ", quote == nil {
                words.append(current)
                current = ""
                continue
            }
            if character == quote {
                quote = nil
            } else if quote == nil, character == "'" || character == "\"" {
                quote = character
            }
            current.append(character)
        }
        words.append(current)
        return words
    }

    private static func fence(_ trimmed: String) -> String? {
        if trimmed.hasPrefix("```") { return "```" }
        if trimmed.hasPrefix("~~~") { return "~~~" }
        return nil
    }

    private static func heading(_ trimmed: String) -> (Int, String)? {
        let level = trimmed.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(level), trimmed.dropFirst(level).first == " " else { return nil }
        var title = String(trimmed.dropFirst(level)).trimmingSpaces()
        while title.hasSuffix("#") { title.removeLast() }
        return (level, title.trimmingSpaces())
    }

    private static func isRule(_ trimmed: String) -> Bool {
        let compact = trimmed.filter { $0 != " " }
        guard compact.count >= 3, let first = compact.first, "-*_".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }
}

/// A list item's marker: `-`, `*`, `+`, `1.`, `1)`, with `[ ]`/`[x]` tasks.
private struct ListMarker {
    let depth: Int
    let bullet: String
    let text: String

    init?(_ line: String) {
        let leading = line.prefix(while: { $0 == " " }).count
        let rest = line.dropFirst(leading)
        var marker: String
        if let first = rest.first, "-*+".contains(first), rest.dropFirst().first == " " {
            marker = "• "
        } else {
            let digits = rest.prefix(while: { $0.isNumber })
            guard !digits.isEmpty, digits.count < 10 else { return nil }
            let after = rest.dropFirst(digits.count)
            guard let punctuation = after.first, punctuation == "." || punctuation == ")", after.dropFirst().first == " " else { return nil }
            marker = "\(digits). "
        }
        var text = String(rest.drop(while: { $0 != " " })).trimmingSpaces()
        if text.hasPrefix("[ ] ") {
            marker += "☐ "
            text.removeFirst(4)
        } else if text.lowercased().hasPrefix("[x] ") {
            marker += "☑ "
            text.removeFirst(4)
        }
        depth = leading / 2
        bullet = marker
        self.text = text
    }
}
