/// An Azure connection string: `HostName=h;DeviceId=d;SharedAccessKey=k`.
///
/// Hubs, devices, modules, policies and DPS all hand these out, and users paste them back. The pairs
/// keep their order so that a string the lab prints reads exactly as Azure's would; keys are
/// looked up without regard to case, as the SDKs do.
public struct ConnectionString: Sendable, Equatable, CustomStringConvertible {
    /// The `key=value` pairs in the order written.
    public let pairs: [(key: String, value: String)]

    /// A connection string made of `pairs`, in order, e.g. the one a new device's
    /// `az iot hub device-identity connection-string show` prints.
    public init(_ pairs: [(String, String)]) {
        self.pairs = pairs.map { (key: $0.0, value: $0.1) }
    }

    /// The value for `key`, compared without regard to case (`hostname` finds `HostName`); the
    /// first match wins.
    public subscript(key: String) -> String? {
        let wanted = key.lowercased()
        return pairs.first { $0.key.lowercased() == wanted }?.value
    }

    /// The pairs joined as Azure prints them: `key=value` separated by `;`, no trailing `;`.
    public var description: String {
        pairs.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }

    public static func == (lhs: ConnectionString, rhs: ConnectionString) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.key == $1.key && $0.value == $1.value }
    }
}
