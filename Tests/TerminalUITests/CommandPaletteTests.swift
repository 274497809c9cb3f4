import Testing
@testable import TerminalUI

/// The palette finds an action by its name, any part of its summary or the letters of its name
/// in order, best match first, shows each action's key, and runs or closes.
@Suite struct CommandPaletteTests {
    static let telemetry = PaletteCommand("telemetry", summary: "go to the Telemetry pane", key: "4")
    static let devices = PaletteCommand("devices", summary: "go to the Devices pane", key: "3")
    static let hint = PaletteCommand("hint", summary: "next hint", key: "h")
    static let lab = PaletteCommand("device-telemetry", summary: "open lab 2: Connect a device and send telemetry")

    func palette() -> CommandPalette {
        CommandPalette(commands: [Self.devices, Self.lab, Self.hint, Self.telemetry])
    }

    @Test func namesComeFirstThenTextThenLettersInOrder() {
        var palette = palette()
        type("tele", into: &palette)
        #expect(palette.matches == [Self.telemetry, Self.lab])
        press(&palette, .control("u"))
        type("send tel", into: &palette)
        #expect(palette.matches == [Self.lab])
        press(&palette, .control("u"))
        type("go pa", into: &palette)
        #expect(palette.matches == [Self.devices, Self.telemetry])
        press(&palette, .control("u"))
        type("dvc", into: &palette)
        #expect(palette.matches == [Self.devices, Self.lab])
        press(&palette, .control("u"))
        type("zzz", into: &palette)
        #expect(palette.matches.isEmpty)
    }

    @Test func enterRunsTheBestMatchAndAFuzzyPickTakesNoArguments() {
        var palette = palette()
        type("go tel", into: &palette)
        #expect(press(&palette, .enter) == .action(.run(Self.telemetry, arguments: [])))
        #expect(palette.input.text.isEmpty)
        type("hint now", into: &palette)
        #expect(press(&palette, .enter) == .action(.run(Self.hint, arguments: ["now"])))
    }

    @Test func arrowsPickAmongTheMatchesAndTypingStartsAtTheTopAgain() {
        var palette = palette()
        press(&palette, .down, .down)
        #expect(palette.highlighted == 2)
        #expect(press(&palette, .enter) == .action(.run(Self.hint, arguments: [])))
        press(&palette, .down)
        type("t", into: &palette)
        #expect(palette.highlighted == 0)
    }

    @Test func eachActionShowsItsKey() {
        var palette = palette()
        type("pane", into: &palette)
        let lines = render(palette, width: 60, height: 12).text.split(separator: "\n")
        #expect(lines.contains { $0.contains("go to the Telemetry pane") && $0.contains("4 │") })
        #expect(lines.contains { $0.contains("go to the Devices pane") && $0.contains("3 │") })
    }

    @Test func escClosesAndClearsTheLine() {
        var palette = palette()
        type("tele", into: &palette)
        #expect(press(&palette, .escape) == .action(.dismissed))
        #expect(palette.input.text.isEmpty)
        #expect(palette.matches.count == 4)
    }
}
