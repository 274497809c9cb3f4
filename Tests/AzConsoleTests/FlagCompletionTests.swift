import AzConsole
import Testing

@Suite struct FlagCompletionTests {
    @Test func aCommandsFlagsComeWithAzShortFormsThenTheGlobalOnes() throws {
        let flags = try #require(AzConsole.flags(for: "iot hub device-identity create"))
        #expect(flags.contains { $0.names == ["--hub-name", "-n"] && $0.takesValue })
        #expect(flags.contains { $0.names == ["--device-id", "-d"] })
        #expect(flags.first { $0.names.first == "--status" }?.choices == ["disabled", "enabled"])
        #expect(flags.first { $0.names.first == "--force" }?.takesValue == false)
        #expect(flags.last?.names.first == "--verbose")
        #expect(flags.contains { $0.names == ["--output", "-o"] && $0.choices.contains("table") })
    }

    @Test func aGroupOrAnUnknownCommandHasNoFlags() {
        #expect(AzConsole.flags(for: "iot hub") == nil)
        #expect(AzConsole.flags(for: "iot hub device-identity nope") == nil)
    }
}
