import HubEngine
import JSONValue
import Testing

@Suite struct RoutingConfigurationTests {
    private let queue = ServiceBusEndpoint(name: "vibrationQueue", connectionString: "Endpoint=sb://ns.servicebus.windows.net/;EntityPath=q")
    private let storage = StorageContainerEndpoint(name: "vibrationLogEndpoint", containerName: "vibrationcontainer")

    @Test func newHubHasTheFallbackRouteToEventsAndNothingElse() throws {
        let routing = RoutingConfiguration()
        #expect(routing.routes.isEmpty)
        #expect(routing.fallbackRoute == MessageRoute(name: "$fallback", source: .deviceMessages, condition: "true", endpointNames: ["events"]))
        #expect(routing.json["fallbackRoute"]?["isEnabled"] == true)
        #expect(routing.json["endpoints"]?["storageContainers"] == .array([]))
    }

    @Test func jsonRoundTripsThroughAzShowShape() throws {
        let routing = RoutingConfiguration(
            endpoints: RoutingEndpoints(storageContainers: [storage], serviceBusQueues: [queue]),
            routes: [MessageRoute(name: "vibrationLoggingRoute", source: .deviceMessages, condition: #"sensorID = "VSLog""#, endpointNames: ["vibrationLogEndpoint"])],
            enrichments: [MessageEnrichment(key: "hub", value: "$iothubname", endpointNames: ["events"])])
        #expect(try RoutingConfiguration(json: routing.json) == routing)
        #expect(routing.routes.first?.json["source"] == "DeviceMessages")
        #expect(storage.json["fileNameFormat"] == "{iothub}/{partition}/{YYYY}/{MM}/{DD}/{HH}/{mm}")
        #expect(storage.json["encoding"] == "avro")
    }

    @Test func missingMembersTakeANewHubsValues() throws {
        let routing = try RoutingConfiguration(json: json(#"{"routes":[{"name":"r","source":"devicemessages","endpointNames":["events"]}]}"#))
        #expect(routing.routes == [MessageRoute(name: "r", source: .deviceMessages, condition: "true", endpointNames: ["events"], isEnabled: true)])
        #expect(routing.fallbackRoute == .defaultFallback)
    }

    @Test func unknownSourceNamesTheField() throws {
        #expect(throws: HubError.argumentInvalid(
            field: "properties.routing.routes[0].source",
            rule: "'Telemetry' is not one of DeviceMessages, TwinChangeEvents, DeviceLifecycleEvents, DeviceConnectionStateEvents, DeviceJobLifecycleEvents"
        )) {
            try RoutingConfiguration(json: json(#"{"routes":[{"name":"r","source":"Telemetry","endpointNames":["events"]}]}"#))
        }
    }

    @Test func freeTierTakesFiveRoutesNotSix() throws {
        let five = (1...5).map { MessageRoute(name: "r\($0)", source: .deviceMessages, endpointNames: ["events"]) }
        try RoutingConfiguration(routes: five).validated(for: .free)
        let six = five + [MessageRoute(name: "r6", source: .deviceMessages, endpointNames: ["events"])]
        #expect(throws: HubError.argumentInvalid(field: "properties.routing.routes", rule: "at most 5 routes on this tier, 6 given")) {
            try RoutingConfiguration(routes: six).validated(for: .free)
        }
        try RoutingConfiguration(routes: six).validated(for: .standard)
    }

    @Test func routeToAnUnknownEndpointIsRefused() {
        let routing = RoutingConfiguration(routes: [MessageRoute(name: "r", source: .deviceMessages, endpointNames: ["nowhere"])])
        #expect(throws: HubError.argumentInvalid(field: "properties.routing.routes[0].endpointNames", rule: "endpoint 'nowhere' does not exist")) {
            try routing.validated(for: .standard)
        }
    }

    @Test func conditionThatDoesNotParseIsRefusedWithItsPosition() throws {
        let routing = RoutingConfiguration(routes: [MessageRoute(name: "r", source: .deviceMessages, condition: "temperature >", endpointNames: ["events"])])
        let error = #expect(throws: HubError.self) { try routing.validated(for: .standard) }
        #expect(error?.description.hasPrefix("400004 ArgumentInvalid") == true)
        #expect(error?.description.contains("properties.routing.routes[0].condition") == true)
        #expect(error?.description.contains("column") == true)
    }

    @Test func storageBatchFrequencyIsSixtyToSevenHundredTwenty() throws {
        var endpoint = storage
        endpoint.batchFrequencyInSeconds = 60
        try RoutingConfiguration(endpoints: RoutingEndpoints(storageContainers: [endpoint])).validated(for: .standard)
        endpoint.batchFrequencyInSeconds = 59
        #expect(throws: HubError.argumentInvalid(
            field: "properties.routing.endpoints.storageContainers[0].batchFrequencyInSeconds", rule: "must be 60 to 720 seconds, was 59"
        )) {
            try RoutingConfiguration(endpoints: RoutingEndpoints(storageContainers: [endpoint])).validated(for: .standard)
        }
    }

    @Test func storageChunkSizeBelowTenMegabytesIsRefused() {
        var endpoint = storage
        endpoint.maxChunkSizeInBytes = 10_485_759
        #expect(throws: HubError.argumentInvalid(
            field: "properties.routing.endpoints.storageContainers[0].maxChunkSizeInBytes",
            rule: "must be 10485760 to 524288000 bytes (10–500 MB), was 10485759"
        )) {
            try RoutingConfiguration(endpoints: RoutingEndpoints(storageContainers: [endpoint])).validated(for: .standard)
        }
    }

    @Test func fileNameFormatMustHoldEveryToken() throws {
        var endpoint = storage
        endpoint.fileNameFormat = "{iothub}-{partition}-{YYYY}{MM}{DD}{HH}{mm}.avro"
        try RoutingConfiguration(endpoints: RoutingEndpoints(storageContainers: [endpoint])).validated(for: .standard)
        endpoint.fileNameFormat = "{iothub}/{partition}/{YYYY}/{MM}/{DD}/{HH}"
        #expect(throws: HubError.argumentInvalid(
            field: "properties.routing.endpoints.storageContainers[0].fileNameFormat",
            rule: "must contain each of {iothub} {partition} {YYYY} {MM} {DD} {HH} {mm} exactly once; {mm} is missing or repeated"
        )) {
            try RoutingConfiguration(endpoints: RoutingEndpoints(storageContainers: [endpoint])).validated(for: .standard)
        }
    }

    @Test func endpointsCannotTakeReservedOrDuplicateNames() {
        #expect(throws: HubError.argumentInvalid(field: "properties.routing.endpoints[Events].name", rule: "'Events' is a reserved endpoint name")) {
            try RoutingConfiguration(endpoints: RoutingEndpoints(serviceBusQueues: [ServiceBusEndpoint(name: "Events")])).validated(for: .standard)
        }
        let clash = RoutingEndpoints(serviceBusQueues: [queue], eventHubs: [EventHubEndpoint(name: "vibrationqueue")])
        #expect(throws: HubError.argumentInvalid(
            field: "properties.routing.endpoints[vibrationqueue].name", rule: "endpoint name 'vibrationqueue' is already used by another endpoint"
        )) {
            try RoutingConfiguration(endpoints: clash).validated(for: .standard)
        }
    }

    @Test func freeTierTakesOneCustomEndpoint() {
        let two = RoutingEndpoints(storageContainers: [storage], serviceBusQueues: [queue])
        #expect(throws: HubError.argumentInvalid(field: "properties.routing.endpoints", rule: "at most 1 custom endpoints on this tier, 2 given")) {
            try RoutingConfiguration(endpoints: two).validated(for: .free)
        }
    }

    @Test func enrichmentKeysFollowAzuresCharacterRulesAndFreeTierTakesTwo() throws {
        let bad = RoutingConfiguration(enrichments: [MessageEnrichment(key: "my key", value: "v", endpointNames: ["events"])])
        #expect(throws: HubError.argumentInvalid(
            field: "properties.routing.enrichments[0].key", rule: "'my key' must be letters, digits, '-', '_' or '.' and not empty"
        )) {
            try bad.validated(for: .standard)
        }
        let three = RoutingConfiguration(enrichments: ["a", "b", "c"].map { MessageEnrichment(key: $0, value: "v", endpointNames: ["events"]) })
        try three.validated(for: .standard)
        #expect(throws: HubError.argumentInvalid(field: "properties.routing.enrichments", rule: "at most 2 enrichments on this tier, 3 given")) {
            try three.validated(for: .free)
        }
    }

    @Test func shownConnectionStringsHideTheirKeysAsResourceManagerDoes() {
        let queue = ServiceBusEndpoint(name: "q", connectionString: "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=abc=;EntityPath=q")
        let routing = RoutingConfiguration(endpoints: RoutingEndpoints(serviceBusQueues: [queue]))
        #expect(queue.json(maskingKeys: true)["connectionString"] == "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=****;EntityPath=q")
        #expect(routing.json["endpoints"]?["serviceBusQueues"] == .array([queue.json]), "the stored form keeps the key")
    }
}
