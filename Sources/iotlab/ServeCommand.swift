import ArgumentParser
import Foundation
import IoTLabApp
import LabCore
import WireProtocols
import WorkspaceStore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Hold the workspace and run the local cloud headless, with its front doors, until interrupted.",
        discussion: """
            While it runs, `iotlab az ...` in other shells acts through this process, and your own code \
            connects with the Azure SDKs: MQTT over TLS (devices, modules) and HTTPS (service and device \
            REST, MQTT over WebSockets). `iotlab info` prints the connection strings and the CA file.
            """)

    @Option(help: "The address to listen on; 0.0.0.0 serves a classroom.")
    var listen = FrontDoorPorts().host
    @Option(help: "The MQTT over TLS port; the Azure device SDKs always use 8883. 0 picks a free port.")
    var mqttPort = FrontDoorPorts().mqtt
    @Option(help: "The HTTPS port; 443 falls back to \(FrontDoors.httpsFallbackPort) when this process may not bind it. 0 picks a free port.")
    var httpsPort = FrontDoorPorts().https
    @Option(help: "Also serve MQTT over plain TCP on this port (off by default; Azure has no such port): for benchmarks and for reading MQTT on the wire. 0 picks a free port.")
    var mqttTCPPort: Int?

    func validate() throws {
        let ports = [("--mqtt-port", mqttPort), ("--https-port", httpsPort)] + (mqttTCPPort.map { [("--mqtt-tcp-port", $0)] } ?? [])
        for (flag, port) in ports where !(0...65_535).contains(port) {
            throw ValidationError("\(flag) must be a port from 0 to 65535, was \(port)")
        }
    }

    func run() async throws {
        let home = WorkspaceHome.current
        let server = try await WorkspaceServer.start(
            home: home, activity: Output.live, frontDoors: FrontDoorPorts(host: listen, mqtt: mqttPort, https: httpsPort, mqttTCP: mqttTCPPort))
        // Written unbuffered, like the simulated devices' activity, so the lines stay in order.
        Output.live("iotlab \(IoTLabVersion.current) serving workspace \(home.folder.path)\n")
        if let endpoints = await server.session.frontDoorEndpoints {
            Output.live(endpoints.lines.map { "listening \($0)\n" }.joined())
            if let note = endpoints.httpsNote { Output.live("note: \(note)\n") }
            Output.live("TLS CA \(home.tlsFolder.appendingPathComponent("ca.pem").path); `iotlab info` prints connection strings\n")
        }
        Output.live("control socket \(home.controlSocketURL.path); press Ctrl-C to stop\n")
        await Termination.wait()
        try await server.stop()
        Output.live("stopped\n")
    }
}
