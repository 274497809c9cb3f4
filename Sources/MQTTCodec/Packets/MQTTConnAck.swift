/// A CONNACK packet (MQTT 3.1.1 §3.2): the server's answer to CONNECT.
public struct MQTTConnAck: Sendable, Equatable {
    /// The return codes of §3.2.2.3; the Azure SDKs map 1 and 2 to `ClientError`, 3 to
    /// `ConnectionFailedError`, 4 and 5 to `CredentialError`.
    public enum ReturnCode: UInt8, Sendable, Equatable, CaseIterable {
        case accepted = 0
        case unacceptableProtocolVersion = 1
        case identifierRejected = 2
        case serverUnavailable = 3
        case badUsernameOrPassword = 4
        case notAuthorized = 5
    }

    /// Whether the server resumed a stored session (only ever with `accepted`).
    public var sessionPresent: Bool
    public var returnCode: ReturnCode

    public init(sessionPresent: Bool = false, returnCode: ReturnCode) {
        self.sessionPresent = sessionPresent
        self.returnCode = returnCode
    }
}
