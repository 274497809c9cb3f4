import HubEngine
import IoTSecurity

/// The `key=value&key=value` property bag at the end of telemetry, cloud-to-device and module
/// input topics (IoT Hub MQTT support, "Sending device-to-cloud messages").
///
/// Keys and values are percent-decoded; a key without `=` has an empty value; order is kept,
/// so application properties reach the hub in the order the device wrote them.
struct PropertyBag: Equatable {
    var pairs: [(key: String, value: String)]

    init(pairs: [(key: String, value: String)] = []) {
        self.pairs = pairs
    }

    /// Parses a bag as the device sent it (empty text is an empty bag).
    init(parsing text: Substring) {
        pairs = text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            guard let equals = pair.firstIndex(of: "=") else { return (PercentEncoding.decode(pair), "") }
            return (PercentEncoding.decode(pair[..<equals]), PercentEncoding.decode(pair[pair.index(after: equals)...]))
        }
    }

    /// The bag with every key and value fully percent-encoded, as the SDKs need it: a `/` left
    /// in a value would cut the bag short when they split the topic (reference §4.4).
    var encoded: String {
        pairs.map { PercentEncoding.encode($0.key) + "=" + PercentEncoding.encode($0.value) }.joined(separator: "&")
    }

    static func == (lhs: PropertyBag, rhs: PropertyBag) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.key == $1.key && $0.value == $1.value }
    }
}
