import Foundation
import JSONValue

extension IoTHub {
    /// Counts an operation of `payloadBytes` against the day's message quota, in the tier's meter
    /// (4 KB blocks, 0.5 KB on F1; an empty payload is one message), as Azure bills C2D sends,
    /// twin reads and updates and direct-method requests and responses (IoT Hub billing
    /// information). Returns the quota as it was, so a caller whose transaction fails can put it
    /// back; refuses with `403002 IotHubQuotaExceeded`, counting nothing, when the day is used up.
    /// The caller writes the new count with `persistQuotaUsage(in:at:)` in its own transaction.
    func chargeQuota(payloadBytes: Int, at now: Date) throws(HubError) -> DailyMessageQuota? {
        prepareTelemetry(at: now)
        let before = telemetry.quota
        do {
            try telemetry.quota?.charge(payloadBytes: payloadBytes, at: now)
        } catch {
            throw .quota(error)
        }
        return before
    }

    /// A twin read's answer, charged by its size: the count is written in a transaction of its
    /// own, since a read writes nothing else; if that write fails the read fails and counts nothing.
    func chargedRead(_ document: JSONValue) throws(HubError) -> JSONValue {
        let now = clock.now()
        let before = try chargeQuota(payloadBytes: document.compactBytes.count, at: now)
        do {
            try write([], events: [], at: now, persistingQuota: true)
        } catch {
            telemetry.quota = before
            throw error
        }
        return document
    }
}
