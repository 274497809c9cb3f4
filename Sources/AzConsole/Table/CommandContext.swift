import Foundation
import JSONValue
import LocalCloud

/// What a command handler gets: its checked arguments, the files it may read and the cloud it
/// acts on, through the same service API every other front door uses.
struct CommandContext: Sendable {
    let cloud: LocalCloud
    let arguments: ParsedArguments
    let workingDirectory: URL
    /// Where a command that prints while it runs sends its text (see `AzConsole.run`).
    var lines = ConsoleLines(sink: nil)

    /// A required flag's value; the parser has already refused a command line without it.
    func required(_ key: String) throws(ConsoleError) -> String {
        guard let value = arguments.string(key) else {
            throw .usage("the following arguments are required: --\(key)")
        }
        return value
    }

    /// A JSON flag's document, inline or from a file; `nil` when the flag is absent.
    func json(_ key: String) throws(ConsoleError) -> JSONValue? {
        guard let text = arguments.string(key) else { return nil }
        return try JSONArgument(workingDirectory: workingDirectory).read(text, flag: key)
    }

    /// The `--set/--add/--remove` operations given, possibly none.
    func genericUpdate() throws(ConsoleError) -> GenericUpdate {
        try GenericUpdate(
            set: arguments.list("set"), add: arguments.list("add"), remove: arguments.list("remove"),
            forceString: arguments.boolean("force-string") == true)
    }
}
