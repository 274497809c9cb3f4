import ArgumentParser
import Foundation
import Courseware
import IoTLabApp

/// `iotlab lab ...`: the lab loop without the workbench, for scripts, instructors and CI.
struct LabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab", abstract: "Follow, check and author the guided labs.",
        discussion: """
            Labs are folders under Labs/ (or $IOTLAB_LABS): lab.yaml, Markdown instructions, starter/ and solution/ code.
            A lab or step is named by its id or its number, e.g. iotlab lab check 2 --step 1.
            """,
        subcommands: [List.self, Show.self, Start.self, Check.self, Hint.self, Reset.self, Solve.self, Lint.self])

    struct LabArgument: ParsableArguments {
        @Argument(help: "The lab's id or number (iotlab lab list).") var lab: String
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the labs by skill area, with your progress.")
        @Flag(help: "Print only the lab ids, one a line.") var ids = false
        func run() async throws { await LabCommand.perform(.list(idsOnly: ids)) }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a lab: objectives, introduction, steps and code files.")
        @OptionGroup var lab: LabArgument
        func run() async throws { await LabCommand.perform(.show(lab: lab.lab)) }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Prepare the workspace for a lab and print the current step.")
        @OptionGroup var lab: LabArgument
        func run() async throws { await LabCommand.perform(.start(lab: lab.lab)) }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the current step's checks and print each result; exits 1 when one fails.")
        @OptionGroup var lab: LabArgument
        @Option(help: "Check this step (id or number) instead of the current one.") var step: String?
        func run() async throws { await LabCommand.perform(.check(lab: lab.lab, step: step)) }
    }

    struct Hint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the current step's next hint.")
        @OptionGroup var lab: LabArgument
        func run() async throws { await LabCommand.perform(.hint(lab: lab.lab)) }
    }

    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Forget a lab's progress (or one step's); the hubs and devices you made stay.")
        @OptionGroup var lab: LabArgument
        @Option(help: "Reset only this step (id or number).") var step: String?
        func run() async throws { await LabCommand.perform(.reset(lab: lab.lab, step: step)) }
    }

    struct Solve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the current step's solution (recorded as revealed), then check the step.")
        @OptionGroup var lab: LabArgument
        @Option(help: "Solve this step (id or number) instead of the current one.") var step: String?
        func run() async throws { await LabCommand.perform(.solve(lab: lab.lab, step: step)) }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the lab definitions: YAML, checks, hints, solutions and ids; exits 1 on a problem.")
        @Argument(help: "The Labs folder (default: the one iotlab uses).") var folder: String?
        func run() throws {
            Output.emit(LabOperations.lint(LabCatalog(folder: folder.map { URL(fileURLWithPath: $0, relativeTo: .currentDirectory) } ?? LabsFolder.locate())))
        }
    }

    static func perform(_ operation: LabOperation) async {
        Output.emit(await WorkspaceAccess.run(.lab(operation), home: .current, workingDirectory: .currentDirectory))
    }
}
