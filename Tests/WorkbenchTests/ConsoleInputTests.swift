import Courseware
import Testing
@testable import Workbench

@Suite struct ConsoleInputTests {
    static let names = ["iot hub create", "iot hub delete", "iot hub device-identity create", "iot hub device-identity list", "iot hub query"]

    @Test func completionWalksTheCommandTreeOneWordAtATime() {
        #expect(AzCommandNames.complete("iot hub d", among: Self.names) == ["iot hub delete ", "iot hub device-identity "])
        #expect(AzCommandNames.complete("az iot hub q", among: Self.names) == ["az iot hub query "])
        #expect(AzCommandNames.complete("iot hub device-identity c", among: Self.names) == ["iot hub device-identity create "])
        #expect(AzCommandNames.complete("storage", among: Self.names).isEmpty)
    }

    @Test func groupHelpIsReadForSubgroupsAndCommands() {
        let help = "\nGroup\n    az iot hub : Manage hubs.\n\nSubgroups:\n    device-identity : Devices.\n\nCommands:\n    create          : Create.\n    list            : List.\n\nFor more specific examples, use: az iot hub <command> --help\n"
        let parsed = AzCommandNames.parse(help)
        #expect(parsed.subgroups == ["device-identity"])
        #expect(parsed.commands == ["create", "list"])
    }

    @Test func consoleLinesSplitLikeAShellWithQuotes() throws {
        #expect(try ShellWords.split(#"iot hub query -q "SELECT * FROM devices WHERE x = 'a b'" -n h"#)
            == ["iot", "hub", "query", "-q", "SELECT * FROM devices WHERE x = 'a b'", "-n", "h"])
        #expect(try ShellWords.split(#"twin update --desired '{"a": 1}'"#) == ["twin", "update", "--desired", #"{"a": 1}"#])
        #expect(throws: ShellWords.SplitError.unterminatedQuote) { try ShellWords.split("query -q 'SELECT") }
    }
}
