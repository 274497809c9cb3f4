import AzConsole
import TerminalUI

/// The az console beside the lab: an input line with history and completion of command names,
/// flags and the workspace's hub and device names, over the output of the commands run so far. Commands run through the session exactly as
/// `iotlab az` runs them, so what works here works in a shell and in the labs' solutions.
struct ConsolePane: Sendable {
    enum Action: Sendable {
        case run(String)
        case leave
    }

    private(set) var input = TextInput(prompt: "az> ", placeholder: "iot hub list   (tab completes, ↑↓ history)")
    private(set) var output = LogView(capacity: 2_000)
    private(set) var running: String?
    private(set) var completion = AzLineCompletion(commandNames: [])

    /// Installs the command names the workspace's console knows, for `tab`.
    mutating func setCommandNames(_ names: [String]) {
        completion.commandNames = names
        installCompleter()
    }

    /// The workspace's devices (and so its hubs), completed after `-d` and `-n`.
    mutating func setDevices(_ rows: [DeviceSummary]) {
        completion.devices = rows.map { ($0.hub, $0.deviceId) }
        completion.hubs = Array(Set(completion.hubs + rows.map(\.hub)))
        installCompleter()
    }

    /// A hub that exists though it may have no device yet.
    mutating func addHubs(_ names: [String]) {
        guard !Set(names).isSubset(of: completion.hubs) else { return }
        completion.hubs = Array(Set(completion.hubs + names))
        installCompleter()
    }

    /// Echoes a command line and marks it running, as `enter` does; the palette's `:az ...` runs
    /// through here so the console shows what it ran. `nil` for an empty line.
    mutating func submit(_ text: String) -> String? {
        let command = text.trimmingCharacters(in: .whitespaces)
        guard !command.isEmpty else { return nil }
        input.remember(command)
        output.append(StyledLine("$ az " + Self.withoutPrefix(command), style: Theme.standard.strong))
        running = command
        return command
    }

    private mutating func installCompleter() {
        let completion = completion
        input.completer = { line in completion.complete(line) }
    }

    mutating func handle(_ event: InputEvent, in area: Rect) -> Action? {
        let (log, line) = area.insetBy(dx: 1, dy: 0).splitBottom(1)
        if case .key(let key) = event, [.pageUp, .pageDown].contains(key) {
            _ = output.handle(event, in: log)
            return nil
        }
        switch input.handle(event, in: line) {
        case .action(.submitted(let text)):
            input.setText("")
            return submit(text).map(Action.run)
        case .action(.cancelled):
            return .leave
        default:
            return nil
        }
    }

    mutating func finished(_ command: String, _ result: ConsoleResult, theme: Theme) {
        running = nil
        output.append(contentsOf: Self.lines(result.standardOutput, style: theme.text))
        output.append(contentsOf: Self.lines(result.standardError, style: theme.error))
        if result.exitCode != 0 { output.append(StyledLine("(exit code \(result.exitCode))", style: theme.dim)) }
    }

    func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        let (log, line) = area.insetBy(dx: 1, dy: 0).splitBottom(1)
        output.render(in: log, on: &screen, context: context)
        if let running {
            screen.write("running: az \(Self.withoutPrefix(running))", at: Point(x: log.x, y: log.maxY - 1), style: context.theme.warning, maxWidth: log.width)
        }
        input.render(in: line, on: &screen, context: context)
    }

    var keyHints: [KeyHint] { input.keyHints + [KeyHint(.escape, "leave console")] }

    static func withoutPrefix(_ command: String) -> String {
        command.hasPrefix("az ") ? String(command.dropFirst(3)) : command
    }

    private static func lines(_ text: String, style: Style) -> [StyledLine] {
        guard !text.isEmpty else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0)
            .map { StyledLine(String($0), style: style) }
    }
}
