import ArgumentParser
import IoTLabApp

struct EndpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "endpoint", abstract: "Read what a routing endpoint received.", subcommands: [Read.self])

    struct Read: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the messages an endpoint received, oldest first.",
            discussion: """
                NAME is 'events' (the built-in endpoint), a Service Bus queue or topic, an Event Hubs
                endpoint, or a storage container endpoint (its batch not yet written as a blob; the blobs
                are files under $IOTLAB_HOME/blobs). Without --cg the endpoint is only peeked; with a
                consumer group, reading resumes where that group stopped and moves it on.
                """)

        @Argument(help: "The endpoint's name.") var name: String
        @Option(name: [.customShort("n"), .customLong("hub-name")], help: "The IoT hub.") var hub: String
        @Option(name: [.customLong("cg"), .customLong("consumer-group")], help: "Read as this consumer group, moving it on.")
        var consumerGroup: String?
        @Option(help: "Read at most this many messages.") var limit = 100
        @Option(name: [.short, .long], help: "text, or json (one monitor-events object per line).") var output: Format = .text

        enum Format: String, ExpressibleByArgument {
            case text, json
        }

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be 1 or more, was \(limit)") }
        }

        func run() async throws {
            let operation = WorkspaceOperation.readEndpoint(hub: hub, endpoint: name, consumerGroup: consumerGroup, limit: limit, json: output == .json)
            Output.emit(await WorkspaceAccess.run(operation, home: .current, workingDirectory: .currentDirectory))
        }
    }
}
