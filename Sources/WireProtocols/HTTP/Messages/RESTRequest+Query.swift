import Foundation

extension RESTRequest {
    /// An integer query parameter or header within `range`, or `nil` when absent; anything else
    /// is `ArgumentInvalid` naming it and the range.
    func integerQuery(_ name: String, in range: ClosedRange<Int>) throws(RESTError) -> Int? {
        try Self.integer(query[name], named: name, in: range)
    }

    /// An integer header within `range` (`x-ms-max-item-count` is sent as a string).
    func integerHeader(_ name: String, in range: ClosedRange<Int>) throws(RESTError) -> Int? {
        try Self.integer(header(name), named: name, in: range)
    }

    private static func integer(_ text: String?, named name: String, in range: ClosedRange<Int>) throws(RESTError) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw .argumentInvalid(field: name, rule: "must be an integer from \(range.lowerBound) to \(range.upperBound); it is '\(text)'")
        }
        return value
    }
}
