import Foundation
import HubEngine
import JSONValue

/// A consumer group of a hub's built-in `events` endpoint, as Resource Manager lists it.
///
/// Readers on different groups each see every event; `$Default` exists on every hub from its
/// creation and cannot be deleted.
public struct ConsumerGroup: Sendable, Equatable {
    public let name: String
    public let created: Date

    public init(name: String, created: Date) {
        self.name = name
        self.created = created
    }

    /// The shape `az iot hub consumer-group show` prints: ARM's `EventHubConsumerGroupInfo`,
    /// with the creation time in HTTP-date form as the service writes it.
    public func json(hub: HubResource, in subscription: Subscription) -> JSONValue {
        let hubID = "\(subscription.resourceGroupID(hub.resourceGroup))/providers/Microsoft.Devices/IotHubs/\(hub.name)"
        return [
            "etag": nil,
            "id": .string("\(hubID)/eventHubEndpoints/events/ConsumerGroups/\(name)"),
            "name": .string(name),
            "properties": ["created": .string(Self.httpDate(created)), "properties": ["name": .string(name)]],
            "resourceGroup": .string(hub.resourceGroup),
            "type": "Microsoft.Devices/IotHubs/EventHubEndpoints/ConsumerGroups",
        ]
    }

    var record: JSONValue {
        ["name": .string(name), "created": .double(created.timeIntervalSince1970)]
    }

    init?(record: JSONValue) {
        guard let name = record["name"]?.stringValue, let created = record["created"]?.doubleValue else { return nil }
        self.init(name: name, created: Date(timeIntervalSince1970: created))
    }

    /// `Mon, 13 Mar 2023 20:51:01 GMT`.
    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
