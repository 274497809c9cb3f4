/// Why the control socket could not carry a command.
public enum ControlSocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process already answers on this socket, so this one must not take it over.
    case alreadyServing(socketPath: String)
    /// The path is longer than a Unix-domain socket address can hold (104 bytes on macOS, 108 on
    /// Linux, the terminating NUL included); the caller must choose a shorter one.
    case socketPathTooLong(socketPath: String)
    /// A frame announced a body longer than the 16 MiB limit.
    case frameTooLarge(length: Int)
    /// A frame's body was not the JSON message expected.
    case malformedFrame(String)
    /// The serving process closed the connection before answering.
    case closedBeforeResponse

    public var description: String {
        switch self {
        case .alreadyServing(let socketPath):
            "another iotlab process is already serving this workspace on \(socketPath)"
        case .socketPathTooLong(let socketPath):
            "control socket path is too long for a Unix-domain socket (\(socketPath.utf8.count) bytes): \(socketPath)"
        case .frameTooLarge(let length):
            "control frame of \(length) bytes exceeds the \(ControlFrame.maximumLength)-byte limit"
        case .malformedFrame(let reason):
            "control frame is not a valid message: \(reason)"
        case .closedBeforeResponse:
            "the iotlab process serving this workspace closed the connection before answering"
        }
    }
}
