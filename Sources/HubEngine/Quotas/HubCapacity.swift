/// A hub's SKU and unit count: the two facts every quota and throttle scales with.
///
/// Azure sizes a hub by tier (F, B, S), size (1, 2, 3) and units; the daily message quota and
/// every operation throttle are read from those (learn.microsoft.com, "IoT Hub quotas and
/// throttling"). Parsing the SKU once here keeps the tables keyed by size rather than by string.
/// The per-SKU maximum of units (1 for F1, 10 for x3, 200 otherwise) is enforced where hubs are
/// created and scaled; here a hub only needs at least one unit.
public struct HubCapacity: Sendable, Equatable {
    /// `F1`, `B1`, `B2`, `B3`, `S1`, `S2` or `S3`, upper-cased.
    public let skuName: String
    /// Free, basic or standard, from the SKU's letter.
    public let tier: HubTier
    /// The SKU's size, 1 to 3; F1 is size 1 and shares S1's throttles.
    public let size: Int
    /// The provisioned units, at least 1.
    public let units: Int

    /// Every SKU name Azure sells.
    public static let skuNames = ["F1", "B1", "B2", "B3", "S1", "S2", "S3"]

    /// Reads a SKU name such as `s1` and a unit count; an unknown SKU or fewer than one unit is
    /// `ArgumentInvalid`, naming the field.
    public init(skuName: String, units: Int) throws(HubError) {
        let upper = skuName.uppercased()
        guard Self.skuNames.contains(upper), let size = upper.last?.wholeNumberValue else {
            throw .argumentInvalid(
                field: "sku", rule: "must be one of \(Self.skuNames.joined(separator: ", ")), was '\(skuName)'")
        }
        guard units >= 1 else {
            throw .argumentInvalid(field: "units", rule: "a hub has at least 1 unit, was \(units)")
        }
        self.skuName = upper
        tier = HubTier(skuName: upper)
        self.size = size
        self.units = units
    }

    /// The capacity of the hub `settings` describe.
    public init(_ settings: HubSettings) throws(HubError) {
        try self.init(skuName: settings.skuName, units: settings.units)
    }
}
