import Foundation
import HubEngine
import IoTSecurity
import JSONValue
import ProvisioningEngine

extension LocalCloud {
    /// A device registers (`PUT /{idScope}/registrations/{registrationId}/register`, or the MQTT
    /// `iotdps-register` publish): attestation, the enrollment's status, allocation, and the
    /// device created or moved in its hub, with the initial twin on a first assignment and the
    /// reprovision policy on a later one. Every attempt is journaled with its decision trace
    /// (`DeviceRegistered`, `DeviceRegistrationFailed`, `DeviceRegistrationRefused`).
    ///
    /// The decision is made at once, but the answer is `assigning` with an operation id, as DPS
    /// answers; ``registrationOperation(idScope:registrationId:operationId:)`` reports the outcome.
    /// `payload` is the device's `payload` member; its `region` (if a string) is the device's
    /// region for the lowest-latency policy (else the DPS's location).
    /// `tokenTime` is when SAS tokens and certificates are judged: the front doors pass their
    /// token clock (the real wall clock the SDKs sign with), which lab time may have left behind;
    /// `nil` judges them on the lab clock.
    /// - Throws: `unauthorized` (401002) for an unknown scope or registration, a bad key or
    ///   certificate, a disabled group; `tpmChallenge` on the first TPM leg.
    public func register(
        idScope: String, registrationId: String, payload: JSONValue? = nil, credential: RegistrationCredential, at tokenTime: Date? = nil
    ) async throws(ProvisioningError) -> RegistrationOperation {
        let now = clock.now()
        var (service, match, trace) = try attested(
            idScope: idScope, registrationId: registrationId, credential: credential, at: tokenTime ?? now)
        let key = CloudState.key(service.name)
        let previous = provisioningRecords[key]?.registration(registrationId)
        let operation = Self.newOperationID()
        var state = DeviceRegistrationState(
            registrationId: registrationId, createdDateTimeUtc: previous?.createdDateTimeUtc ?? now, deviceId: match.deviceId,
            status: .assigned, lastUpdatedDateTimeUtc: now, etag: Self.newETag(), enrollmentGroupId: match.enrollmentGroupId,
            attestationType: credential.kind)
        if match.policy.provisioningStatus == .disabled {
            trace.refusal = "\(match.traceName) is disabled"
            if case .group = match.source {
                journalRegistration("DeviceRegistrationRefused", service: service, idScope: idScope, registrationId: registrationId, status: nil, trace: trace)
                throw .unauthorized(reason: trace.refusal ?? "")
            }
            state.status = .disabled
            state.deviceId = nil
        } else {
            do {
                let outcome = try await assign(match, service: service, previous: previous, payload: payload, trace: &trace)
                state.assignedHub = outcome.hostName
                state.substatus = outcome.substatus
                state.payload = outcome.payload
            } catch {
                trace.refusal = trace.refusal ?? error.reason
                state.status = .failed
                state.errorCode = error.errorCode
                state.errorMessage = error.message
            }
        }
        trace.assignedHub = state.assignedHub
        let event = state.status == .assigned ? "DeviceRegistered" : "DeviceRegistrationFailed"
        let payloadJSON = Self.registrationEvent(service: service, idScope: idScope, registrationId: registrationId, status: state.status, trace: trace)
        let stored = state
        do {
            try persist(event: event, subject: service.name, payload: payloadJSON) { writer in
                try writer.put(
                    scope: ProvisioningStorage.scope(key), collection: ProvisioningStorage.registrations,
                    key: registrationId.lowercased(), body: CloudState.body(stored.record))
            }
        } catch {
            throw .hubAssignmentFailed(hostName: state.assignedHub ?? "", reason: error.message)
        }
        provisioningRecords[key]?.store(state)
        registrationOperations["\(key)/\(registrationId.lowercased())"] = RegistrationOperation(operationId: operation, status: state.status, registrationState: state)
        return RegistrationOperation(operationId: operation, status: .assigning, registrationState: nil)
    }

    /// The outcome of a register call (`GET .../operations/{operationId}`): `assigned`,
    /// `failed` or `disabled` with the registration state.
    /// - Throws: `unauthorized` for an unknown scope; `operationNotFound` for an id that is not
    ///   the device's last operation.
    public func registrationOperation(idScope: String, registrationId: String, operationId: String) throws(ProvisioningError) -> RegistrationOperation {
        guard let service = provisioningService(idScope: idScope) else {
            throw .unauthorized(reason: "no provisioning service has ID scope '\(idScope)'")
        }
        guard let operation = registrationOperations["\(CloudState.key(service.name))/\(registrationId.lowercased())"],
              operation.operationId == operationId else {
            throw .operationNotFound(operationId: operationId)
        }
        return operation
    }

    /// The service with this ID scope and the enrollment the credential attests to, with the
    /// decision trace so far; a refusal (or the first TPM leg) is journaled before it is thrown.
    /// Both `register` and the MQTT front door's CONNECT check go through it.
    func attested(
        idScope: String, registrationId: String, credential: RegistrationCredential, at tokenTime: Date
    ) throws(ProvisioningError) -> (ProvisioningServiceResource, EnrollmentMatch, RegistrationTrace) {
        var trace = RegistrationTrace()
        guard let service = provisioningService(idScope: idScope) else {
            trace.refusal = "no provisioning service has ID scope '\(idScope)'"
            journalRegistration("DeviceRegistrationRefused", service: nil, idScope: idScope, registrationId: registrationId, status: nil, trace: trace)
            throw .unauthorized(reason: trace.refusal ?? "")
        }
        do {
            let match = try attest(
                CloudState.key(service.name), service, registrationId: registrationId, credential: credential, at: tokenTime, trace: &trace)
            return (service, match, trace)
        } catch {
            let event = if case .tpmChallenge = error { "TPMChallengeIssued" } else { "DeviceRegistrationRefused" }
            journalRegistration(event, service: service, idScope: idScope, registrationId: registrationId, status: nil, trace: trace)
            throw error
        }
    }

    /// Attests in place, so a TPM challenge is remembered.
    func attest(
        _ key: String, _ service: ProvisioningServiceResource, registrationId: String, credential: RegistrationCredential,
        at now: Date, trace: inout RegistrationTrace
    ) throws(ProvisioningError) -> EnrollmentMatch {
        var records = provisioningRecords[key] ?? ProvisioningRecords()
        provisioningRecords[key] = nil  // keeps the tables uniquely referenced while they change
        defer { provisioningRecords[key] = records }
        return try records.attest(
            registrationId: registrationId, idScope: service.idScope, credential: credential,
            authorities: service.certificateAuthorities, at: now, trace: &trace)
    }

    private struct Assignment {
        let hostName: String
        let substatus: RegistrationSubstatus
        let payload: JSONValue?
    }

    /// Picks the hub and makes the device there, following the reprovision policy.
    private func assign(
        _ match: EnrollmentMatch, service: ProvisioningServiceResource, previous: DeviceRegistrationState?, payload: JSONValue?,
        trace: inout RegistrationTrace
    ) async throws(ProvisioningError) -> Assignment {
        let policy = match.policy
        let deviceId = match.deviceId
        // Where the device is now, if it still exists there: a deleted hub device forces a new registration.
        var current: (hub: IoTHub, hostName: String)?
        if previous?.status == .assigned, let host = previous?.assignedHub, let oldId = previous?.deviceId {
            if let hub = try? engine(forHub: Self.hubName(ofHost: host)), (try? await hub.device(oldId)) != nil {
                current = (hub, host)
            } else {
                trace.note("the device is no longer in \(host): this is a new registration")
            }
        }
        if let current, !policy.reprovisionPolicy.updateHubAssignment {
            trace.note("reprovision policy: never re-provision; the device stays in \(current.hostName)")
            trace.candidateHubs = [current.hostName]
            return Assignment(hostName: current.hostName, substatus: .initialAssignment, payload: previous?.payload)
        }
        let candidates = HubAllocator.candidates(linked: service.allocationCandidates, policy: policy, trace: &trace)
        let allocation = policy.allocationPolicy ?? service.allocationPolicy
        let chosen: AllocationCandidate
        var initialTwin = policy.initialTwin
        var answerPayload: JSONValue?
        if allocation == .custom {
            trace.allocationPolicy = .custom
            guard let definition = policy.customAllocationDefinition else {
                trace.refusal = "custom allocation without a customAllocationDefinition"
                throw .customAllocationFailed(reason: trace.refusal ?? "")
            }
            guard !candidates.isEmpty else {
                trace.refusal = "no linked IoT hub is a candidate"
                throw .noHubAvailable(reason: trace.refusal ?? "")
            }
            let request = CustomAllocation.request(match: match, payload: payload, current: previous, candidates: candidates)
            do {
                let answer = try CustomAllocation.answer(try await CustomAllocationCaller.call(definition, request: request), candidates: candidates)
                chosen = answer.hub
                if let twin = answer.initialTwin { initialTwin = twin }
                answerPayload = answer.payload
                trace.note("custom: \(definition.webhookUrl) chose \(answer.hub.hostName)")
            } catch {
                trace.refusal = error.reason
                throw error
            }
        } else {
            let region = payload?["region"]?.stringValue ?? service.location
            chosen = try HubAllocator.choose(allocation, among: candidates, registrationId: match.registrationId, deviceLocation: region, trace: &trace)
        }
        let target = try hubEngine(forHost: chosen.hostName)
        let identity = Self.hubIdentity(deviceId: deviceId, match: match, iotEdge: policy.iotEdge)
        let migrate = policy.reprovisionPolicy.migrateDeviceData
        do {
            if let current, current.hostName.lowercased() == chosen.hostName.lowercased() {
                try await Self.refresh(identity, in: target)
                if migrate {
                    trace.note("re-provisioned to the same hub; twin data kept")
                    return Assignment(hostName: chosen.hostName, substatus: .initialAssignment, payload: answerPayload)
                }
                _ = try await target.replaceTwin(of: deviceId, with: (initialTwin ?? InitialTwin()).json, ifMatch: nil)
                trace.note("reprovision policy: reset to the initial twin")
                return Assignment(hostName: chosen.hostName, substatus: .deviceDataReset, payload: answerPayload)
            }
            if current == nil, let initialTwin {
                // A first assignment: the device and its initial twin in one commit; a device of
                // that id already in the hub is brought up to date below instead.
                do {
                    _ = try await target.createDevice(identity, initialTwin: initialTwin.json)
                    trace.note("initial twin applied")
                    return Assignment(hostName: chosen.hostName, substatus: .initialAssignment, payload: answerPayload)
                } catch .deviceAlreadyExists {}
            }
            try await Self.refresh(identity, in: target)
            if let current, let oldId = previous?.deviceId {
                var data = (initialTwin ?? InitialTwin()).json
                if migrate {
                    let twin = try await current.hub.twin(of: oldId)
                    data = ["tags": twin["tags"] ?? [:], "properties": ["desired": Self.withoutMetadata(twin["properties"]?["desired"])]]
                }
                _ = try await target.replaceTwin(of: deviceId, with: data, ifMatch: nil)
                try await current.hub.deleteDevice(oldId, ifMatch: nil)
                trace.note("moved from \(current.hostName) to \(chosen.hostName); \(migrate ? "twin data migrated" : "reset to the initial twin")")
                return Assignment(hostName: chosen.hostName, substatus: migrate ? .deviceDataMigrated : .deviceDataReset, payload: answerPayload)
            }
            if let initialTwin {
                _ = try await target.replaceTwin(of: deviceId, with: initialTwin.json, ifMatch: nil)
                trace.note("initial twin applied")
            }
            return Assignment(hostName: chosen.hostName, substatus: .initialAssignment, payload: answerPayload)
        } catch {
            trace.refusal = "\(chosen.hostName) refused the device: \(error.message)"
            throw .hubAssignmentFailed(hostName: chosen.hostName, reason: error.message)
        }
    }

    /// Creates the device, or brings an existing one's credentials and edge capability up to date.
    private static func refresh(_ identity: DeviceIdentity, in hub: IoTHub) async throws(HubError) {
        do {
            var existing = try await hub.device(identity.deviceId)
            existing.authentication = identity.authentication
            existing.iotEdge = identity.iotEdge
            _ = try await hub.updateDevice(existing, ifMatch: nil)
        } catch .deviceNotFound {
            _ = try await hub.createDevice(identity)
        }
    }

    private static func hubIdentity(deviceId: String, match: EnrollmentMatch, iotEdge: Bool) -> DeviceIdentity {
        let authentication: AuthenticationMechanism = switch match.hubAuthentication {
        case .symmetricKey(let primary, let secondary): .sas(primaryKey: primary, secondaryKey: secondary)
        case .x509Thumbprint(let thumbprint): .selfSigned(primaryThumbprint: thumbprint)
        }
        return DeviceIdentity(deviceId: deviceId, authentication: authentication, iotEdge: iotEdge)
    }

    private func hubEngine(forHost host: String) throws(ProvisioningError) -> IoTHub {
        do {
            return try engine(forHub: Self.hubName(ofHost: host))
        } catch {
            throw .hubAssignmentFailed(hostName: host, reason: error.message)
        }
    }

    private static func hubName(ofHost host: String) -> String {
        host.split(separator: ".").first.map(String.init) ?? host
    }

    /// Desired properties without the `$metadata` and `$version` the hub adds.
    private static func withoutMetadata(_ desired: JSONValue?) -> JSONValue {
        guard case .object(var members) = desired ?? [:] else { return [:] }
        members["$metadata"] = nil
        members["$version"] = nil
        return .object(members)
    }

    /// `4.{16 hex}.{uuid}`, the shape of DPS operation ids.
    private static func newOperationID() -> String {
        "4.\(SecureRandom.bytes(count: 8).map { String(format: "%02x", $0) }.joined()).\(UUID().uuidString.lowercased())"
    }

    private static func registrationEvent(
        service: ProvisioningServiceResource?, idScope: String, registrationId: String, status: RegistrationStatus?, trace: RegistrationTrace
    ) -> JSONValue {
        let serviceName: JSONValue = if let service { .string(service.name) } else { .null }
        let statusName: JSONValue = if let status { .string(status.rawValue) } else { "refused" }
        return [
            "provisioningService": serviceName,
            "idScope": .string(idScope),
            "registrationId": .string(registrationId),
            "status": statusName,
            "trace": trace.json,
        ]
    }

    /// Journals an attempt that changed nothing (a refusal); a journal failure does not hide the refusal.
    func journalRegistration(
        _ event: String, service: ProvisioningServiceResource?, idScope: String, registrationId: String, status: RegistrationStatus?, trace: RegistrationTrace
    ) {
        let payload = Self.registrationEvent(service: service, idScope: idScope, registrationId: registrationId, status: status, trace: trace)
        try? persist(event: event, subject: service?.name ?? idScope, payload: payload) { _ in }
    }
}
