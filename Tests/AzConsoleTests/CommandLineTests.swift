import Foundation
import JSONValue
import Testing

@testable import AzConsole

@Suite struct CommandLineTests {
    static let echo: @Sendable (CommandContext) async throws -> JSONValue? = { context in
        var members = JSONObject()
        for (key, values) in context.arguments.values.sorted(by: { $0.key < $1.key }) {
            members[key] = .array(values.map(JSONValue.string))
        }
        return .object(members)
    }

    let catalog = CommandCatalog(
        groups: [GroupSpec("iot", summary: "Manage IoT."), GroupSpec("iot hub", summary: "Manage hubs.")],
        commands: [
            CommandSpec(
                "iot hub create", summary: "Create a hub.",
                flags: [
                    FlagSpec(["--name", "-n"], required: true, help: "IoT Hub name."),
                    FlagSpec(["--resource-group", "-g"], required: true, help: "Resource group."),
                    FlagSpec(["--sku"], .choice(["F1", "S1"]), default: "S1", help: "Pricing tier."),
                    FlagSpec(["--unit"], .integer(1...200), help: "Units."),
                    FlagSpec(["--edge-enabled", "--ee"], .boolean, help: "Edge."),
                    FlagSpec(["--set"], .list, group: "Generic Update Arguments", help: "Set a value."),
                ], handler: echo),
            CommandSpec("iot hub show", summary: "Show a hub.", flags: [FlagSpec(["--name", "-n"], help: "Name.")], handler: echo),
        ])

    func parse(_ line: [String]) throws -> ParsedCommandLine { try ParsedCommandLine.parse(line, catalog: catalog) }

    func arguments(_ line: [String]) throws -> ParsedArguments {
        guard case .invocation(_, let parsed) = try parse(line) else {
            Issue.record("expected an invocation")
            return ParsedArguments()
        }
        return parsed
    }

    @Test func readsLongShortAndEqualsForms() throws {
        let parsed = try arguments(["iot", "hub", "create", "-n", "h1", "--resource-group=rg", "--sku", "s1", "--unit", "2"])
        #expect(parsed.string("name") == "h1")
        #expect(parsed.string("resource-group") == "rg")
        #expect(parsed.string("sku") == "S1")
        #expect(parsed.integer("unit") == 2)
    }

    @Test func booleanFlagsStandAloneOrTakeAValue() throws {
        #expect(try arguments(["iot", "hub", "create", "-n", "h", "-g", "r", "--ee"]).boolean("edge-enabled") == true)
        #expect(try arguments(["iot", "hub", "create", "-n", "h", "-g", "r", "--ee", "false"]).boolean("edge-enabled") == false)
        #expect(try arguments(["iot", "hub", "create", "--ee", "-n", "h", "-g", "r"]).boolean("edge-enabled") == true)
    }

    @Test func listFlagsTakeSeveralValuesAndRepeat() throws {
        let parsed = try arguments(["iot", "hub", "create", "-n", "h", "-g", "r", "--set", "a=1", "b=2", "--set", "c=3"])
        #expect(parsed.list("set") == ["a=1", "b=2", "c=3"])
    }

    @Test func unambiguousAbbreviationsOfLongFlagsAreAcceptedLikeArgparse() throws {
        #expect(try arguments(["iot", "hub", "create", "--na", "h1", "--resource", "rg"]).string("resource-group") == "rg")
        #expect(throws: ConsoleError.usage("ambiguous option: --s could match --sku, --set, --subscription")) {
            try parse(["iot", "hub", "create", "-n", "h", "-g", "r", "--s", "S1"])
        }
    }

    @Test func missingRequiredArgumentsAreListedLikeArgparse() throws {
        #expect(throws: ConsoleError.usage("the following arguments are required: --name/-n, --resource-group/-g")) {
            try parse(["iot", "hub", "create"])
        }
    }

    @Test func unknownCommandNamesTheGroupAndSuggests() throws {
        #expect(throws: ConsoleError(
            message: "az: 'crate' is not in the 'az iot hub' command group. See 'az iot hub --help'.\n\nThe most similar choice to 'crate' is:\n\tcreate",
            exitCode: 2)
        ) {
            try parse(["iot", "hub", "crate"])
        }
    }

    @Test func unknownFlagIsRejectedWithTheClosestName() throws {
        #expect(throws: ConsoleError.usage("unrecognized arguments: --nmae h\n\nThe most similar choice to '--nmae' is:\n\t--name")) {
            try parse(["iot", "hub", "show", "--nmae", "h"])
        }
    }

    @Test func badValuesNameTheArgumentAndTheRule() throws {
        #expect(throws: ConsoleError.usage("argument --sku: invalid choice: 'X9' (choose from 'F1', 'S1')")) {
            try parse(["iot", "hub", "create", "-n", "h", "-g", "r", "--sku", "X9"])
        }
        #expect(throws: ConsoleError.usage("argument --unit: invalid int value: 'two'")) {
            try parse(["iot", "hub", "create", "-n", "h", "-g", "r", "--unit", "two"])
        }
        #expect(throws: ConsoleError.usage("argument --unit: invalid value 0: must be between 1 and 200")) {
            try parse(["iot", "hub", "create", "-n", "h", "-g", "r", "--unit", "0"])
        }
        #expect(throws: ConsoleError.usage("argument --name/-n: expected one argument")) {
            try parse(["iot", "hub", "show", "--name"])
        }
    }

    @Test func helpAnywhereAsksForHelp() throws {
        guard case .commandHelp(let command) = try parse(["iot", "hub", "create", "--name", "x", "-h"]) else {
            Issue.record("expected command help")
            return
        }
        #expect(command.path == ["iot", "hub", "create"])
        guard case .groupHelp(let path) = try parse(["iot", "hub"]) else {
            Issue.record("expected group help")
            return
        }
        #expect(path == ["iot", "hub"])
    }

    @Test func helpIsGeneratedFromTheTable() {
        let renderer = HelpRenderer(catalog: catalog)
        let group = renderer.groupHelp(["iot", "hub"])
        #expect(group.contains("Group\n    az iot hub : Manage hubs.\n"))
        #expect(group.contains("Commands:\n    create : Create a hub.\n    show   : Show a hub.\n"))
        let help = renderer.commandHelp(catalog.commands[0])
        #expect(help.contains("    --name -n [Required]"))
        #expect(help.contains(": Pricing tier.  Allowed values: F1, S1.  Default: S1."))
        #expect(help.contains("\nGeneric Update Arguments\n    --set"))
        #expect(help.hasSuffix("    --verbose                      : Increase logging verbosity. Use --debug for full debug logs.\n"))
    }

    @Test func consoleRunsTheCommandAndAppliesQueryAndOutput() async throws {
        let console = AzConsole(cloud: try ConsoleHarness().cloud, catalog: catalog)
        let result = await console.run(
            ["iot", "hub", "show", "-n", "h1", "--query", "name[0]", "-o", "tsv"],
            workingDirectory: URL(fileURLWithPath: "/tmp"))
        #expect(result == ConsoleResult(standardOutput: "h1\n", standardError: "", exitCode: 0))
    }

    @Test func malformedQueryIsAnArgumentError() async throws {
        let result = await AzConsole(cloud: try ConsoleHarness().cloud, catalog: catalog).run(
            ["iot", "hub", "show", "--query", "[?name=='x'"], workingDirectory: URL(fileURLWithPath: "/tmp"))
        #expect(result.exitCode == 2)
        #expect(result.standardError.hasPrefix("ERROR: argument --query: invalid jmespath_type value: '[?name=='x''\n"))
    }
}
