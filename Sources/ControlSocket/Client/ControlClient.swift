import NIOCore

/// The forwarding end of the control socket, used by an `iotlab` started while another process
/// holds the workspace.
public enum ControlClient {
    /// Sends `request` to the process listening on `socketPath` and returns its answer. Text the
    /// command prints while it runs goes to `output` as it arrives; without one it is kept and
    /// returned at the front of the response's standard output.
    ///
    /// Returns `nil` when nothing listens there (no socket file, or connecting is refused), so the
    /// caller can open the workspace itself instead.
    /// - Throws: ``ControlSocketError/closedBeforeResponse`` when the server hangs up without
    ///   answering, ``ControlSocketError/malformedFrame(_:)`` or
    ///   ``ControlSocketError/frameTooLarge(length:)`` when its answer cannot be read.
    public static func send(
        _ request: ControlRequest, socketPath: String, output: (@Sendable (String) -> Void)? = nil
    ) async throws -> ControlResponse? {
        guard let connection = try await ControlChannel.connectIfListening(socketPath: socketPath) else {
            return nil
        }
        return try await connection.executeThenClose { inbound, outbound in
            do {
                try await outbound.write(ControlFrame.encode(request))
                var kept = ""
                for try await body in inbound {
                    switch try ControlFrame.decode(ControlReply.self, from: body) {
                    case .output(let text):
                        if let output { output(text) } else { kept += text }
                    case .finished(var response):
                        response.standardOutput = kept + response.standardOutput
                        return response
                    }
                }
            } catch is IOError, is ChannelError {
                // A reset, or a write after the peer closed: the serving process went away
                // mid-exchange, which the caller sees the same as a clean hang-up.
            }
            throw ControlSocketError.closedBeforeResponse
        }
    }
}
