/// Why a load run could not go on, naming the client and what the broker said.
public enum MQTTLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broker answered CONNECT with a non-zero return code.
    case refused(clientId: String, returnCode: UInt8)
    /// The connection closed before the client finished.
    case connectionLost(clientId: String)

    public var description: String {
        switch self {
        case .refused(let clientId, let code):
            "the broker refused client \(clientId) with CONNACK return code \(code)\(code == 5 ? " (not authorized)" : "")"
        case .connectionLost(let clientId):
            "the connection of client \(clientId) closed before it finished"
        }
    }
}
