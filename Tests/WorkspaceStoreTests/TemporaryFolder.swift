import Foundation

/// A fresh, unique folder path under the system's temporary directory (not yet created).
enum TemporaryFolder {
    static func make() -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("iotlab-store-tests-\(UUID().uuidString)", isDirectory: true)
    }
}
