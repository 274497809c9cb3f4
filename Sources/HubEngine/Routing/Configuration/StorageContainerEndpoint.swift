import JSONValue

/// A storage container routing endpoint, as ARM holds it in `routing.endpoints.storageContainers`:
/// messages are batched and written as one blob per batch.
public struct StorageContainerEndpoint: Sendable, Equatable {
    /// How a batch file is written: Avro object containers (Azure's default) or JSON lines.
    public enum Encoding: String, Sendable, CaseIterable {
        case avro
        case avroDeflate
        case json = "JSON"
    }

    /// Azure's default blob name: every token, in this order.
    public static let defaultFileNameFormat = "{iothub}/{partition}/{YYYY}/{MM}/{DD}/{HH}/{mm}"
    /// The tokens a file name format must contain, each exactly once, in any order.
    public static let fileNameTokens = ["{iothub}", "{partition}", "{YYYY}", "{MM}", "{DD}", "{HH}", "{mm}"]
    /// 60–720 seconds, default 300.
    public static let batchFrequencyRange = 60...720
    /// 10–500 MB, default 300 MB.
    public static let maxChunkSizeRange = 10_485_760...524_288_000

    public var name: String
    public var id: String?
    public var connectionString: String?
    public var endpointUri: String?
    public var containerName: String
    public var fileNameFormat: String
    public var batchFrequencyInSeconds: Int
    public var maxChunkSizeInBytes: Int
    public var encoding: Encoding
    /// `keyBased` or `identityBased`.
    public var authenticationType: String?
    public var resourceGroup: String?
    public var subscriptionId: String?

    public init(
        name: String, containerName: String, connectionString: String? = nil, endpointUri: String? = nil, id: String? = nil,
        fileNameFormat: String = Self.defaultFileNameFormat, batchFrequencyInSeconds: Int = 300,
        maxChunkSizeInBytes: Int = 314_572_800, encoding: Encoding = .avro, authenticationType: String? = nil,
        resourceGroup: String? = nil, subscriptionId: String? = nil
    ) {
        self.name = name
        self.id = id
        self.connectionString = connectionString
        self.endpointUri = endpointUri
        self.containerName = containerName
        self.fileNameFormat = fileNameFormat
        self.batchFrequencyInSeconds = batchFrequencyInSeconds
        self.maxChunkSizeInBytes = maxChunkSizeInBytes
        self.encoding = encoding
        self.authenticationType = authenticationType
        self.resourceGroup = resourceGroup
        self.subscriptionId = subscriptionId
    }

    init(json: JSONValue, path: String) throws(HubError) {
        let fields = try JSONFields(json, path: path)
        let encodingName = try fields.choice("encoding", of: Encoding.allCases.map(\.rawValue))
        self.init(
            name: try fields.string("name") ?? "", containerName: try fields.string("containerName") ?? "",
            connectionString: try fields.string("connectionString"), endpointUri: try fields.string("endpointUri"),
            id: try fields.string("id"), fileNameFormat: try fields.string("fileNameFormat") ?? Self.defaultFileNameFormat,
            batchFrequencyInSeconds: try fields.integer("batchFrequencyInSeconds") ?? 300,
            maxChunkSizeInBytes: try fields.integer("maxChunkSizeInBytes") ?? 314_572_800,
            encoding: encodingName.flatMap(Encoding.init(rawValue:)) ?? .avro,
            authenticationType: try fields.string("authenticationType"), resourceGroup: try fields.string("resourceGroup"),
            subscriptionId: try fields.string("subscriptionId"))
    }

    /// The endpoint as the hub resource stores it, connection string included.
    public var json: JSONValue { json(maskingKeys: false) }

    /// The endpoint as `az iot hub routing-endpoint show` prints it when `maskingKeys`: the
    /// connection string's key replaced by `****`, as Resource Manager returns it.
    public func json(maskingKeys: Bool) -> JSONValue {
        RoutingEndpointMembers.json(
            name: name, id: id, connectionString: connectionString, endpointUri: endpointUri, authenticationType: authenticationType,
            resourceGroup: resourceGroup, subscriptionId: subscriptionId, maskingKeys: maskingKeys,
            adding: [
                "batchFrequencyInSeconds": .integer(batchFrequencyInSeconds), "containerName": .string(containerName),
                "encoding": .string(encoding.rawValue), "fileNameFormat": .string(fileNameFormat),
                "maxChunkSizeInBytes": .integer(maxChunkSizeInBytes),
            ])
    }
}
