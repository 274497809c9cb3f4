import Foundation

extension LabDefinition {
    /// The name of a lab's definition file inside its folder.
    public static let fileName = "lab.yaml"

    /// Reads `folder/lab.yaml`; Markdown members that name a `.md` file of the folder are read
    /// from it. `displayPath` is how messages name the file (e.g. `Labs/x/lab.yaml`).
    public init(folder: URL, displayPath: String? = nil) throws(LabDefinitionError) {
        let url = folder.appendingPathComponent(Self.fileName)
        let file = displayPath ?? url.path
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw LabDefinitionError(file: file, line: 0, message: "cannot read the lab definition: \(error.localizedDescription)")
        }
        try self.init(yaml: text, folder: folder, file: file)
    }

    init(yaml: String, folder: URL, file: String) throws(LabDefinitionError) {
        let root = try YAMLField.document(yaml, file: file)
        _ = try root.members(allowing: [
            "id", "title", "skillArea", "objectives", "estimatedMinutes", "hub", "introduction", "setup", "steps",
        ])
        id = try root.required("id").nonEmptyString()
        title = try root.required("title").nonEmptyString()
        skillArea = try root.required("skillArea").nonEmptyString()
        objectives = try root.required("objectives").strings()
        estimatedMinutes = try root.required("estimatedMinutes").integer(in: 1...600)
        let hub = try root.required("hub").nonEmptyString()
        self.hub = hub
        introduction = try Self.markdown(root.required("introduction"), folder: folder)
        var setup: [LabAction] = []
        for item in try root.member("setup")?.sequence() ?? [] { setup.append(try LabAction(item, hub: hub)) }
        self.setup = setup
        let stepsField = try root.required("steps")
        var steps: [LabStep] = []
        for item in try stepsField.sequence() { steps.append(try LabStep(item, hub: hub, folder: folder, position: steps.count + 1)) }
        guard !steps.isEmpty else { throw stepsField.error("a lab needs at least one step") }
        self.steps = steps
        self.folder = folder
        self.file = file
    }

    /// Inline Markdown, or the contents of the `.md` file of the lab folder it names.
    static func markdown(_ field: YAMLField, folder: URL) throws(LabDefinitionError) -> String {
        let text = try field.nonEmptyString()
        guard text.hasSuffix(".md"), !text.contains("\n") else { return text }
        do {
            return try String(contentsOf: folder.appendingPathComponent(text), encoding: .utf8)
        } catch {
            throw field.error("cannot read \(text) in the lab folder")
        }
    }
}

extension LabStep {
    init(_ field: YAMLField, hub: String, folder: URL, position: Int) throws(LabDefinitionError) {
        _ = try field.members(allowing: ["id", "title", "instructions", "checks", "hints", "solution"])
        id = try field.required("id").nonEmptyString()
        title = try field.required("title").nonEmptyString()
        instructions = try LabDefinition.markdown(field.required("instructions"), folder: folder)
        var checks: [LabCheck] = []
        for item in try field.member("checks")?.sequence() ?? [] {
            checks.append(try LabCheck(item, hub: hub, defaultId: "\(id).\(checks.count + 1)"))
        }
        self.checks = checks
        var hints: [String] = []
        for item in try field.member("hints")?.sequence() ?? [] { hints.append(try item.string()) }
        self.hints = hints
        var solution: [LabAction] = []
        for item in try field.member("solution")?.sequence() ?? [] { solution.append(try LabAction(item, hub: hub)) }
        self.solution = solution
        line = field.line
    }
}
