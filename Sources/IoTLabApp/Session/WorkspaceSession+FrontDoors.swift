import Foundation
import LabCore
import WireProtocols

extension WorkspaceSession {
    /// Starts the front doors over this session's cloud: the certificates are brought up to date
    /// for the hubs that exist now, then MQTT and HTTPS listen on `ports`; file uploads land in
    /// the workspace's blob folder, next to the storage endpoints' blobs.
    /// - Parameter tokenClock: the clock SAS expiry and certificate validity are checked against:
    ///   the real wall clock (the SDKs sign with it), even when lab time has been advanced.
    /// - Returns: where they listen.
    /// - Throws: ``WireProtocols/FrontDoorError`` naming a busy or forbidden port and its flag;
    ///   ``WireProtocols/FrontDoorCertificateError`` when the `tls` folder cannot be used.
    public func startFrontDoors(ports: FrontDoorPorts, tokenClock: any LabClock = SystemClock()) async throws -> FrontDoorEndpoints {
        let hubNames = await cloud.hubs().map(\.name)
        let certificates = try WorkspaceCertificates.load(
            home: home, hubNames: hubNames, provisioningHostNames: await cloud.provisioningServices().map(\.serviceHostName),
            listenHost: ports.host, now: tokenClock.now())
        let doors = try await FrontDoors.start(
            ports: ports, cloud: cloud, certificates: certificates, tokenClock: tokenClock, blobStore: blobStore)
        frontDoors = (doors, tokenClock)
        return doors.endpoints
    }

    /// Closes the listeners and every connection through them.
    public func stopFrontDoors() async throws {
        guard let (doors, _) = frontDoors else { return }
        frontDoors = nil
        try await doors.stop()
    }

    /// Where the front doors listen, `nil` when they do not run in this process.
    public var frontDoorEndpoints: FrontDoorEndpoints? { frontDoors?.doors.endpoints }

    /// After the cloud was rebuilt (workspace reset or import), serves the new one on the same
    /// ports: connections to the old hubs end, as when a hub is deleted.
    func restartFrontDoors() async throws {
        guard let (doors, tokenClock) = frontDoors else { return }
        let endpoints = doors.endpoints
        try await stopFrontDoors()
        _ = try await startFrontDoors(ports: endpoints.ports, tokenClock: tokenClock)
    }
}
