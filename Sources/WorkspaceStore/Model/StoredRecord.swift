import Foundation

/// One stored document: the JSON `body` an engine wrote under `scope`/`collection`/`key`.
///
/// The store does not interpret `body`; engines own their JSON. A scope is usually one resource
/// (a hub, a DPS instance), a collection one kind of document in it (devices, twins, routes), and
/// the key the document's id, so a whole hub can be loaded or deleted at once.
public struct StoredRecord: Sendable, Equatable {
    public var scope: String
    public var collection: String
    public var key: String
    public var body: Data

    public init(scope: String, collection: String, key: String, body: Data) {
        self.scope = scope
        self.collection = collection
        self.key = key
        self.body = body
    }
}
