/// The aggregates a SELECT list may use: `COUNT()`, `SUM(x)`, `AVG(x)`, `MIN(x)`, `MAX(x)`.
enum Aggregate: String, Sendable {
    case count = "COUNT"
    case sum = "SUM"
    case average = "AVG"
    case minimum = "MIN"
    case maximum = "MAX"

    /// The aggregate a name refers to, in any letter case.
    init?(name: String) {
        self.init(rawValue: name.uppercased())
    }
}
