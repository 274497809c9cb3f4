import ArgumentParser
import IoTLabApp

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure iotlab (or another broker) under load.", subcommands: [BenchMQTTCommand.self])
}

struct BenchMQTTCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mqtt",
        abstract: "Publish from many MQTT connections and report messages/s and publish-to-PUBACK latency.",
        discussion: """
            Against iotlab (iotlab serve running):   iotlab bench mqtt --hub bench-hub --devices 100
            Against mosquitto on 1883, no TLS:       iotlab bench mqtt --port 1883 --no-tls --devices 100
            Idle connections and broker memory:      iotlab bench mqtt --hub bench-hub --devices 10000 --rate 0 --server-pid PID
            """)

    @Option(help: "Broker address.") var host = "127.0.0.1"
    @Option(help: "Broker port (8883: iotlab's MQTT over TLS).") var port = 8883
    @Flag(inversion: .prefixedNo, help: "TLS, verifying the server against --ca.") var tls = true
    @Option(help: "CA file for TLS (default: the workspace's CA).") var ca: String?
    @Option(help: "Server name checked against the certificate.") var serverName = "localhost"
    @Option(help: "How many connections publish.") var devices = 100
    @Option(help: "QoS 0 or 1.") var qos = 1
    @Option(help: "Payload bytes per message.") var payload = 256
    @Option(help: "Seconds of publishing once all are connected.") var duration = 10.0
    @Option(help: "Messages a second per connection (default: as fast as acknowledgements allow; 0: idle).") var rate: Double?
    @Option(help: "QoS 1 messages unacknowledged at once per connection.") var inFlight = 20
    @Option(help: "The iotlab hub whose devices publish (created if missing); omit for a plain broker.") var hub: String?
    @Option(help: "The broker's process id, to report its memory per connection.") var serverPid: Int32?
    @Option(name: [.short, .long], help: "text or json.") var output = "text"

    func validate() throws {
        guard qos == 0 || qos == 1 else { throw ValidationError("--qos must be 0 or 1 (IoT Hub does not support QoS 2)") }
        guard devices >= 1 else { throw ValidationError("--devices must be at least 1") }
        guard duration > 0 else { throw ValidationError("--duration must be more than 0 seconds") }
        guard ["text", "json"].contains(output) else { throw ValidationError("--output must be text or json") }
    }

    func run() async throws {
        var bench = MQTTBench()
        bench.host = host
        bench.port = port
        bench.tls = tls
        bench.caFile = ca
        bench.serverName = serverName
        bench.devices = devices
        bench.qosLevel = qos
        bench.payloadSize = payload
        bench.duration = duration
        bench.ratePerClient = rate
        bench.inFlightPerClient = inFlight
        bench.hub = hub
        bench.serverPID = serverPid
        print(try await bench.run(home: .current, workingDirectory: .currentDirectory, json: output == "json"), terminator: "")
    }
}
