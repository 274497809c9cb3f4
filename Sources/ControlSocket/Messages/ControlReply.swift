/// One frame of the server's answer to a request: text the command printed while it ran, any
/// number of times, then the command's final result.
///
/// Long-running commands forwarded to the holder (`az iot device simulate` under `iotlab serve`)
/// print progress as they go; these frames carry it to the caller's terminal at once instead of
/// holding it until the command ends.
enum ControlReply: Codable, Sendable, Equatable {
    /// Text for the caller's standard output, printed as it arrives.
    case output(String)
    /// The command ended: what is left to print, and the exit status.
    case finished(ControlResponse)
}
