import Foundation
import JSONValue
import LabCore

/// A learner's progress in one lab: steps done or skipped, hints used, solutions revealed and
/// time spent. Kept in the workspace so it survives restarts (rustlings' progress file).
public struct LabProgress: Sendable, Equatable {
    public var labId: String
    public var startedAt: Date?
    public var lastActivity: Date?
    /// Time spent working, summed over the gaps between actions, each gap counted up to
    /// `idleCap` (a learner who walked away is not still working).
    public var secondsSpent: Double = 0
    /// Step ids whose checks all passed, in the order they did.
    public var stepsDone: [String] = []
    /// Step ids moved past without passing (`n` after an explicit skip); never silent.
    public var stepsSkipped: [String] = []
    /// How many hints of each step the learner has seen.
    public var hintsUsed: [String: Int] = [:]
    /// Step ids whose solution the learner asked for.
    public var solutionsRevealed: [String] = []

    /// The longest gap between two actions that counts as time spent.
    public static let idleCap: TimeInterval = 300

    public init(labId: String) {
        self.labId = labId
    }

    /// Whether the lab was started and not reset since.
    public var isStarted: Bool { startedAt != nil }

    /// Notes an action at `now`: starts the lab clock, adds the gap since the last action.
    public mutating func touch(at now: Date) {
        if startedAt == nil { startedAt = now }
        if let lastActivity { secondsSpent += min(max(now.timeIntervalSince(lastActivity), 0), Self.idleCap) }
        lastActivity = now
    }

    public mutating func markDone(_ stepId: String) {
        if !stepsDone.contains(stepId) { stepsDone.append(stepId) }
        stepsSkipped.removeAll { $0 == stepId }
    }

    /// Records an explicit skip (the workbench's `n` on a step that has not passed, confirmed).
    public mutating func markSkipped(_ stepId: String) {
        if !stepsDone.contains(stepId), !stepsSkipped.contains(stepId) { stepsSkipped.append(stepId) }
    }

    /// The first step of `lab` neither done nor skipped; `nil` when the lab is complete.
    public func currentStep(of lab: LabDefinition) -> LabStep? {
        lab.steps.first { !stepsDone.contains($0.id) && !stepsSkipped.contains($0.id) }
    }

    /// Forgets one step's state (done, skipped, hints, solution), as `r` resets a step.
    public mutating func resetStep(_ stepId: String) {
        stepsDone.removeAll { $0 == stepId }
        stepsSkipped.removeAll { $0 == stepId }
        hintsUsed[stepId] = nil
        solutionsRevealed.removeAll { $0 == stepId }
    }
}

extension LabProgress {
    /// The stored form.
    var json: JSONValue {
        var members: JSONObject = ["labId": .string(labId)]
        if let startedAt { members["startedAt"] = .string(AzureTimestamp.string(startedAt)) }
        if let lastActivity { members["lastActivity"] = .string(AzureTimestamp.string(lastActivity)) }
        members["secondsSpent"] = .double(secondsSpent)
        members["stepsDone"] = .array(stepsDone.map(JSONValue.string))
        members["stepsSkipped"] = .array(stepsSkipped.map(JSONValue.string))
        members["hintsUsed"] = .object(JSONObject(uniqueKeysWithValues: hintsUsed.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) }))
        members["solutionsRevealed"] = .array(solutionsRevealed.map(JSONValue.string))
        return .object(members)
    }

    /// Reads the stored form; members it does not know or cannot read are left at their defaults.
    init(json: JSONValue, labId: String) {
        self.init(labId: labId)
        startedAt = json["startedAt"]?.stringValue.flatMap(AzureTimestamp.date)
        lastActivity = json["lastActivity"]?.stringValue.flatMap(AzureTimestamp.date)
        switch json["secondsSpent"] {
        case .double(let value)?: secondsSpent = value
        case .integer(let value)?: secondsSpent = Double(value)
        default: break
        }
        func strings(_ name: String) -> [String] { json[name]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        stepsDone = strings("stepsDone")
        stepsSkipped = strings("stepsSkipped")
        solutionsRevealed = strings("solutionsRevealed")
        for (step, count) in json["hintsUsed"]?.objectValue ?? [:] {
            if case .integer(let used) = count { hintsUsed[step] = used }
        }
    }
}
