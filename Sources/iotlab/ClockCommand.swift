import ArgumentParser
import Foundation
import IoTLabApp

struct ClockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clock", abstract: "Show lab time or move it forward (TTLs, locks, throttle windows, batch intervals).",
        subcommands: [Show.self, Advance.self], defaultSubcommand: Show.self)

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print lab time and how far it runs ahead of real time.")
        func run() async throws {
            Output.emit(await WorkspaceAccess.run(.showClock, home: .current, workingDirectory: .currentDirectory))
        }
    }

    struct Advance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move lab time forward, e.g. 'iotlab clock advance 10m'; it never goes back.",
            discussion: "DURATION is a number of seconds or parts such as 90s, 10m, 2h, 1d or 1h30m.")

        @Argument(help: "How far to move the clock.")
        var duration: String

        func run() async throws {
            let span: LabDuration
            do {
                span = try LabDuration(parsing: duration)
            } catch {
                throw ValidationError(error.description)
            }
            Output.emit(await WorkspaceAccess.run(.advanceClock(span), home: .current, workingDirectory: .currentDirectory))
        }
    }
}
