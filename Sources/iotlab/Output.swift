import Foundation
import AzConsole
import IoTLabApp

/// Writes a command's output to the terminal and ends the process with its exit code.
///
/// A reader that goes away (`iotlab info | head -1`) ends the process quietly with the status a
/// shell gives a command stopped by SIGPIPE, as other Unix tools do, instead of trapping on the
/// failed write.
enum Output {
    static func emit(_ output: ConsoleResult) -> Never {
        send(output.standardOutput, to: .standardOutput)
        send(output.standardError, to: .standardError)
        exit(output.exitCode)
    }

    /// Writes lines straight to standard output (unbuffered, so `--follow` shows them at once).
    static func write(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        send(lines.joined(separator: "\n") + "\n", to: .standardOutput)
    }

    /// Writes what a long-running command prints the moment it prints it.
    static let live: @Sendable (String) -> Void = { text in
        send(text, to: .standardOutput)
    }

    /// Asks a question on the terminal without ending the line.
    static func prompt(_ question: String) {
        send(question, to: .standardOutput)
    }

    private static func send(_ text: String, to handle: FileHandle) {
        guard !text.isEmpty else { return }
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch where isBrokenPipe(error as NSError) {
            exit(141)
        } catch {
            // Anything else (a full disk) is said on standard error, if it still takes it.
            try? FileHandle.standardError.write(contentsOf: Data("iotlab: output could not be written: \(error)\n".utf8))
            exit(1)
        }
    }

    /// EPIPE, as Foundation reports it: a file write error wrapping the POSIX one.
    private static func isBrokenPipe(_ error: NSError) -> Bool {
        if error.domain == NSPOSIXErrorDomain { return error.code == Int(EPIPE) }
        return (error.userInfo[NSUnderlyingErrorKey] as? NSError).map(isBrokenPipe) ?? false
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
