import IoTQuery

/// The error texts of routes that could not be evaluated, spelled once per cause.
///
/// A route on a property most messages lack is undefined for most messages, and every
/// `MessageRouted` record carries its error; the text depends only on the cause (the path read
/// undefined first and why), so the hub spells it once and reuses it, instead of spelling it
/// for every message on the 200,000-a-second path.
struct RoutingErrorTexts: Sendable {
    /// How many causes are kept before the cache starts over (causes that name a malformed
    /// body's parse error can be as varied as the bodies).
    static let capacity = 1024

    private var texts: [RoutingEvaluation.ErrorKey: String] = [:]

    /// The error whose cause is `key`, from the cache when it was spelled before; `spelling`
    /// is evaluated only otherwise (a `nil` key, for an error that names a value, is never cached).
    mutating func error(key: RoutingEvaluation.ErrorKey?, spelling: @autoclosure () -> String?) -> String? {
        guard let key else { return spelling() }
        if let text = texts[key] { return text }
        guard let text = spelling() else { return nil }
        if texts.count >= Self.capacity { texts.removeAll(keepingCapacity: true) }
        texts[key] = text
        return text
    }
}
