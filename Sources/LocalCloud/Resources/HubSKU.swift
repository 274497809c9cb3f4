import HubEngine

/// An IoT Hub pricing tier and size, with the limits Resource Manager attaches to each.
public struct HubSKU: Sendable, Equatable {
    public let name: String

    /// Every SKU name `az iot hub create --sku` accepts.
    public static let names = HubCapacity.skuNames

    public init(_ name: String) throws(CloudError) {
        let upper = name.uppercased()
        guard Self.names.contains(upper) else {
            throw .argumentInvalid(field: "sku", rule: "must be one of \(Self.names.joined(separator: ", ")), was '\(name)'")
        }
        self.name = upper
    }

    /// `Free`, `Basic` or `Standard`, as `sku.tier` reads.
    public var tierName: String { HubTier(skuName: name).azureName }

    /// The most units Azure sells of this SKU: 1 for F1, 10 for B3/S3, 200 otherwise.
    public var maximumUnits: Int {
        switch name {
        case "F1": 1
        case "B3", "S3": 10
        default: 200
        }
    }

    /// Whether a hub may move from this SKU to `other`: a free hub cannot change, and a standard
    /// hub cannot become basic (Azure's rules for `az iot hub update --sku`).
    public func canChange(to other: HubSKU) -> Bool {
        if self == other { return true }
        let (from, to) = (HubTier(skuName: name), HubTier(skuName: other.name))
        if from == .free || to == .free { return false }
        return !(from == .standard && to == .basic)
    }
}
