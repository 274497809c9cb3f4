/// What `az iot hub create` asks for; unset members take Azure's defaults.
public struct HubCreation: Sendable, Equatable {
    public var name: String
    public var resourceGroup: String?
    public var location: String?
    /// S1 unless told otherwise, as Azure.
    public var skuName: String
    public var units: Int
    /// 4 unless told otherwise (2 on F1), 2 to 32.
    public var partitionCount: Int?
    /// Days the built-in endpoint keeps events, 1 to 7.
    public var retentionDays: Int
    public var tags: [String: String]

    public init(
        name: String, resourceGroup: String? = nil, location: String? = nil, skuName: String = "S1",
        units: Int = 1, partitionCount: Int? = nil, retentionDays: Int = 1, tags: [String: String] = [:]
    ) {
        self.name = name
        self.resourceGroup = resourceGroup
        self.location = location
        self.skuName = skuName
        self.units = units
        self.partitionCount = partitionCount
        self.retentionDays = retentionDays
        self.tags = tags
    }
}
