import Foundation
import JSONValue

/// One row a change writes: a record body, or `nil` to delete the record.
struct StoreRow: Sendable {
    let collection: String
    let key: String
    let body: Data?
}

extension HubChange {
    static let devicesCollection = "devices"
    static let modulesCollection = "modules"
    static let twinsCollection = "twins"

    /// The rows to write, bodies as compact JSON.
    ///
    /// Encoding is most of the cost of a bulk import, and it needs nothing but the values, so a
    /// large batch is encoded in parallel before the write transaction starts, which also keeps
    /// the transaction short.
    func storeRows() -> [StoreRow] {
        var pending: [(collection: String, key: String, value: PendingValue)] = []
        pending.reserveCapacity(devices.count + modules.count + twins.count)
        for (key, device) in devices { pending.append((Self.devicesCollection, key, .device(device))) }
        for (key, module) in modules { pending.append((Self.modulesCollection, key, .module(module))) }
        for (key, twin) in twins { pending.append((Self.twinsCollection, key, .twin(twin))) }
        let bodies = Self.encode(pending.map(\.value))
        return pending.indices.map { StoreRow(collection: pending[$0].collection, key: pending[$0].key, body: bodies[$0]) }
    }

    /// A record's value before encoding; `nil` inside means a deletion.
    private enum PendingValue: Sendable {
        case device(DeviceIdentity?)
        case module(ModuleIdentity?)
        case twin(TwinState?)

        var document: JSONValue? {
            switch self {
            case .device(let device): device?.json
            case .module(let module): module?.json
            case .twin(let twin): twin?.storedJSON
            }
        }
    }

    private static func encode(_ values: [PendingValue]) -> [Data?] {
        ParallelMap.map(values) { value in value.document.map { Data($0.serialized(.compact).utf8) } }
    }
}
