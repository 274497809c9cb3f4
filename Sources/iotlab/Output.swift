import Foundation
import AzConsole
import IoTLabApp

/// Writes a command's output to the terminal and ends the process with its exit code.
enum Output {
    static func emit(_ output: ConsoleResult) -> Never {
        FileHandle.standardOutput.write(Data(output.standardOutput.utf8))
        FileHandle.standardError.write(Data(output.standardError.utf8))
        exit(output.exitCode)
    }

    /// Writes lines straight to standard output (unbuffered, so `--follow` shows them at once).
    static func write(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Writes what a long-running command prints the moment it prints it.
    static let live: @Sendable (String) -> Void = { text in
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Asks a question on the terminal without ending the line.
    static func prompt(_ question: String) {
        FileHandle.standardOutput.write(Data(question.utf8))
    }
}

/// Standard input, when a file or pipe provides it (never waits on a terminal).
enum StandardInput {
    static func readIfPiped() -> String? {
        guard isatty(FileHandle.standardInput.fileDescriptor) == 0 else { return nil }
        var stat = stat()
        guard fstat(FileHandle.standardInput.fileDescriptor, &stat) == 0,
            (stat.st_mode & S_IFMT) == S_IFIFO || (stat.st_mode & S_IFMT) == S_IFREG
        else { return nil }
        return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}
