import JSONValue

/// The members Resource Manager gives every custom routing endpoint (Service Bus, Event Hubs,
/// storage), written once: each endpoint type adds its own and the object keeps ARM's
/// alphabetical order.
enum RoutingEndpointMembers {
    static func json(
        name: String, id: String?, connectionString: String?, endpointUri: String?, authenticationType: String?,
        resourceGroup: String?, subscriptionId: String?, maskingKeys: Bool, adding own: JSONObject
    ) -> JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        var members: JSONObject = [
            "authenticationType": optional(authenticationType),
            "connectionString": optional(maskingKeys ? connectionString.map(ConnectionStringMasking.masked) : connectionString),
            "endpointUri": optional(endpointUri), "id": optional(id), "identity": .null, "name": .string(name),
            "resourceGroup": optional(resourceGroup), "subscriptionId": optional(subscriptionId),
        ]
        members.merge(own) { _, added in added }
        members.sort { $0.key < $1.key }
        return .object(members)
    }
}
