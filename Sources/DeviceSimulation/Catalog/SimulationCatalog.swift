import Foundation

/// The simulation definitions in a folder (`Content/simulations/` for the labs' devices), one
/// JSON file each, found by the `name` inside.
public struct SimulationCatalog: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Every definition in the folder, by name; a file that breaks a rule stops the read and
    /// is named in the error, so a broken lab device is found before a learner starts it.
    public func definitions() throws -> [SimulationDefinition] {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { file in
            let text = try String(contentsOf: file, encoding: .utf8)
            do {
                return try SimulationDefinition(text: text)
            } catch {
                guard case SimulationError.invalidDefinition(let field, let reason) = error else { throw error }
                throw SimulationError.invalidDefinition(field: file.lastPathComponent + ": " + field, reason: reason)
            }
        }
        .sorted { $0.name < $1.name }
    }

    /// The definition called `name`.
    public func definition(named name: String) throws -> SimulationDefinition {
        let all = try definitions()
        guard let found = all.first(where: { $0.name == name }) else {
            throw SimulationError.definitionNotFound(name: name, available: all.map(\.name))
        }
        return found
    }
}
