import Foundation

/// Why a lab definition could not be read: always with the file and the line, so an author (or
/// `iotlab lab lint`) can go straight to it.
public struct LabDefinitionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file, as given to the loader (a path under `Labs/`).
    public var file: String
    /// 1-based; 0 when the problem is the file as a whole (unreadable, empty).
    public var line: Int
    public var column: Int
    /// What is wrong, naming the field and the rule.
    public var message: String

    public init(file: String, line: Int, column: Int = 0, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `Labs/x/lab.yaml:12:5: steps[0].checks: a step needs at least one check`.
    public var description: String {
        let position = line > 0 ? ":\(line)" + (column > 0 ? ":\(column)" : "") : ""
        return "\(file)\(position): \(message)"
    }
}
