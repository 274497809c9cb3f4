import Foundation

/// One check of a step: a question about the workspace's state or behaviour, never about
/// keystrokes, with the explanation a learner sees when it fails.
public struct LabCheck: Sendable {
    /// Unique within the lab.
    public var id: String
    /// What to do to make it pass, in the learner's terms.
    public var explain: String
    public var kind: any LabCheckKind
    /// Where it is written in the definition file.
    public var line: Int

    /// The journal event kinds after which this check's result may change: a workbench re-runs
    /// the check when one of them is appended, as rustlings re-runs an exercise on save.
    public var journalKinds: Set<String> { kind.journalKinds }
}

/// A kind of check (`query`, `twin`, `route`, ...): one type per file, read from its YAML
/// member and evaluated against the local cloud.
public protocol LabCheckKind: Sendable {
    /// The member naming this kind in a check's YAML.
    static var key: String { get }
    /// Reads the kind's member (`field`), with the lab's hub and the check's other members.
    init(_ field: YAMLCheckField) throws(LabDefinitionError)
    var journalKinds: Set<String> { get }
    /// Pass or fail with expected and actual; a thrown error is the check's `error` status
    /// (it could not be evaluated), not a failure of the learner.
    func evaluate(in context: CheckContext) async throws -> CheckOutcome
}

/// What a check kind reads: its own member, the check's sibling members (`expect` beside
/// `query`) and the lab's hub.
public struct YAMLCheckField {
    let field: YAMLField
    let check: YAMLField
    let hub: String
}

/// A kind's verdict before it becomes a `CheckResult`.
public struct CheckOutcome: Sendable, Equatable {
    public var passed: Bool
    public var expected: String
    public var actual: String

    public init(passed: Bool, expected: String, actual: String) {
        self.passed = passed
        self.expected = expected
        self.actual = actual
    }
}
