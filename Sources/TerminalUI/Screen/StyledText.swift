/// A run of text in one style.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One line of styled text, as the Markdown renderer, text view and log view produce it.
public struct StyledLine: Hashable, Sendable, ExpressibleByStringLiteral {
    public var spans: [Span]

    public init(_ spans: [Span] = []) {
        self.spans = spans
    }

    public init(_ text: String, style: Style = .plain) {
        self.spans = [Span(text, style: style)]
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The text without styles.
    public var text: String { spans.map(\.text).joined() }

    public var displayWidth: Int { spans.reduce(0) { $0 + $1.text.displayWidth } }

    /// Appends a span, merging it into the last one when the style is the same.
    public mutating func append(_ text: String, style: Style = .plain) {
        guard !text.isEmpty else { return }
        if let last = spans.last, last.style == style {
            spans[spans.count - 1].text += text
        } else {
            spans.append(Span(text, style: style))
        }
    }

    /// The line broken into lines of at most `width` columns, at spaces where possible; each
    /// continuation line starts with `indent` spaces (list items and quotes keep their margin).
    public func wrapped(toWidth width: Int, indent: Int = 0) -> [StyledLine] {
        guard width > indent, displayWidth > width else { return [self] }
        // Split into words that keep their trailing spaces, each word a list of styled characters.
        var words: [[(Character, Style)]] = []
        var current: [(Character, Style)] = []
        var previousWasSpace = false
        for span in spans {
            for character in span.text {
                if character != " " && previousWasSpace {
                    words.append(current)
                    current = []
                }
                current.append((character, span.style))
                previousWasSpace = character == " "
            }
        }
        if !current.isEmpty { words.append(current) }

        var lines: [StyledLine] = []
        var line = StyledLine()
        var used = 0
        func flush() {
            lines.append(line)
            line = StyledLine()
            line.append(String(repeating: " ", count: indent))
            used = indent
        }
        for word in words {
            let trimmedWidth = word.reduce(0) { $0 + ($1.0 == " " ? 0 : $1.0.displayWidth) }
            if used + trimmedWidth > width && used > indent { flush() }
            for (character, style) in word {
                if character == " " && used == indent && !lines.isEmpty { continue }
                let w = character.displayWidth
                if used + w > width {
                    if character == " " { continue }
                    flush()
                }
                line.append(String(character), style: style)
                used += w
            }
        }
        lines.append(line)
        return lines
    }
}
