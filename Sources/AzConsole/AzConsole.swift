import Foundation
import JSONValue
import LabCore
import LocalCloud

/// The `az`-compatible command interpreter: `iotlab az iot hub create --name h` runs
/// `AzConsole.run(["iot", "hub", "create", "--name", "h"], ...)`.
///
/// It is one of the front doors (DESIGN.md, principle 1): every command calls the same service
/// API as the TUI, the protocol endpoints and the labs, and prints what the az CLI with the
/// azure-iot extension prints, so a learner's scripts and habits carry over unchanged.
public struct AzConsole: Sendable {
    let cloud: LocalCloud
    let catalog: CommandCatalog

    /// A console acting on `cloud` with every command of the standard table.
    public init(cloud: LocalCloud) {
        self.init(cloud: cloud, catalog: .standard)
    }

    init(cloud: LocalCloud, catalog: CommandCatalog) {
        self.cloud = cloud
        self.catalog = catalog
    }

    /// Runs one command line. `arguments` exclude the leading "az"; relative file paths
    /// (`--json twin.json`, `--desired @patch.json`) resolve against `workingDirectory`. Never
    /// throws: failures come back as az prints them, with az's exit code. No command reads
    /// `standardInput` yet; it is accepted so front doors can pass a pipe's contents.
    /// Commands that print as they run (`monitor-events`) hand each piece of text to `lineSink`
    /// at once when one is given (a terminal), and otherwise return it in `standardOutput`;
    /// cancelling the calling task stops them as ctrl-c stops az.
    public func run(
        _ arguments: [String], workingDirectory: URL, standardInput: String? = nil, lineSink: (@Sendable (String) -> Void)? = nil
    ) async -> ConsoleResult {
        if arguments == ["--version"] { return await version() }
        let commandLine: ParsedCommandLine
        do {
            let expanded = try FileArguments(workingDirectory: workingDirectory).expand(arguments)
            commandLine = try ParsedCommandLine.parse(expanded, catalog: catalog)
        } catch {
            return ErrorRenderer.render(error)
        }
        switch commandLine {
        case .groupHelp(let path):
            return ConsoleResult(standardOutput: HelpRenderer(catalog: catalog).groupHelp(path), standardError: "", exitCode: 0)
        case .commandHelp(let command):
            return ConsoleResult(standardOutput: HelpRenderer(catalog: catalog).commandHelp(command), standardError: "", exitCode: 0)
        case .invocation(let command, let parsed):
            let lines = ConsoleLines(sink: lineSink)
            let context = CommandContext(cloud: cloud, arguments: parsed, workingDirectory: workingDirectory, lines: lines)
            var result = await invoke(command, context: context)
            result.standardOutput = lines.keptText + result.standardOutput
            return result
        }
    }

    private func invoke(_ command: CommandSpec, context: CommandContext) async -> ConsoleResult {
        let format = context.arguments.string(GlobalFlags.output.key).flatMap(OutputFormat.init(rawValue:)) ?? .json
        var query: JMESPathExpression?
        if let text = context.arguments.string(GlobalFlags.query.key) {
            do {
                query = try JMESPathParser.parse(text)
            } catch {
                return ErrorRenderer.render(
                    .usage("argument --query: invalid jmespath_type value: '\(text)'\n\(error.description)"))
            }
        }
        do {
            guard var result = try await command.handler(context) else {
                return ConsoleResult(standardOutput: "", standardError: "", exitCode: 0)
            }
            if let query {
                result = try query.evaluate(result)
            } else if format == .table, let transform = command.tableTransformer {
                result = transform(result)
            }
            let text = result.isNull ? "" : format.render(result, query: query, transformed: command.tableTransformer != nil)
            let warning = context.arguments.contains(GlobalFlags.onlyShowErrors.key) ? nil : command.deprecationWarning
            return ConsoleResult(standardOutput: text, standardError: warning ?? "", exitCode: 0)
        } catch let error as ConsoleError {
            return ErrorRenderer.render(error)
        } catch let error as CloudError {
            return ErrorRenderer.resourceManager(error)
        } catch let error as any AzureError {
            return ErrorRenderer.dataPlane(error, at: cloud.clock.now())
        } catch {
            return ConsoleResult(standardOutput: "", standardError: "ERROR: \(error)\n", exitCode: 1)
        }
    }

    /// `az --version`: the CLI and the extensions installed in the local cloud, which the setup
    /// lab checks for `azure-iot`.
    private func version() async -> ConsoleResult {
        var text = "azure-cli                         2.30.0 (iotlab local emulation)\n\nExtensions:\n"
        for installed in await cloud.extensions() {
            text += installed.name + String(repeating: " ", count: max(1, 34 - installed.name.count)) + installed.version + "\n"
        }
        return ConsoleResult(standardOutput: text, standardError: "", exitCode: 0)
    }
}
