import IoTQuery
import JSONValue

/// What makes repeated and selective twin queries cheap on a large hub: value indexes over the
/// device twin documents, and the rows of recent queries for their continuation pages.
///
/// Both live with the documents in `HubState`, which tells this about every document it changes,
/// so an index stays exact and a remembered result never outlives the registry it was read from.
struct QueryAcceleration: Sendable {
    private var indexes: [PropertyPath: PathIndex] = [:]
    private var recentResults: [String: [JSONValue]] = [:]

    /// How many query results are kept for their continuation pages.
    static let recentLimit = 8

    /// Keeps the indexes in step with changed device documents and forgets every remembered
    /// result, since any change may alter any query's rows.
    mutating func devicesChanged(_ deviceIds: [String], documents: [String: JSONValue]) {
        if !indexes.isEmpty {
            for path in indexes.keys {
                for deviceId in deviceIds {
                    indexes[path]?.update(id: deviceId, document: documents[deviceId])
                }
            }
        }
        recentResults.removeAll()
    }

    /// Forgets remembered results after a change to module twins.
    mutating func modulesChanged() {
        recentResults.removeAll()
    }

    func rememberedResult(of text: String) -> [JSONValue]? {
        recentResults[text]
    }

    mutating func remember(_ rows: [JSONValue], of text: String) {
        if recentResults.count >= Self.recentLimit, let victim = recentResults.keys.first {
            recentResults[victim] = nil
        }
        recentResults[text] = rows
    }

    /// The devices that can satisfy `equality`, building the path's index on first use.
    mutating func candidates(for equality: QueryEquality, documents: [String: JSONValue]) -> Set<String> {
        if indexes[equality.path] == nil {
            var index = PathIndex(path: equality.path)
            for (deviceId, document) in documents where !deviceId.contains("/") {
                index.update(id: deviceId, document: document)
            }
            indexes[equality.path] = index
        }
        return indexes[equality.path]?.candidates(matching: equality.values) ?? []
    }
}
