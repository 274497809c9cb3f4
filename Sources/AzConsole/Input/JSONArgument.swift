import Foundation
import JSONValue

/// Reads a flag that takes JSON (`--json`, `--desired`, `--tags`, `--content`): the text itself,
/// or the path of a file holding it, resolved against the console's working directory.
///
/// The azure-iot extension checks for a file first and parses the file's text; otherwise it
/// parses the argument; like the extension it also takes Python-literal notation (`{'a': True}`).
/// A parse failure names the flag and where the JSON reading stopped making sense.
struct JSONArgument {
    let workingDirectory: URL

    func read(_ text: String, flag: String) throws(ConsoleError) -> JSONValue {
        let file = resolve(text)
        var content = text
        var source = "the value"
        if let file {
            do {
                content = try String(contentsOf: file, encoding: .utf8)
                source = "file '\(file.path)'"
            } catch {
                throw .invalidValue("Cannot read the file '\(file.path)' given for \(flag): \(error.localizedDescription)")
            }
        }
        do {
            return try JSONValue(parsing: content)
        } catch {
            if let literal = PythonLiteral.parse(content) { return literal }
            var message = "Failed to parse json for argument '\(flag)' from \(source): \(error.reason) "
                + "at line \(error.line), column \(error.column)."
            if file == nil, text.hasSuffix(".json") {
                message += "\nNo file '\(text)' exists in \(workingDirectory.path); check the path."
            }
            throw .invalidValue(message)
        }
    }

    /// The file the text names, when it names an existing regular file.
    private func resolve(_ text: String) -> URL? {
        guard !text.isEmpty, !text.hasPrefix("{"), !text.hasPrefix("[") else { return nil }
        let url = workingDirectory.resolvingCommandLinePath(text)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return nil
        }
        return url
    }
}
