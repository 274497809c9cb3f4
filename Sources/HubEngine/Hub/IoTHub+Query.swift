import Foundation
import IoTQuery
import JSONValue

extension IoTHub {
    /// The default and largest page sizes (`x-ms-max-item-count`).
    static let defaultPageSize = 100
    static let maximumPageSize = 1000

    /// Runs an IoT Hub query (`SELECT * FROM devices WHERE tags.floor = 2`, `FROM devices.modules`)
    /// over the in-memory twin documents and returns one page.
    ///
    /// `pageSize` is clamped to 1000, as Azure does. The continuation token is opaque, tied to
    /// the query text, and stays valid across restarts because it holds an offset, not a cursor.
    public func query(_ text: String, pageSize: Int = 100, continuationToken: String? = nil) throws(HubError) -> QueryPage {
        try requireStandardFeatures("Queries")
        try admitAtOnce(.query)
        guard pageSize >= 1 else {
            throw .argumentInvalid(field: "pageSize", rule: "must be at least 1 (Azure allows up to \(Self.maximumPageSize))")
        }
        let size = min(pageSize, Self.maximumPageSize)
        let start = try continuationToken.map { (token) throws(HubError) in try Self.offset(in: token, for: text) } ?? 0
        let query: TwinQuery
        do {
            query = try TwinQuery(text)
        } catch {
            throw .invalidQuery(error)
        }
        let results: [JSONValue]
        if let remembered = state.queryAcceleration.rememberedResult(of: text) {
            results = remembered
        } else {
            results = rows(of: query)
            state.queryAcceleration.remember(results, of: text)
        }
        let end = min(results.count, start + size)
        let items = start < end ? Array(results[start..<end]) : []
        let next = end < results.count ? Self.token(offset: end, for: text) : nil
        return QueryPage(items: items, continuationToken: next)
    }

    /// Every row of `query`, in device-id order. An equality the query requires narrows the
    /// devices read to an index's candidates, which yields the same rows.
    private func rows(of query: TwinQuery) -> [JSONValue] {
        switch query.collection {
        case .devices:
            let documents = state.documents
            if let equality = query.requiredEqualities.first {
                let candidates = state.queryAcceleration.candidates(for: equality, documents: documents)
                return query.run(over: candidates.sorted().lazy.compactMap { documents[$0] })
            }
            return query.run(over: state.orderedDeviceIds().lazy.compactMap { documents[$0] })
        case .modules:
            return query.run(over: moduleDocuments())
        case .jobs:
            return []
        }
    }

    private func moduleDocuments() -> [JSONValue] {
        var documents: [JSONValue] = []
        for deviceId in state.orderedDeviceIds() {
            for module in state.orderedModules(of: deviceId) {
                if let document = state.documents[module.storageKey] { documents.append(document) }
            }
        }
        return documents
    }

    private static func token(offset: Int, for text: String) -> String {
        Data("\(offset):\(fingerprint(text))".utf8).base64EncodedString()
    }

    private static func offset(in token: String, for text: String) throws(HubError) -> Int {
        guard let data = Data(base64Encoded: token), let decoded = String(data: data, encoding: .utf8) else {
            throw .argumentInvalid(field: "continuationToken", rule: "is not a token this hub returned")
        }
        let parts = decoded.split(separator: ":")
        guard parts.count == 2, let offset = Int(parts[0]), offset >= 0 else {
            throw .argumentInvalid(field: "continuationToken", rule: "is not a token this hub returned")
        }
        guard parts[1] == fingerprint(text) else {
            throw .argumentInvalid(field: "continuationToken", rule: "belongs to a different query; send the same query text with it")
        }
        return offset
    }

    /// FNV-1a of the query text, stable across runs (unlike `hashValue`).
    private static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
