/// What a command line asks for once its words are resolved against the catalog.
enum ParsedCommandLine: Sendable {
    /// `az iot hub`, `az iot hub --help`: print the group's help and succeed.
    case groupHelp([String])
    /// `az iot hub create --help`.
    case commandHelp(CommandSpec)
    /// A command to run with its checked arguments.
    case invocation(CommandSpec, ParsedArguments)
}

extension ParsedCommandLine {
    /// Resolves the command words, then reads the flags as az's argparse-based parser does:
    /// `--flag value`, `--flag=value`, short aliases, three-state booleans, multi-value lists.
    /// Anything it cannot read is a usage error (exit code 2) in az's wording.
    static func parse(_ arguments: [String], catalog: CommandCatalog) throws(ConsoleError) -> ParsedCommandLine {
        var path: [String] = []
        var index = 0
        while index < arguments.count, !arguments[index].hasPrefix("-") {
            let word = arguments[index]
            let candidate = path + [word]
            if catalog.isGroup(candidate) || catalog.command(at: candidate) != nil {
                path = candidate
                index += 1
                if catalog.command(at: path) != nil { break }
                continue
            }
            let groupName = (["az"] + path).joined(separator: " ")
            throw ConsoleError(
                message: "az: '\(word)' is not in the '\(groupName)' command group. See '\(groupName) --help'."
                    + CloseMatches.suggestion(for: word, in: catalog.childNames(of: path)),
                exitCode: 2)
        }
        let rest = Array(arguments[index...])
        guard let command = catalog.command(at: path) else {
            if let unknown = rest.first(where: { !Self.isHelp($0) }) {
                throw .usage("unrecognized arguments: \(unknown)")
            }
            return .groupHelp(path)
        }
        if rest.contains(where: Self.isHelp) { return .commandHelp(command) }
        return .invocation(command, try FlagReader(command: command, tokens: rest).read())
    }

    private static func isHelp(_ token: String) -> Bool { token == "--help" || token == "-h" }
}

/// Reads the flags of one command.
private struct FlagReader {
    let command: CommandSpec
    let tokens: [String]

    func read() throws(ConsoleError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var unrecognized: [String] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            var name = token
            var inlineValue: String?
            if token.hasPrefix("--"), let equals = token.firstIndex(of: "=") {
                name = String(token[..<equals])
                inlineValue = String(token[token.index(after: equals)...])
            }
            guard token.hasPrefix("-"), !Self.isNegativeNumber(token), let flag = try flag(named: name) else {
                unrecognized.append(token)
                continue
            }
            var values: [String] = inlineValue.map { [$0] } ?? []
            if inlineValue == nil {
                while index < tokens.count, Self.isValue(tokens[index]) {
                    values.append(tokens[index])
                    index += 1
                    if flag.kind != .list { break }
                }
            }
            try store(values, of: flag, into: &parsed)
        }
        if let first = unrecognized.first {
            let names = command.allFlags.flatMap(\.names).filter { $0.hasPrefix("--") }
            throw .usage(
                "unrecognized arguments: \(unrecognized.joined(separator: " "))"
                    + (first.hasPrefix("-") ? CloseMatches.suggestion(for: first, in: names) : ""))
        }
        let missing = command.flags.filter { $0.isRequired && !parsed.contains($0.key) }
        if !missing.isEmpty {
            throw .usage("the following arguments are required: " + missing.map(\.displayName).joined(separator: ", "))
        }
        return parsed
    }

    /// The flag a name means: an exact name, or else (as argparse allows) the one long name it
    /// abbreviates; an abbreviation of several is refused in argparse's words.
    private func flag(named name: String) throws(ConsoleError) -> FlagSpec? {
        if let exact = command.allFlags.first(where: { $0.names.contains(name) }) { return exact }
        guard name.hasPrefix("--"), name.count > 2 else { return nil }
        let candidates = command.allFlags.filter { $0.names.contains { $0.hasPrefix("--") && $0.hasPrefix(name) } }
        guard candidates.count <= 1 else {
            let names = candidates.flatMap { $0.names.filter { $0.hasPrefix(name) } }
            throw .usage("ambiguous option: \(name) could match \(names.joined(separator: ", "))")
        }
        return candidates.first
    }

    private func store(_ values: [String], of flag: FlagSpec, into parsed: inout ParsedArguments) throws(ConsoleError) {
        let argument = "argument \(flag.displayName)"
        switch flag.kind {
        case .presence:
            guard values.isEmpty else { throw .usage("unrecognized arguments: \(values.joined(separator: " "))") }
            parsed.set("true", for: flag.key)
        case .boolean:
            guard let value = values.first else {
                parsed.set("true", for: flag.key)
                return
            }
            switch value.lowercased() {
            case "true", "yes": parsed.set("true", for: flag.key)
            case "false", "no": parsed.set("false", for: flag.key)
            default: throw .usage("\(argument): invalid choice: '\(value)' (choose from 'false', 'true')")
            }
        case .list:
            guard !values.isEmpty else { throw .usage("\(argument): expected at least one argument") }
            for value in values { parsed.append(value, for: flag.key) }
        case .string, .json:
            guard let value = values.first else { throw .usage("\(argument): expected one argument") }
            parsed.set(value, for: flag.key)
        case .integer(let range):
            guard let value = values.first else { throw .usage("\(argument): expected one argument") }
            guard let number = Int(value) else { throw .usage("\(argument): invalid int value: '\(value)'") }
            if let range, !range.contains(number) {
                throw .usage(
                    "\(argument): invalid value \(number): must be between \(range.lowerBound) and \(range.upperBound)")
            }
            parsed.set(String(number), for: flag.key)
        case .choice(let choices):
            guard let value = values.first else { throw .usage("\(argument): expected one argument") }
            guard let match = choices.first(where: { $0.lowercased() == value.lowercased() }) else {
                let listed = choices.map { "'\($0)'" }.joined(separator: ", ")
                throw .usage("\(argument): invalid choice: '\(value)' (choose from \(listed))")
            }
            parsed.set(match, for: flag.key)
        }
    }

    /// A token is a value unless it looks like a flag; `-1` is a value, as argparse decides when
    /// no flag looks like a negative number.
    private static func isValue(_ token: String) -> Bool { !token.hasPrefix("-") || isNegativeNumber(token) }

    private static func isNegativeNumber(_ token: String) -> Bool {
        token.count > 1 && token.hasPrefix("-") && token.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }
}
