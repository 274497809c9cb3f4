import Foundation

/// A fresh temporary `tls` folder, removed when the test is done with it.
final class TLSTestFolder {
    let url: URL

    init() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("iotlab-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        url = parent.appendingPathComponent("tls")
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
}
