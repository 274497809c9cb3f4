import Testing
@testable import TerminalUI

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()
    let theme = Theme.standard

    @Test func headingsAreStyledAndTheFirstTwoLevelsUnderlined() {
        let lines = renderer.render("# Route messages\n\n## Step 1\n\n### Details", width: 40)
        #expect(lines.map(\.text) == ["Route messages", "━━━━━━━━━━━━━━", "", "Step 1", "──────", "", "Details"])
        #expect(lines[0].spans == [Span("Route messages", style: theme.heading)])
    }

    @Test func paragraphsAreJoinedAndWrappedToTheWidth() {
        let lines = renderer.render("Create the device\nidentity with symmetric keys.", width: 20)
        #expect(lines.map(\.text) == ["Create the device ", "identity with ", "symmetric keys."])
    }

    @Test func emphasisStrongCodeAndLinksKeepTheirStyles() {
        let line = renderer.render("Use **az** *now* with `--hub-name` and [docs](https://learn.microsoft.com) for snake_case_names", width: 200)[0]
        #expect(line.text == "Use az now with --hub-name and docs (https://learn.microsoft.com) for snake_case_names")
        #expect(line.spans.contains(Span("az", style: theme.strong)))
        #expect(line.spans.contains(Span("now", style: theme.emphasis)))
        #expect(line.spans.contains(Span("--hub-name", style: theme.code)))
        #expect(line.spans.contains(Span("docs", style: theme.link)))
        #expect(line.spans.contains(Span(" (https://learn.microsoft.com)", style: theme.dim)))
    }

    @Test func nestedBulletNumberedAndTaskListsAreIndented() {
        let lines = renderer.render("- one\n  - nested\n1. first\n2. second item that wraps\n- [ ] todo\n- [x] done", width: 16)
        #expect(lines.map(\.text) == ["• one", "  • nested", "1. first", "2. second item ", "   that wraps", "• ☐ todo", "• ☑ done"])
    }

    @Test func longCodeLinesBreakAtSpacesWithAShellContinuation() {
        let lines = renderer.render("Run:\n\n```bash\naz iot hub device-identity create --device-id sensor-th-0001\n```\nThen", width: 40)
        #expect(lines.map(\.text) == [
            "Run:", "",
            "  az iot hub device-identity create \\",
            "    --device-id sensor-th-0001",
            "", "Then",
        ])
        #expect(lines[2].spans[1].style == theme.code)
        #expect(lines.allSatisfy { $0.text.displayWidth <= 40 })
    }

    @Test func quotedArgumentsAreNotBrokenInside() {
        let lines = renderer.render("```\naz iot hub query -q \"SELECT * FROM devices\" -n hub\n```", width: 36)
        #expect(lines.map(\.text) == ["  az iot hub query -q \\", #"    "SELECT * FROM devices" -n hub"#])
    }

    @Test func codeLinesThatFitAreKeptWhole() {
        let lines = renderer.render("```\naz iot hub list\n```", width: 40)
        #expect(lines.map(\.text) == ["  az iot hub list"])
    }

    @Test func aWordWiderThanThePaneIsCutAtItsEdge() {
        let lines = renderer.render("```\n0123456789012345678901234567890123456789\n```", width: 20)
        #expect(lines.map(\.text) == ["  012345678901234567", "  890123456789012345", "  6789"])
    }

    @Test func tablesAreAlignedWithRules() {
        let markdown = """
        | Route | Condition | Endpoint |
        |:------|:---------:|---------:|
        | vibrationLoggingRoute | sensorID = 'VSLog' | vibrationLogEndpoint |
        | fallback | true | events |
        """
        let lines = renderer.render(markdown, width: 80)
        #expect(lines.map(\.text) == [
            " Route                 │     Condition      │             Endpoint ",
            "───────────────────────┼────────────────────┼──────────────────────",
            " vibrationLoggingRoute │ sensorID = 'VSLog' │ vibrationLogEndpoint ",
            " fallback              │        true        │               events ",
        ])
    }

    @Test func wideTablesShrinkTheirWidestColumnWithAnEllipsis() {
        let lines = renderer.render("| a | b |\n|---|---|\n| short | a very long cell value |", width: 20)
        #expect(lines.allSatisfy { $0.displayWidth <= 20 })
        #expect(lines[2].text.contains("…"))
    }

    @Test func quotesAndRulesAreMarked() {
        let lines = renderer.render("> Note: the fallback route\n\n---", width: 12)
        #expect(lines.map(\.text) == ["│ Note: the ", "│ fallback ", "│ route", "", "────────────"])
    }

    @Test func wideCharactersInMarkdownWrapByColumns() {
        let lines = renderer.render("温度 温度 温度", width: 10)
        #expect(lines.map(\.text) == ["温度 温度 ", "温度"])
    }
}

@Suite struct TextViewTests {
    @Test func scrollsByLineAndPageAndShowsAScrollbar() {
        var view = TextView(.lines((1...20).map { StyledLine("line \($0)") }))
        var screen = render(view, width: 12, height: 4)
        #expect(screen.lines[0] == "line 1     ┃")
        press(&view, .down, width: 12, height: 4)
        #expect(render(view, width: 12, height: 4).lines[0].hasPrefix("line 2"))
        press(&view, .pageDown, width: 12, height: 4)
        #expect(render(view, width: 12, height: 4).lines[0].hasPrefix("line 5"))
        press(&view, .character("G"), width: 12, height: 4)
        screen = render(view, width: 12, height: 4)
        #expect(screen.lines[3] == "line 20    ┃")
        press(&view, .character("g"), width: 12, height: 4)
        #expect(view.offset == 0)
        #expect(press(&view, .character("x")) == .ignored)
    }

    @Test func markdownContentIsRenderedForTheViewWidth() {
        let view = TextView(markdown: "# Lab 1\nCreate a hub.")
        let screen = render(view, width: 20, height: 5)
        #expect(screen.lines == ["Lab 1", "━━━━━", "", "Create a hub.", ""])
    }

    @Test func theWheelScrollsOnlyOverTheView() {
        var view = TextView(.lines((1...20).map { StyledLine("line \($0)") }))
        let area = Rect(x: 0, y: 0, width: 12, height: 4)
        #expect(view.handle(.mouse(MouseEvent(.scrollDown, at: Point(x: 1, y: 1))), in: area) == .handled)
        #expect(view.offset == 3)
        #expect(view.handle(.mouse(MouseEvent(.scrollDown, at: Point(x: 1, y: 9))), in: area) == .ignored)
    }
}
