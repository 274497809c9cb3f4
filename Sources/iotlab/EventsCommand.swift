import ArgumentParser
import Foundation
import IoTLabApp
import WorkspaceStore

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Read the workspace's event journal.",
        subcommands: [Tail.self])

    struct Tail: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the latest events; with --follow, keep printing new ones until interrupted.")

        @Option(name: [.customShort("n"), .customLong("lines")], help: "How many recent events to print.")
        var count = 20

        @Flag(name: [.short, .long], help: "Keep printing events as they happen.")
        var follow = false

        @Option(name: [.short, .long], help: "text or json (one JSON object per line).")
        var output: EventLog.Format = .text

        func validate() throws {
            guard count >= 0 else { throw ValidationError("--lines must be 0 or more, was \(count)") }
        }

        func run() async throws {
            let log = try EventLog(home: .current, format: output)
            var (lines, last) = try log.tail(count: count)
            Output.write(lines)
            while follow {
                try await Task.sleep(for: .milliseconds(250))
                (lines, last) = try log.events(after: last)
                Output.write(lines)
            }
        }
    }
}

extension EventLog.Format: ExpressibleByArgument {}
