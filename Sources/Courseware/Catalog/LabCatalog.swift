import Foundation

/// The labs of a `Labs/` folder: every subfolder holding a `lab.yaml`, in folder-name order
/// (`01-...`, `02-...`), which is the course order.
public struct LabCatalog: Sendable {
    public let folder: URL
    /// The labs that could be read.
    public let labs: [LabDefinition]
    /// The definitions that could not be read, with file and line.
    public let problems: [LabDefinitionError]

    public init(folder: URL) {
        self.folder = folder
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        var labs: [LabDefinition] = []
        var problems: [LabDefinitionError] = []
        for name in names {
            let labFolder = folder.appendingPathComponent(name, isDirectory: true)
            guard FileManager.default.fileExists(atPath: labFolder.appendingPathComponent(LabDefinition.fileName).path) else { continue }
            do {
                labs.append(try LabDefinition(folder: labFolder, displayPath: "\(folder.lastPathComponent)/\(name)/\(LabDefinition.fileName)"))
            } catch {
                problems.append(error)
            }
        }
        self.labs = labs
        self.problems = problems
    }

    /// The lab with `id`, or the lab at 1-based position `id` in the course.
    public func lab(_ id: String) throws(LabCatalogError) -> LabDefinition {
        if let lab = labs.first(where: { $0.id == id }) { return lab }
        if let number = Int(id), labs.indices.contains(number - 1) { return labs[number - 1] }
        throw .labNotFound(id: id, available: labs.map(\.id))
    }
}

/// A lab or step that the catalog does not have.
public enum LabCatalogError: Error, Equatable, CustomStringConvertible {
    case labNotFound(id: String, available: [String])
    case stepNotFound(labId: String, step: String, count: Int)

    public var description: String {
        switch self {
        case .labNotFound(let id, let available):
            "LabNotFound: no lab '\(id)'; the labs are \(available.joined(separator: ", ")) (iotlab lab list)"
        case .stepNotFound(let labId, let step, let count):
            "StepNotFound: lab \(labId) has no step '\(step)'; give a step id or a number from 1 to \(count)"
        }
    }
}
