/// Where a routing condition's path is read from, as IoT Hub routing resolves its head:
/// `$body.…` in the JSON body, `$twin.…` in the sender's twin, another `$name` among the system
/// properties, a bare name among the application properties. Heads compare ignoring case.
enum RoutingRoot: Sendable, Hashable {
    case empty
    /// `$body` or `$twin`; `whole` when the path reads the document itself or indexes it
    /// (`$body`, `$body[0]`), which Azure leaves undefined.
    case document(RoutedDocument, whole: Bool)
    case dollarName
    case bareName

    init(segments: [String], indexSteps: Set<Int>) {
        guard let head = segments.first else {
            self = .empty
            return
        }
        guard head.utf8.first == UInt8(ascii: "$") else {
            self = .bareName
            return
        }
        let whole = segments.count < 2 || indexSteps.contains(1)
        if head.equalsIgnoringCase("$body") {
            self = .document(.body, whole: whole)
        } else if head.equalsIgnoringCase("$twin") {
            self = .document(.twin, whole: whole)
        } else {
            self = .dollarName
        }
    }
}
