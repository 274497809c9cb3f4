/// What routing decided for one message, without the trace: the routes that matched, where the
/// message goes, whether the fallback applied, and each route's error. All a delivery, its
/// metrics and its `MessageRouted` record need; the trace is rebuilt from the message when shown.
struct RoutingOutcome: Sendable {
    /// The indices, among the source's routes, of those that took the message.
    var matchedRoutes = RouteIndexSet()
    /// The endpoints the message goes to, each once, in route order.
    var endpoints: [String] = []
    var fallbackApplied = false
    /// The routes, by index among the source's routes, that could not be evaluated, with why.
    var errors: [(route: Int, text: String)] = []
}

/// A set of route indices below `RoutingConfiguration`'s limit of 100 routes, in two words, so
/// that recording which routes matched allocates nothing.
struct RouteIndexSet: Sendable, Equatable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    /// Indices from 128 on, which validation never lets a configuration have; `nil` (nothing to
    /// count references of) while there are none.
    private var beyond: Set<Int>?

    var isEmpty: Bool { low == 0 && high == 0 && beyond == nil }

    mutating func insert(_ index: Int) {
        switch index {
        case 0..<64: low |= 1 << UInt64(index)
        case 64..<128: high |= 1 << UInt64(index - 64)
        default: beyond = (beyond ?? []).union([index])
        }
    }

    func contains(_ index: Int) -> Bool {
        switch index {
        case 0..<64: low & (1 << UInt64(index)) != 0
        case 64..<128: high & (1 << UInt64(index - 64)) != 0
        default: beyond?.contains(index) ?? false
        }
    }
}
