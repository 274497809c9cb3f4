import HubEngine
import JSONValue
import LocalCloud

/// `az iot hub routing-endpoint create|list|show|delete` (core azure-cli): custom endpoints in
/// `properties.routing.endpoints`, with the flags the official lab scripts use.
enum RoutingEndpointCommands {
    static let groups = [GroupSpec("iot hub routing-endpoint", summary: "Manage custom endpoints of an IoT hub.")]
    static let types = ["azurestoragecontainer", "eventhub", "servicebusqueue", "servicebustopic"]

    static let endpointName = FlagSpec(["--endpoint-name", "--en", "-n"], required: true, help: "Name of the Routing Endpoint.")
    static let endpointType = FlagSpec(["--endpoint-type", "--type", "-t"], .choice(types), help: "Type of the Routing Endpoint.")

    static let commands = [
        CommandSpec(
            "iot hub routing-endpoint create", summary: "Add an endpoint to your IoT Hub.",
            details: "Locally --endpoint-resource-group and --endpoint-subscription-id may be left out: they default to the hub's. "
                + "Messages routed to the endpoint are kept in the workspace; read them with 'iotlab endpoint read NAME'.",
            flags: [
                RoutingFlags.hubName, CommonFlags.resourceGroup, endpointName,
                FlagSpec(["--endpoint-type", "--type", "-t"], .choice(types), required: true, help: "Type of the Routing Endpoint."),
                FlagSpec(["--endpoint-resource-group", "--erg", "-r"], help: "Resource group of the Endpoint resoure."),
                FlagSpec(["--endpoint-subscription-id", "-s"], help: "SubscriptionId of the Endpoint resource."),
                FlagSpec(["--connection-string", "-c"], help: "Connection string of the Routing Endpoint."),
                FlagSpec(["--container-name", "--container"], help: "Name of the storage container."),
                FlagSpec(["--encoding"], .choice(["avro", "json"]), default: "avro", help: "Encoding format for the container."),
                FlagSpec(["--batch-frequency", "-b"], .integer(60...720), default: "300", help: "Request batch frequency in seconds. The maximum amount of time that can elapse before data is written to a blob, between 60 and 720 seconds."),
                FlagSpec(["--chunk-size", "-w"], .integer(10...500), default: "300", help: "Request chunk size in megabytes(MB). The maximum size of blobs, between 10 and 500 MB."),
                FlagSpec(["--file-name-format", "--ff"], default: StorageContainerEndpoint.defaultFileNameFormat, help: "File name format for the blob. The file name format must contain {iothub}, {partition}, {YYYY}, {MM}, {DD}, {HH} and {mm} fields. All parameters are mandatory but can be reordered with or without delimiters."),
                FlagSpec(["--auth-type"], .choice(["identityBased", "keyBased"]), help: "Authentication type for the endpoint. The default is keyBased."),
                FlagSpec(["--endpoint-uri"], help: "The uri of the endpoint resource."),
                FlagSpec(["--entity-path"], help: "The entity path of the endpoint resource."),
            ]
        ) { context in
            let hub = try await RoutingFlags.hub(context)
            let arguments = context.arguments
            let name = try context.required(endpointName.key)
            let type = try context.required(endpointType.key).lowercased()
            let group = arguments.string("endpoint-resource-group") ?? hub.resourceGroup
            let subscription = arguments.string("endpoint-subscription-id") ?? context.cloud.subscription.id
            let connection = arguments.string("connection-string")
            if type == "azurestoragecontainer" {
                guard let container = arguments.string("container-name") else { throw ConsoleError.invalidValue("Container name is required.") }
                let storage = StorageContainerEndpoint(
                    name: name, containerName: container, connectionString: connection, endpointUri: arguments.string("endpoint-uri"),
                    fileNameFormat: arguments.string("file-name-format") ?? StorageContainerEndpoint.defaultFileNameFormat,
                    batchFrequencyInSeconds: arguments.integer("batch-frequency") ?? 300,
                    maxChunkSizeInBytes: (arguments.integer("chunk-size") ?? 300) * 1_048_576,
                    encoding: arguments.string("encoding")?.lowercased() == "json" ? .json : .avro,
                    authenticationType: arguments.string("auth-type"), resourceGroup: group, subscriptionId: subscription)
                return try await RoutingFlags.update(context) { $0.endpoints.storageContainers.append(storage) }
                    .json(in: context.cloud.subscription)
            }
            let endpoint = MessagingEndpoint(
                name: name, connectionString: connection, endpointUri: arguments.string("endpoint-uri"),
                entityPath: arguments.string("entity-path"), authenticationType: arguments.string("auth-type"),
                resourceGroup: group, subscriptionId: subscription)
            return try await RoutingFlags.update(context) { routing in
                switch type {
                case "eventhub": routing.endpoints.eventHubs.append(endpoint)
                case "servicebusqueue": routing.endpoints.serviceBusQueues.append(endpoint)
                default: routing.endpoints.serviceBusTopics.append(endpoint)
                }
            }.json(in: context.cloud.subscription)
        },
        CommandSpec(
            "iot hub routing-endpoint list", summary: "Get information on all the endpoints for your IoT Hub.",
            flags: [RoutingFlags.hubName, CommonFlags.resourceGroup, endpointType]
        ) { context in
            let endpoints = try await RoutingFlags.hub(context).routing.endpoints
            switch context.arguments.string(endpointType.key)?.lowercased() {
            case "eventhub"?: return .array(endpoints.eventHubs.map { $0.json(maskingKeys: true) })
            case "servicebusqueue"?: return .array(endpoints.serviceBusQueues.map { $0.json(maskingKeys: true) })
            case "servicebustopic"?: return .array(endpoints.serviceBusTopics.map { $0.json(maskingKeys: true) })
            case "azurestoragecontainer"?: return .array(endpoints.storageContainers.map { $0.json(maskingKeys: true) })
            default: return endpoints.json(maskingKeys: true)
            }
        },
        CommandSpec(
            "iot hub routing-endpoint show", summary: "Get information on mentioned endpoint for your IoT Hub.",
            flags: [RoutingFlags.hubName, CommonFlags.resourceGroup, endpointName]
        ) { context in
            let endpoints = try await RoutingFlags.hub(context).routing.endpoints
            let name = try context.required(endpointName.key)
            func same(_ other: String) -> Bool { other.caseInsensitiveCompare(name) == .orderedSame }
            if let found = endpoints.eventHubs.first(where: { same($0.name) }) { return found.json(maskingKeys: true) }
            if let found = endpoints.serviceBusQueues.first(where: { same($0.name) }) { return found.json(maskingKeys: true) }
            if let found = endpoints.serviceBusTopics.first(where: { same($0.name) }) { return found.json(maskingKeys: true) }
            if let found = endpoints.storageContainers.first(where: { same($0.name) }) { return found.json(maskingKeys: true) }
            throw ConsoleError.invalidValue("No endpoint found.")
        },
        CommandSpec(
            "iot hub routing-endpoint delete", summary: "Delete all or mentioned endpoint for your IoT Hub.",
            details: "Routes and enrichments that still name a deleted endpoint make the update fail, as in Azure.",
            flags: [
                RoutingFlags.hubName, CommonFlags.resourceGroup,
                FlagSpec(["--endpoint-name", "--en", "-n"], help: "Name of the Routing Endpoint."), endpointType,
            ]
        ) { context in
            let name = context.arguments.string(endpointName.key)?.lowercased()
            let type = context.arguments.string(endpointType.key)?.lowercased()
            return try await RoutingFlags.update(context) { routing in
                func keep(_ endpointName: String, _ endpointType: String) -> Bool {
                    !((name == nil || endpointName.lowercased() == name) && (type == nil || type == endpointType))
                }
                routing.endpoints.eventHubs.removeAll { !keep($0.name, "eventhub") }
                routing.endpoints.serviceBusQueues.removeAll { !keep($0.name, "servicebusqueue") }
                routing.endpoints.serviceBusTopics.removeAll { !keep($0.name, "servicebustopic") }
                routing.endpoints.storageContainers.removeAll { !keep($0.name, "azurestoragecontainer") }
            }.json(in: context.cloud.subscription)
        },
    ]
}
