import Foundation

/// azure-cli's `@file` arguments: a value written `@path` (or `--flag=@path`) is replaced by the
/// text of that file before parsing, resolved against the working directory, so
/// `--desired @twin.json` works in the console as it does in az. A `--query` keeps its `@`,
/// which is JMESPath's current node there.
struct FileArguments {
    let workingDirectory: URL

    func expand(_ arguments: [String]) throws(ConsoleError) -> [String] {
        var expanded: [String] = []
        for (index, token) in arguments.enumerated() {
            let previous = index > 0 ? arguments[index - 1] : ""
            if previous == "--query" || token.hasPrefix("--query=") {
                expanded.append(token)
            } else if index > 0, token.count > 1, token.hasPrefix("@") {
                expanded.append(try contents(of: String(token.dropFirst())))
            } else if token.hasPrefix("--"), let equals = token.range(of: "=@") {
                let path = String(token[equals.upperBound...])
                expanded.append(String(token[..<equals.lowerBound]) + "=" + (try contents(of: path)))
            } else {
                expanded.append(token)
            }
        }
        return expanded
    }

    private func contents(of path: String) throws(ConsoleError) -> String {
        let url = workingDirectory.resolvingCommandLinePath(path)
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .invalidValue("[Errno 2] No such file or directory: '\(path)'")
        }
    }
}
