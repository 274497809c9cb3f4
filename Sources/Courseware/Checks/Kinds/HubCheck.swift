import LocalCloud

/// `hub: {name, sku, partitions}`: the IoT hub exists, with the tier and the number of
/// device-to-cloud partitions the lab asks for (official lab 02: S1, 4 partitions).
public struct HubCheck: LabCheckKind {
    public static let key = "hub"
    let name: String
    let sku: String?
    let partitions: Int?

    public init(_ field: YAMLCheckField) throws(LabDefinitionError) {
        let members = Dictionary(uniqueKeysWithValues: try field.field.members(allowing: ["name", "sku", "partitions"]))
        name = try members["name"]?.nonEmptyString() ?? field.hub
        sku = try members["sku"]?.nonEmptyString().uppercased()
        partitions = try members["partitions"]?.integer(in: 2...128)
    }

    public var journalKinds: Set<String> { JournalKinds.hubs }

    public func evaluate(in context: CheckContext) async throws -> CheckOutcome {
        let expected = "IoT hub \(name)" + (sku.map { ", SKU \($0)" } ?? "") + (partitions.map { ", \($0) partitions" } ?? "")
        guard let hub = try? await context.cloud.hub(named: name) else { return CheckContext.noHub(name, expected: expected) }
        let actual = "IoT hub \(hub.name), SKU \(hub.sku.name), \(hub.partitionCount) partitions"
        let passed = (sku == nil || sku == hub.sku.name) && (partitions == nil || partitions == hub.partitionCount)
        return CheckOutcome(passed: passed, expected: expected, actual: actual)
    }
}
