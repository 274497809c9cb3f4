extension String {
    /// The text without leading and trailing spaces (tabs are expanded before this is used).
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }

    /// Tabs as four spaces: a cell grid has no tab stops.
    func replacingTabs() -> String {
        guard contains("\t") else { return self }
        var result = ""
        for character in self {
            if character == "\t" { result += "    " } else { result.append(character) }
        }
        return result
    }
}
