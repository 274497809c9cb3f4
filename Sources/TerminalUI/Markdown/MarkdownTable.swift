/// A pipe table: header, alignment row and body, drawn with box-drawing rules and columns
/// shrunk (with an ellipsis) when the table is wider than the view.
struct MarkdownTable {
    enum Alignment { case left, center, right }

    let header: [StyledLine]
    let rows: [[StyledLine]]
    let alignments: [Alignment]

    init(header: String, separator: String, rows: [String], inline: MarkdownInline) {
        self.header = Self.cells(header).map { inline.parse($0) }
        self.rows = rows.map { Self.cells($0).map { inline.parse($0) } }
        self.alignments = Self.cells(separator).map { cell in
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
            return left && right ? .center : right ? .right : .left
        }
    }

    static func isSeparator(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces()
        guard trimmed.hasPrefix("|") || trimmed.hasPrefix(":") || trimmed.hasPrefix("-") else { return false }
        return trimmed.contains("-") && trimmed.allSatisfy { "|:- ".contains($0) }
    }

    /// The cells of a row: split on unescaped pipes, outer pipes dropped, spaces trimmed.
    static func cells(_ line: String) -> [String] {
        var trimmed = line.trimmingSpaces()
        if trimmed.hasPrefix("|") { trimmed.removeFirst() }
        if trimmed.hasSuffix("|") && !trimmed.hasSuffix("\\|") { trimmed.removeLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in trimmed {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingSpaces())
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current.trimmingSpaces())
        return cells
    }

    func render(width: Int, theme: Theme) -> [StyledLine] {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return [] }
        var widths = (0..<columns).map { column in
            ([header] + rows).map { column < $0.count ? $0[column].displayWidth : 0 }.max() ?? 0
        }
        // " a │ b " : one space each side and one rule between columns.
        let available = width - 3 * columns + 1
        while widths.reduce(0, +) > available, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 3 {
            widths[widest] -= 1
        }
        var output: [StyledLine] = [line(header, widths: widths, style: theme.strong, rule: theme.border)]
        output.append(StyledLine(widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: "┼"), style: theme.border))
        for row in rows {
            output.append(line(row, widths: widths, style: .plain, rule: theme.border))
        }
        return output
    }

    private func line(_ cells: [StyledLine], widths: [Int], style: Style, rule: Style) -> StyledLine {
        var line = StyledLine()
        for (column, width) in widths.enumerated() {
            if column > 0 { line.append("│", style: rule) }
            let cell = column < cells.count ? Self.fit(cells[column], width: width) : StyledLine()
            let padding = width - cell.displayWidth
            let alignment = column < alignments.count ? alignments[column] : .left
            let before = alignment == .right ? padding : alignment == .center ? padding / 2 : 0
            line.append(" " + String(repeating: " ", count: before))
            for span in cell.spans { line.append(span.text, style: style.merged(with: span.style)) }
            line.append(String(repeating: " ", count: padding - before) + " ")
        }
        return line
    }

    /// The cell cut to `width` columns with an ellipsis, styles kept.
    private static func fit(_ cell: StyledLine, width: Int) -> StyledLine {
        guard cell.displayWidth > width else { return cell }
        var result = StyledLine()
        var used = 0
        for span in cell.spans {
            let room = width - 1 - used
            guard room > 0 else { break }
            let piece = span.text.displayWidth <= room ? span.text : span.text.truncated(toWidth: room, ellipsis: "")
            result.append(piece, style: span.style)
            used += piece.displayWidth
        }
        result.append("…")
        return result
    }
}
