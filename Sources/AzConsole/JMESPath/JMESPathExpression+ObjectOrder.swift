extension JMESPathExpression {
    /// Whether the result's objects are built by a multiselect hash, whose key order az keeps
    /// (it evaluates queries into ordered dictionaries) where it sorts a command's own objects.
    var buildsObjects: Bool {
        switch self {
        case .multiSelectHash: true
        case .subexpression(_, let right), .listProjection(_, let right), .valueProjection(_, let right),
            .filterProjection(_, _, let right), .pipe(_, let right):
            right.buildsObjects
        default: false
        }
    }
}
