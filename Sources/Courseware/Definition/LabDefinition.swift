import Foundation

/// One lab as its author wrote it in `Labs/<id>/lab.yaml`: what the learner reads, what the
/// workspace needs first, and for each step the checks that grade it, graduated hints and a
/// solution the test suite replays (DESIGN.md, "Lab definitions").
public struct LabDefinition: Sendable {
    public var id: String
    public var title: String
    /// The AZ-220 skill area the course map files the lab under.
    public var skillArea: String
    public var objectives: [String]
    public var estimatedMinutes: Int
    /// The hub the lab works on; checks that name no hub look here.
    public var hub: String
    /// The lab's introduction in Markdown.
    public var introduction: String
    /// Hidden state the lab needs before its first step (run by `lab start`).
    public var setup: [LabAction]
    public var steps: [LabStep]
    /// The lab's folder, where `starter/` and `solution/` code live.
    public var folder: URL
    /// The definition file, for messages.
    public var file: String

    /// The step with `id`, or the step at 1-based position `number` when `id` is a number.
    public func step(_ reference: String) -> LabStep? {
        if let number = Int(reference), steps.indices.contains(number - 1) { return steps[number - 1] }
        return steps.first { $0.id == reference }
    }

    /// Files under `starter/` or `solution/`, relative to the lab folder, sorted.
    public func codeFiles(in subfolder: String) -> [String] {
        let root = folder.appendingPathComponent(subfolder, isDirectory: true)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [String] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(subfolder + "/" + url.path.dropFirst(root.path.count + 1))
        }
        return files.sorted()
    }
}

/// One step: Markdown instructions, the checks that say it is done, hints from gentle to
/// explicit, and the solution.
public struct LabStep: Sendable {
    public var id: String
    public var title: String
    public var instructions: String
    public var checks: [LabCheck]
    /// Graduated: the learner sees them one by one; after the last comes the solution.
    public var hints: [String]
    public var solution: [LabAction]
    /// Where the step starts in the definition file.
    public var line: Int
}

/// Something done to the workspace on the learner's behalf: a lab's setup or a step's solution.
public enum LabAction: Sendable {
    /// An `az` command line (without `az`), run by the az console exactly as the learner would;
    /// `$NAME` words are replaced by what earlier actions saved. `saveAs` keeps the trimmed
    /// output for later actions (`--query ... -o tsv` as the official scripts do). `unless`
    /// skips it when that check already passes (setup that is safe to run twice).
    case az(arguments: [String], saveAs: String?, unless: LabCheck?)
    /// Starts the simulated device defined by a JSON file of the lab folder (the format of
    /// `Content/simulations`), on the lab's hub, as `iotlab sim start FILE` does.
    case simulate(definitionFile: String, deviceId: String?)

    /// The action as a learner would type it.
    public var commandLine: String {
        switch self {
        case .az(let arguments, let saveAs, _):
            let line = "az " + arguments.map(ShellWords.quoted).joined(separator: " ")
            return saveAs.map { "\($0)=$(\(line))" } ?? line
        case .simulate(let file, let deviceId):
            return "iotlab sim start " + ShellWords.quoted(file) + " -n $HUB" + (deviceId.map { " -d " + $0 } ?? "")
        }
    }
}
