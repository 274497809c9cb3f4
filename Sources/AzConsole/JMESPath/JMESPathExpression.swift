import JSONValue

/// A compiled `--query` expression: the subset of JMESPath the az CLI's users (and the official
/// AZ-220 lab scripts) write: paths, indexes and slices, projections, flatten, filters,
/// comparisons, `&&`/`||`/`!`, literals, multiselect lists and hashes, pipes and a few functions.
indirect enum JMESPathExpression: Equatable, Sendable {
    case current
    case field(String)
    case subexpression(JMESPathExpression, JMESPathExpression)
    case index(JMESPathExpression, Int)
    case slice(JMESPathExpression, start: Int?, stop: Int?, step: Int?)
    /// Evaluates the right side against each element of the array the left side yields.
    case listProjection(JMESPathExpression, JMESPathExpression)
    /// Evaluates the right side against each member value of the object the left side yields.
    case valueProjection(JMESPathExpression, JMESPathExpression)
    case flatten(JMESPathExpression)
    case filterProjection(JMESPathExpression, condition: JMESPathExpression, JMESPathExpression)
    case comparison(JMESPathComparator, JMESPathExpression, JMESPathExpression)
    case and(JMESPathExpression, JMESPathExpression)
    case or(JMESPathExpression, JMESPathExpression)
    case not(JMESPathExpression)
    case literal(JSONValue)
    case multiSelectList([JMESPathExpression])
    case multiSelectHash([JMESPathKeyedExpression])
    case function(JMESPathFunction, [JMESPathExpression])
    case pipe(JMESPathExpression, JMESPathExpression)
}

/// One `key: expression` entry of a multiselect hash, kept in the order written.
struct JMESPathKeyedExpression: Equatable, Sendable {
    let key: String
    let expression: JMESPathExpression
}

enum JMESPathComparator: Equatable, Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
}
