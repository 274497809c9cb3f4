/// Why the front doors could not start, naming the port and the flag that moves it.
public enum FrontDoorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process listens on the port already (often a second `iotlab serve` or mosquitto).
    case portInUse(port: Int, host: String, flag: String)
    /// The port needs privileges this process does not have.
    case portNotPermitted(port: Int, flag: String)
    /// Any other listening failure.
    case listenFailed(port: Int, flag: String, reason: String)

    public var description: String {
        switch self {
        case .portInUse(let port, let host, let flag):
            "port \(port) on \(host) is already in use by another program; stop it or choose another port with \(flag)"
        case .portNotPermitted(let port, let flag):
            "port \(port) needs privileges this process does not have; choose a port above 1023 with \(flag)"
        case .listenFailed(let port, let flag, let reason):
            "cannot listen on port \(port) (\(flag)): \(reason)"
        }
    }
}
