import NIOCore

/// The forwarding end of the control socket, used by an `iotlab` started while another process
/// holds the workspace.
public enum ControlClient {
    /// Sends `request` to the process listening on `socketPath` and returns its answer.
    ///
    /// Returns `nil` when nothing listens there (no socket file, or connecting is refused), so the
    /// caller can open the workspace itself instead.
    /// - Throws: ``ControlSocketError/closedBeforeResponse`` when the server hangs up without
    ///   answering, ``ControlSocketError/malformedFrame(_:)`` or
    ///   ``ControlSocketError/frameTooLarge(length:)`` when its answer cannot be read.
    public static func send(_ request: ControlRequest, socketPath: String) async throws -> ControlResponse? {
        guard let connection = try await ControlChannel.connectIfListening(socketPath: socketPath) else {
            return nil
        }
        return try await connection.executeThenClose { inbound, outbound in
            do {
                try await outbound.write(ControlFrame.encode(request))
                var frames = inbound.makeAsyncIterator()
                if let body = try await frames.next() {
                    return try ControlFrame.decode(ControlResponse.self, from: body)
                }
            } catch is IOError, is ChannelError {
                // A reset, or a write after the peer closed: the serving process went away
                // mid-exchange, which the caller sees the same as a clean hang-up.
            }
            throw ControlSocketError.closedBeforeResponse
        }
    }
}
