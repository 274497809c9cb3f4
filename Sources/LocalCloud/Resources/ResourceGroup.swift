import JSONValue

/// A resource group, the container the official lab scripts create first (`az group create`).
public struct ResourceGroup: Sendable, Equatable {
    public let name: String
    public var location: String
    public var tags: JSONObject

    public init(name: String, location: String, tags: JSONObject = [:]) {
        self.name = name
        self.location = location
        self.tags = tags
    }
}

extension ResourceGroup {
    /// The shape `az group show` prints.
    public func json(in subscription: Subscription) -> JSONValue {
        [
            "id": .string(subscription.resourceGroupID(name)),
            "location": .string(location),
            "managedBy": nil,
            "name": .string(name),
            "properties": ["provisioningState": "Succeeded"],
            "tags": tags.isEmpty ? nil : .object(tags),
            "type": "Microsoft.Resources/resourceGroups",
        ]
    }

    var record: JSONValue { ["name": .string(name), "location": .string(location), "tags": .object(tags)] }

    init?(record: JSONValue) {
        guard let name = record["name"]?.stringValue, let location = record["location"]?.stringValue else { return nil }
        self.init(name: name, location: location, tags: record["tags"]?.objectValue ?? [:])
    }
}
