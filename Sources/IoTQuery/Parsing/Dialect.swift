/// Which IoT query dialect a text is read in: the lexical and path rules that differ between them.
///
/// The dialects share tokens, the expression grammar and the evaluator. Routing conditions add two
/// things Azure documents only for them: system property names with hyphens (`$dt-dataschema`,
/// `$iothub-enqueuedtime`) and array element steps in paths (`$body.Weather.HistoricalData[0]`).
enum Dialect: Sendable {
    /// Twin, module and job queries, and conditions read against one document.
    case twinQuery
    /// Message routing conditions.
    case routing

    /// Whether a name that starts with `$` may go on with `-` and more letters, so that
    /// `$iothub-enqueuedtime` is one name rather than a subtraction.
    var allowsHyphenatedSystemNames: Bool { self == .routing }

    /// Whether a path may index an array with `[0]`.
    var allowsArrayIndexSteps: Bool { self == .routing }
}
