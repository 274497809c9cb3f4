import Foundation
import IoTSecurity

/// What the storage endpoint writer needs of a storage container routing endpoint: where its
/// blobs go, how they are named and encoded, and when a batch is written.
struct StorageTarget: Sendable, Equatable {
    /// How a batch is written.
    enum Encoding: Sendable, Equatable {
        case avro, avroDeflate, jsonLines
    }

    var name: String
    /// The storage account (`AccountName=` of the connection string, or the endpoint URI's host).
    var account: String
    var container: String
    var fileNameFormat: String
    var batchFrequency: TimeInterval
    var maxChunkBytes: Int
    var encoding: Encoding

    /// The account a storage connection string or endpoint URI names: `AccountName=acct;...`
    /// or `https://acct.blob.core.windows.net/`; `storage` when neither says.
    static func accountName(connectionString: String?, endpointUri: String?) -> String {
        if let account = connectionString.flatMap(accountName(connectionString:)) { return account }
        if let host = endpointUri.flatMap(URL.init(string:))?.host, let first = host.split(separator: ".").first {
            return String(first)
        }
        return "storage"
    }

    /// `AccountName` of a storage connection string, when it has a non-empty one.
    static func accountName(connectionString: String) -> String? {
        guard let name = (try? ConnectionString(parsing: connectionString))?["AccountName"], !name.isEmpty else { return nil }
        return name
    }
}
