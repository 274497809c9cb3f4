import Testing
@testable import TerminalUI

@Suite struct TextInputTests {
    @Test func typingEditingAndSubmittingALine() {
        var input = TextInput(prompt: "> ")
        type("az iot hub lst", into: &input)
        press(&input, .left, .left, .character("i"))
        #expect(input.text == "az iot hub list")
        #expect(input.cursor == 13)
        press(&input, .control("a"), .delete, .delete)
        #expect(input.text == " iot hub list")
        press(&input, .control("e"), .control("w"))
        #expect(input.text == " iot hub ")
        #expect(press(&input, .enter) == .action(.submitted(" iot hub ")))
        #expect(input.text.isEmpty)
        #expect(press(&input, .escape) == .action(.cancelled))
    }

    @Test func historyRecallsOlderLinesAndRestoresTheDraft() {
        var input = TextInput()
        for line in ["first", "second"] {
            type(line, into: &input)
            press(&input, .enter)
        }
        type("draft", into: &input)
        press(&input, .up)
        #expect(input.text == "second")
        press(&input, .up, .up)
        #expect(input.text == "first")
        press(&input, .down)
        #expect(input.text == "second")
        press(&input, .down)
        #expect(input.text == "draft")
    }

    @Test func tabCompletesTheSharedPrefixThenCyclesCandidates() {
        let commands = ["az iot hub device-identity create", "az iot hub device-identity list", "az iot hub device-twin show"]
        var input = TextInput(completer: { line in commands.filter { $0.hasPrefix(line) } })
        type("az iot hub device-i", into: &input)
        press(&input, .tab)
        #expect(input.text == "az iot hub device-identity ")
        #expect(input.candidates.count == 2)
        press(&input, .tab)
        #expect(input.text == "az iot hub device-identity create")
        press(&input, .tab)
        #expect(input.text == "az iot hub device-identity list")
        press(&input, .character(" "))
        #expect(input.candidates.isEmpty)
        input.setText("az iot hub device-t")
        press(&input, .tab)
        #expect(input.text == "az iot hub device-twin show")
    }

    @Test func rendersThePromptTheCursorAndScrollsLongLines() {
        var input = TextInput(prompt: "> ", placeholder: "type a command")
        var screen = render(input, width: 20, height: 1)
        #expect(screen.lines == ["> type a command"])
        #expect(screen.cursor == Point(x: 2, y: 0))
        type("温度 0123456789abcdef", into: &input)
        screen = render(input, width: 20, height: 1)
        #expect(screen.lines[0].hasSuffix("abcdef"))
        #expect(screen.cursor == Point(x: 18, y: 0))
        #expect(render(input, width: 20, height: 1, focused: false).cursor == nil)
    }

    @Test func secretInputsShowDots() {
        var input = TextInput(isSecret: true)
        type("key", into: &input)
        #expect(render(input, width: 10, height: 1).lines == ["•••"])
        #expect(input.text == "key")
    }
}

@Suite struct FormTests {
    func deviceForm() -> Form {
        Form(fields: [
            FormField(name: "deviceId", label: "Device ID", isRequired: true),
            FormField(name: "auth", label: "Auth", kind: .choice(["shared_private_key", "x509_ca", "x509_thumbprint"])),
            FormField(name: "edge", label: "Edge", kind: .toggle),
        ])
    }

    @Test func requiredFieldsAreCheckedBeforeSubmitting() {
        var form = deviceForm()
        #expect(press(&form, .control("s")) == .handled)
        #expect(form.fields[0].error == "Device ID is required.")
        let screen = render(form, width: 40, height: 5)
        #expect(screen.lines[1] == "            ✗ Device ID is required.")
        type("sensor-th-0001", into: &form)
        #expect(form.fields[0].error == nil)
        press(&form, .tab, .right, .tab, .character(" "))
        #expect(press(&form, .enter) == .action(.submitted(["deviceId": "sensor-th-0001", "auth": "x509_ca", "edge": "true"])))
    }

    @Test func theHubsErrorIsShownAtItsField() {
        var form = deviceForm()
        press(&form, .tab, .tab)
        form.setError("409001 DeviceAlreadyExists: sensor-th-0001", forField: "deviceId")
        #expect(form.focusedIndex == 0)
        let screen = render(form, width: 60, height: 5)
        #expect(screen.lines == ["Device ID*", "            ✗ 409001 DeviceAlreadyExists: sensor-th-0001", "      Auth  ‹ shared_private_key ›", "      Edge  [ ]", ""])
        #expect(press(&form, .escape) == .action(.cancelled))
    }
}

@Suite struct DialogTests {
    @Test func confirmDefaultsToNoAndAnswersYesOrNo() {
        var dialog = ConfirmDialog(title: "Quit", message: "A lab is running. Quit anyway?")
        #expect(press(&dialog, .enter) == .action(.cancelled))
        #expect(press(&dialog, .character("y")) == .action(.confirmed))
        #expect(press(&dialog, .escape) == .action(.cancelled))
        press(&dialog, .left)
        #expect(press(&dialog, .enter) == .action(.confirmed))
        #expect(press(&dialog, .character("x")) == .handled)
    }

    @Test func confirmIsDrawnCentredAndItsButtonsAreClickable() {
        var dialog = ConfirmDialog(title: "Quit", message: "Quit anyway?")
        let area = Rect(x: 0, y: 0, width: 40, height: 10)
        let screen = render(dialog, width: 40, height: 10)
        #expect(screen.find("Quit anyway?") != nil)
        #expect(screen.find("╭ Quit ") != nil)
        let buttons = dialog.buttons(in: area)
        #expect(screen.find(" Yes ") == Point(x: buttons.confirm.x, y: buttons.confirm.y))
        #expect(screen.style(atX: buttons.cancel.x, y: buttons.cancel.y) == Theme.standard.selection)
        #expect(dialog.handle(.mouse(MouseEvent(.click, at: Point(x: buttons.confirm.x + 1, y: buttons.confirm.y))), in: area) == .action(.confirmed))
        #expect(dialog.handle(.mouse(MouseEvent(.click, at: Point(x: buttons.cancel.x + 1, y: buttons.cancel.y))), in: area) == .action(.cancelled))
    }

    @Test func paletteRunsACommandByNameOrAliasWithArguments() {
        let twin = PaletteCommand("twin", aliases: ["tw"], summary: "open a device twin")
        let lab = PaletteCommand("lab", summary: "open a lab")
        var palette = CommandPalette(commands: [twin, lab, PaletteCommand("devices", aliases: ["dev"], summary: "devices pane")])
        type("tw sensor-th-0001", into: &palette)
        #expect(press(&palette, .enter) == .action(.run(twin, arguments: ["sensor-th-0001"])))
        type("la", into: &palette)
        #expect(palette.matches == [lab])
        press(&palette, .tab)
        type("3", into: &palette)
        #expect(press(&palette, .enter) == .action(.run(lab, arguments: ["3"])))
        type("nope", into: &palette)
        #expect(press(&palette, .enter) == .handled)
        #expect(palette.message == "unknown command :nope")
        #expect(render(palette, width: 60, height: 12).find("unknown command :nope") != nil)
        #expect(press(&palette, .escape) == .action(.dismissed))
    }

    @Test func paletteListsMatchingCommandsWithSummaries() {
        var palette = CommandPalette(commands: [PaletteCommand("devices", aliases: ["dev"], summary: "devices pane"), PaletteCommand("twin", summary: "twin")])
        type("d", into: &palette)
        let screen = render(palette, width: 60, height: 12)
        #expect(screen.find(":d") != nil)
        #expect(screen.find("devices pane (dev)") != nil)
        #expect(screen.find("twin") == nil)
    }

    @Test func helpOverlayListsKeysBySectionAndFilters() {
        var help = HelpOverlay(sections: [
            .init("Global", [KeyHint(.character("q"), "quit"), KeyHint(.character(":"), "command palette")]),
            .init("Lab", [KeyHint(.character("h"), "next hint"), KeyHint(.character("n"), "next step")]),
        ])
        var screen = render(help, width: 50, height: 14)
        #expect(screen.find("Global") != nil)
        #expect(screen.find("next hint") != nil)
        press(&help, .character("/"))
        type("hint", into: &help)
        screen = render(help, width: 50, height: 14)
        #expect(screen.find("next hint") != nil)
        #expect(screen.find("quit") == nil)
        #expect(screen.find("/hint") != nil)
        press(&help, .escape)
        #expect(press(&help, .escape) == .action(.dismissed))
        #expect(press(&help, .character("?")) == .action(.dismissed))
    }
}
