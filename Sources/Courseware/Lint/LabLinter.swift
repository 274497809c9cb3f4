import Foundation

/// `iotlab lab lint`: the author's gate before a lab reaches learners (rustlings' `dev check`).
/// Refuses YAML errors, a step without checks, a step without hints or with an empty one, a
/// step without a solution, duplicate lab, step or check ids, and a simulate action whose
/// device file is missing. Each finding names the file and line.
public enum LabLinter {
    public static func lint(_ catalog: LabCatalog) -> [LabDefinitionError] {
        var findings = catalog.problems
        var labIds: [String: String] = [:]
        for lab in catalog.labs {
            if let first = labIds[lab.id] {
                findings.append(LabDefinitionError(file: lab.file, line: 1, message: "id: lab id '\(lab.id)' is also the id of \(first)"))
            }
            labIds[lab.id] = labIds[lab.id] ?? lab.file
            findings += lint(lab)
        }
        return findings
    }

    static func lint(_ lab: LabDefinition) -> [LabDefinitionError] {
        var findings: [LabDefinitionError] = []
        func finding(_ line: Int, _ message: String) { findings.append(LabDefinitionError(file: lab.file, line: line, message: message)) }
        var stepIds: Set<String> = []
        var checkIds: Set<String> = []
        for (index, step) in lab.steps.enumerated() {
            let path = "steps[\(index)]"
            if !stepIds.insert(step.id).inserted { finding(step.line, "\(path).id: duplicate step id '\(step.id)'") }
            if step.checks.isEmpty { finding(step.line, "\(path).checks: a step needs at least one check (grade the state it asks for)") }
            for check in step.checks where !checkIds.insert(check.id).inserted {
                finding(check.line, "\(path).checks: duplicate check id '\(check.id)'")
            }
            for check in step.checks where check.explain.isEmpty {
                finding(check.line, "\(path).checks: check '\(check.id)' needs an 'explain' saying what to do when it fails")
            }
            if step.hints.isEmpty { finding(step.line, "\(path).hints: a step needs at least one hint") }
            for (position, hint) in step.hints.enumerated() where hint.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                finding(step.line, "\(path).hints[\(position)]: an empty hint; give a hint or say why none is needed")
            }
            if step.solution.isEmpty { finding(step.line, "\(path).solution: a step needs a solution the test suite can replay") }
            for case .simulate(let file, _) in step.solution
            where !FileManager.default.fileExists(atPath: lab.folder.appendingPathComponent(file).path) {
                finding(step.line, "\(path).solution: the simulated device file \(file) is not in the lab folder")
            }
        }
        return findings
    }
}
