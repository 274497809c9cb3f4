import HubEngine
import NIOCore

/// A connection's PUBLISHes waiting for their PUBACKs, in the order they arrived, as MQTT 3.1.1
/// §4.6 requires. Kept on the channel's event loop by `MQTTConnectionHandler`.
///
/// Telemetry waits for the hub's group commit; any other publish waits for the connection task
/// that handles it (a twin request, a method response, telemetry read before the session was
/// attached). Once the oldest is settled, every following one already settled goes with it, so
/// the PUBACKs of a whole group commit leave in one write (one TLS record, one system call).
struct MQTTAcknowledgementQueue {
    /// What a publish waits for before its PUBACK.
    enum Wait {
        /// Telemetry read in the current socket read, submitted with the rest of that read.
        case submitting
        /// Telemetry in the hub's group commit (message `index` of the batch `telemetry`):
        /// acknowledged once durable, refused otherwise.
        case commit(PendingTelemetry, index: Int)
        /// A publish the connection task is handling.
        case connectionTask
        /// Handled: acknowledge it.
        case handled
        /// Handled, and the connection task already sent its PUBACK because the answer had to
        /// follow it (a DPS request): drop it without a second PUBACK.
        case acknowledgedByConnectionTask
    }

    /// Why `acknowledgeSettled` stopped.
    enum Stop {
        case empty
        /// The oldest publish is telemetry not yet submitted: its read's batch is being gathered.
        case submitting
        /// The oldest publish is telemetry not yet committed.
        case committing(PendingTelemetry)
        /// The oldest publish is still with the connection task.
        case connectionTask
        /// The hub refused the oldest publish's telemetry (too large, quota, throttling): MQTT
        /// cannot say why, so the connection must close instead of leaving the client waiting.
        case refused
    }

    private struct Entry {
        /// `nil` at QoS 0: nothing to send, but a refusal still closes the connection.
        let packetId: UInt16?
        var wait: Wait
    }

    private var entries = CircularBuffer<Entry>(initialCapacity: 4)

    var count: Int { entries.count }

    mutating func append(packetId: UInt16?, waitingFor wait: Wait) {
        entries.append(Entry(packetId: packetId, wait: wait))
    }

    /// The telemetry of one socket read (the last `telemetry.count` publishes appended, all
    /// `.submitting`) went to the hub as the batch `telemetry`.
    mutating func submitted(_ telemetry: PendingTelemetry) {
        var position = entries.index(entries.endIndex, offsetBy: -telemetry.count)
        for index in 0..<telemetry.count {
            entries[position].wait = .commit(telemetry, index: index)
            position = entries.index(after: position)
        }
    }

    /// The connection task finished the oldest publish it was given; `wait` is `.handled` or
    /// `.acknowledgedByConnectionTask`, or `.commit` for telemetry it submitted.
    mutating func connectionTaskFinished(_ wait: Wait) {
        guard let index = entries.firstIndex(where: { if case .connectionTask = $0.wait { true } else { false } }) else { return }
        entries[index].wait = wait
    }

    /// Takes the settled publishes from the front, passing each packet id to `acknowledge`.
    mutating func acknowledgeSettled(_ acknowledge: (UInt16) -> Void) -> Stop {
        while let first = entries.first {
            switch first.wait {
            case .connectionTask:
                return .connectionTask
            case .submitting:
                return .submitting
            case .commit(let telemetry, let index):
                switch telemetry.settledOutcome(at: index) {
                case nil: return .committing(telemetry)
                case .failure: return .refused
                case .success: break
                }
            case .handled:
                break
            case .acknowledgedByConnectionTask:
                entries.removeFirst()
                continue
            }
            entries.removeFirst()
            if let packetId = first.packetId { acknowledge(packetId) }
        }
        return .empty
    }
}
