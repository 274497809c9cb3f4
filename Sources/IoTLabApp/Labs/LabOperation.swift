/// `iotlab lab ...` verbs that read or change the workspace, so they run in the process that
/// holds it (forwarded over the control socket while `iotlab serve` runs), where the lab's
/// simulated devices live too.
public enum LabOperation: Sendable, Equatable {
    case list(idsOnly: Bool)
    case show(lab: String)
    case start(lab: String)
    case check(lab: String, step: String?)
    case hint(lab: String)
    case reset(lab: String, step: String?)
    case solve(lab: String, step: String?)

    var arguments: [String] {
        switch self {
        case .list(let idsOnly): ["lab", "list"] + (idsOnly ? ["--ids"] : [])
        case .show(let lab): ["lab", "show", lab]
        case .start(let lab): ["lab", "start", lab]
        case .check(let lab, let step): ["lab", "check", lab] + (step.map { ["--step", $0] } ?? [])
        case .hint(let lab): ["lab", "hint", lab]
        case .reset(let lab, let step): ["lab", "reset", lab] + (step.map { ["--step", $0] } ?? [])
        case .solve(let lab, let step): ["lab", "solve", lab] + (step.map { ["--step", $0] } ?? [])
        }
    }

    /// Reads what `arguments` wrote (after `lab`); `nil` when it names no lab operation.
    init?(arguments: ArraySlice<String>) {
        let words = Array(arguments)
        let step: String? = words.count == 4 && words[2] == "--step" ? words[3] : nil
        guard words.count == 2 || step != nil || words == ["list"] || words == ["list", "--ids"] else { return nil }
        switch words[0] {
        case "list": self = .list(idsOnly: words.count == 2)
        case "show" where step == nil: self = .show(lab: words[1])
        case "start" where step == nil: self = .start(lab: words[1])
        case "hint" where step == nil: self = .hint(lab: words[1])
        case "check": self = .check(lab: words[1], step: step)
        case "reset": self = .reset(lab: words[1], step: step)
        case "solve": self = .solve(lab: words[1], step: step)
        default: return nil
        }
    }
}
