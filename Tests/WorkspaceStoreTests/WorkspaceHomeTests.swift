import Foundation
import Testing
import WorkspaceStore

@Suite struct WorkspaceHomeTests {
    private let scratch = TemporaryFolder()

    @Test func iotlabHomeWinsOverHome() {
        let home = WorkspaceHome(environment: ["IOTLAB_HOME": "/srv/lab", "HOME": "/home/ada"])
        #expect(home.folder.path == "/srv/lab")
        #expect(home.databaseURL.path == "/srv/lab/workspace.sqlite")
        #expect(home.controlSocketURL.path == "/srv/lab/control.sock")
        #expect(home.lockURL.path == "/srv/lab/workspace.lock")
        #expect(home.logsFolder.path == "/srv/lab/logs")
    }

    @Test func defaultIsLocalShareUnderHome() {
        let home = WorkspaceHome(environment: ["HOME": "/home/ada"])
        #expect(home.folder.path == "/home/ada/.local/share/iotlab")
    }

    @Test func emptyIotlabHomeFallsBackToTheDefault() {
        let home = WorkspaceHome(environment: ["IOTLAB_HOME": "", "HOME": "/home/ada"])
        #expect(home.folder.path == "/home/ada/.local/share/iotlab")
    }

    @Test func aTildeInIotlabHomeMeansTheUsersHome() {
        #expect(WorkspaceHome(environment: ["IOTLAB_HOME": "~/labs/one", "HOME": "/home/ada"]).folder.path == "/home/ada/labs/one")
        #expect(WorkspaceHome(environment: ["IOTLAB_HOME": "~", "HOME": "/home/ada"]).folder.path == "/home/ada")
    }

    @Test func aRelativeIotlabHomeIsResolvedAgainstTheCurrentFolder() {
        let home = WorkspaceHome(environment: ["IOTLAB_HOME": "lab-here"])
        #expect(home.folder.path == URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("lab-here").standardizedFileURL.path)
    }

    @Test func createIfNeededMakesAPrivateFolderWithLogs() throws {
        let home = WorkspaceHome(folder: scratch.url.appendingPathComponent("a/b"))
        try home.createIfNeeded()
        try home.createIfNeeded()  // idempotent
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: home.logsFolder.path, isDirectory: &isDirectory))
        #expect(isDirectory.boolValue)
        let permissions = try FileManager.default.attributesOfItem(atPath: home.folder.path)[.posixPermissions]
        #expect((permissions as? NSNumber)?.intValue == 0o700)
    }
}
