import Foundation
import JSONValue

extension IoTHub {
    /// Invokes a direct method on a device or module and returns its answer
    /// (`az iot hub invoke-device-method`, `invoke-module-method`).
    ///
    /// Azure's rules: standard or free tier; timeouts and the 128 KB payload limit checked first;
    /// a target not connected and subscribed to methods is `DeviceNotOnline` (404103) once
    /// `connectTimeout` has passed on the hub's clock (at once when it is 0); a device that does
    /// not answer within `responseTimeout` is `GatewayTimeout` (504101). Calls beyond the tier's
    /// method throttle (4 KB blocks of payload) wait on the clock, then get 429. Every outcome is
    /// journalled as `MethodInvoked` and counted as `c2d.methods.success` or `.failure`.
    public func invokeMethod(_ call: DirectMethodCall, onDevice deviceId: String, module moduleId: String? = nil) async throws -> DirectMethodResult {
        try requireStandardFeatures("Direct methods")
        try call.validate()
        let sender = MessageSender(deviceId: deviceId, moduleId: moduleId)
        try requireReachable(sender)
        try requireQuota(for: call)
        try await admit(.directMethod, cost: HubOperation.directMethod.throttleCost(payloadBytes: call.payload.compactBytes.count))
        try requireReachable(sender)
        let requestId = methodCalls.nextRequestId()
        let outcome: Result<DirectMethodResult, any Error>
        do {
            let result = try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    startMethodCall(MethodRequest(requestId: requestId, methodName: call.methodName, payload: call.payload),
                                    to: sender.key, call: call, continuation: continuation)
                }
            } onCancel: {
                Task { await self.endMethodCall(requestId, with: .failure(CancellationError())) }
            }
            outcome = .success(result)
        } catch {
            outcome = .failure(error)
        }
        metrics.count(outcome.isSuccess ? "c2d.methods.success" : "c2d.methods.failure")
        let now = clock.now()
        if case .success(let result) = outcome { chargeAnswered(call, result: result, at: now) }
        // The answer is the caller's whatever the journal says; a store failure must not hide it.
        try? write([], events: [.methodInvoked(sender, call: call, outcome: outcome)], at: now, persistingQuota: outcome.isSuccess)
        return try outcome.get()
    }

    /// Refuses a call whose request could not be counted today (403002), before the device sees it.
    private func requireQuota(for call: DirectMethodCall) throws(HubError) {
        let now = clock.now()
        prepareTelemetry(at: now)
        guard let quota = telemetry.quota else { return }
        if quota.messages(forPayloadBytes: call.payload.compactBytes.count) > quota.remaining(at: now) {
            throw .quota(.iotHubQuotaExceeded(hubName: quota.hubName, limit: quota.limit, current: quota.used(at: now)))
        }
    }

    /// Counts an answered call as Azure bills it: the request and the response, each in the
    /// tier's blocks and at least one message. The device has answered, so the result stands;
    /// a part that no longer fits in the day's quota is left uncounted.
    private func chargeAnswered(_ call: DirectMethodCall, result: DirectMethodResult, at now: Date) {
        for bytes in [call.payload.compactBytes.count, result.payload.compactBytes.count] {
            _ = try? chargeQuota(payloadBytes: bytes, at: now)
        }
    }

    // MARK: - Device side

    /// Takes a device's answer to a request it received; an answer after the timeout is dropped,
    /// as IoT Hub drops it.
    func respond(from session: DeviceSession, to request: MethodRequest, status: Int, payload: JSONValue) throws {
        try requireLive(session)
        try DirectMethodCall.checkSize(of: payload, what: "The method response payload")
        guard let pending = methodCalls[request.requestId], pending.key == session.sender.key, pending.dispatched else { return }
        endMethodCall(request.requestId, with: .success(DirectMethodResult(status: status, payload: payload)))
    }

    /// Sends the calls that waited for `key` to subscribe to methods.
    func dispatchAwaitingMethodCalls(to key: String) {
        for requestId in methodCalls.awaitingConnection(of: key) {
            guard let pending = methodCalls[requestId] else { continue }
            pending.timer?.cancel()
            dispatch(requestId, of: pending)
        }
    }

    // MARK: - Shared

    private func startMethodCall(
        _ request: MethodRequest, to key: String, call: DirectMethodCall, continuation: CheckedContinuation<DirectMethodResult, any Error>
    ) {
        let pending = PendingMethodCalls.Call(request: request, key: key, call: call, continuation: continuation)
        if sessions.session(key, subscribedTo: .methods) != nil {
            dispatch(request.requestId, of: pending)
        } else if call.connectTimeout > 0 {
            methodCalls[request.requestId] = pending
            methodCalls[request.requestId]?.timer = methodTimer(request.requestId, after: call.connectTimeout)
        } else {
            continuation.resume(throwing: DeviceMessagingError.deviceNotOnline(identity: key))
        }
    }

    /// Hands the request to the subscribed session and starts the response timeout.
    private func dispatch(_ requestId: String, of pending: PendingMethodCalls.Call) {
        var pending = pending
        guard let session = sessions.session(pending.key, subscribedTo: .methods) else { return }
        pending.dispatched = true
        pending.timer = methodTimer(requestId, after: pending.call.responseTimeout)
        methodCalls[requestId] = pending
        session.continuation.yield(.methodRequest(pending.request))
    }

    /// A task that fails the call when `seconds` pass on the hub's clock; cancelled when the call ends first.
    private func methodTimer(_ requestId: String, after seconds: TimeInterval) -> Task<Void, Never> {
        let deadline = clock.now().addingTimeInterval(seconds)
        let clock = self.clock
        return Task {
            do { try await clock.sleep(until: deadline) } catch { return }
            self.methodTimedOut(requestId)
        }
    }

    private func methodTimedOut(_ requestId: String) {
        guard let pending = methodCalls[requestId] else { return }
        let error: DeviceMessagingError = pending.dispatched
            ? .gatewayTimeout(identity: pending.key, methodName: pending.request.methodName, timeout: pending.call.responseTimeout)
            : .deviceNotOnline(identity: pending.key)
        endMethodCall(requestId, with: .failure(error))
    }

    /// Removes the call, stops its timer and resumes its caller.
    private func endMethodCall(_ requestId: String, with result: Result<DirectMethodResult, any Error>) {
        guard let pending = methodCalls.remove(requestId) else { return }
        pending.timer?.cancel()
        pending.continuation.resume(with: result)
    }
}

extension Result {
    fileprivate var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
