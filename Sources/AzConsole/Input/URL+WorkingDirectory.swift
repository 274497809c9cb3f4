import Foundation

extension URL {
    /// A path from the command line: absolute as given, relative against this directory, as a
    /// shell resolves it against the directory the command runs in.
    func resolvingCommandLinePath(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : appendingPathComponent(path)
    }
}
