import JSONValue

/// The request a custom allocation function receives and the answer it gives, in Azure's JSON.
public enum CustomAllocation {
    /// Azure's request body: the enrollment (`individualEnrollment` or `enrollmentGroup`), the
    /// `deviceRuntimeContext` (registration id, current hub and device id on a re-registration,
    /// the attestation kind, the device's payload) and the candidate `linkedHubs`.
    public static func request(
        match: EnrollmentMatch, payload: JSONValue?, current: DeviceRegistrationState?, candidates: [AllocationCandidate]
    ) -> JSONValue {
        var context: JSONObject = ["registrationId": .string(match.registrationId)]
        if let hub = current?.assignedHub { context["currentIotHubHostName"] = .string(hub) }
        if let device = current?.deviceId { context["currentDeviceId"] = .string(device) }
        switch match.hubAuthentication {
        case .x509Thumbprint(let thumbprint): context["x509"] = ["clientCertificateThumbprint": .string(thumbprint)]
        case .symmetricKey: context["symmetricKey"] = [:]
        }
        context["payload"] = payload ?? .null
        var body: JSONObject = [:]
        switch match.source {
        case .individual(let enrollment): body["individualEnrollment"] = enrollment.json
        case .group(let group): body["enrollmentGroup"] = group.json
        }
        body["deviceRuntimeContext"] = .object(context)
        body["linkedHubs"] = .array(candidates.map { .string($0.hostName) })
        return .object(body)
    }

    /// What the function decided.
    public struct Answer: Sendable, Equatable {
        public let hub: AllocationCandidate
        /// Replaces the enrollment's initial twin when present.
        public let initialTwin: InitialTwin?
        /// Handed back to the device in `registrationState.payload`.
        public let payload: JSONValue?
    }

    /// Reads the function's answer.
    /// - Throws: `customAllocationFailed` when `iotHubHostName` is missing or not a candidate, or
    ///   `initialTwin` is not a twin.
    public static func answer(_ json: JSONValue, candidates: [AllocationCandidate]) throws(ProvisioningError) -> Answer {
        guard let host = json["iotHubHostName"]?.stringValue else {
            throw .customAllocationFailed(reason: "the answer has no iotHubHostName")
        }
        guard let hub = candidates.first(where: { $0.hostName.lowercased() == host.lowercased() }) else {
            throw .customAllocationFailed(
                reason: "iotHubHostName '\(host)' is not one of the linked hubs \(candidates.map(\.hostName).joined(separator: ", "))")
        }
        var twin: InitialTwin?
        if let stored = json["initialTwin"], stored != .null {
            guard let parsed = InitialTwin(json: stored) else {
                throw .customAllocationFailed(reason: "initialTwin must be {\"tags\": {...}, \"properties\": {\"desired\": {...}}}")
            }
            twin = parsed
        }
        let payload = json["payload"].flatMap { $0 == .null ? nil : $0 }
        return Answer(hub: hub, initialTwin: twin, payload: payload)
    }
}
