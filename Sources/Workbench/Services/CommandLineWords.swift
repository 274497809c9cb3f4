/// Splits a console line into arguments the way a shell would for what a learner types at the
/// az console: words separated by blanks, '...' literal, "..." with `\"`, a backslash escaping
/// the next character. No expansion, globbing or operators (the console runs no shell).
enum CommandLineWords {
    enum SplitError: Error, Equatable, CustomStringConvertible {
        case unterminatedQuote(Character)

        var description: String {
            switch self {
            case .unterminatedQuote(let quote): "ArgumentInvalid: the command line has an unterminated \(quote) quote"
            }
        }
    }

    static func split(_ line: String) throws(SplitError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            switch (quote, character) {
            case (nil, " "), (nil, "\t"):
                if inWord { words.append(current) }
                current = ""
                inWord = false
            case (nil, "'"), (nil, "\""):
                quote = character
                inWord = true
            case (nil, "\\"), ("\"", "\\"):
                escaped = true
                inWord = true
            case (let open?, _) where character == open:
                quote = nil
            default:
                current.append(character)
                inWord = true
            }
        }
        if let quote { throw .unterminatedQuote(quote) }
        if inWord { words.append(current) }
        return words
    }
}
