import IoTSecurity

/// The built-in allocation policies: which linked hub a device goes to.
public enum HubAllocator {
    /// The hubs a policy may choose among: those the enrollment names (`iotHubs`), else every
    /// linked hub that applies the allocation policy.
    public static func candidates(
        linked: [AllocationCandidate], policy: EnrollmentPolicy, trace: inout RegistrationTrace
    ) -> [AllocationCandidate] {
        let chosen: [AllocationCandidate]
        if let named = policy.iotHubs, !named.isEmpty {
            let wanted = Set(named.map { $0.lowercased() })
            chosen = linked.filter { wanted.contains($0.hostName.lowercased()) }
            for missing in named where !linked.contains(where: { $0.hostName.lowercased() == missing.lowercased() }) {
                trace.note("the enrollment names \(missing), which is not linked to the DPS")
            }
            trace.note("the enrollment restricts allocation to \(named.joined(separator: ", "))")
        } else {
            chosen = linked.filter(\.applyAllocationPolicy)
            let skipped = linked.filter { !$0.applyAllocationPolicy }.map(\.hostName)
            if !skipped.isEmpty { trace.note("not applying the allocation policy: \(skipped.joined(separator: ", "))") }
        }
        trace.candidateHubs = chosen.map(\.hostName)
        return chosen
    }

    /// The hub `policy` picks for `registrationId`; `custom` is the caller's (it needs I/O).
    ///
    /// - hashed: a SHA-256 hash of the registration id lands in the weighted ranges of the hubs
    ///   (sorted by name), so a device always hashes to the same hub while the hubs stay the same.
    /// - geoLatency: among hubs in the device's region (`deviceLocation`), hashed; with none there,
    ///   among all (iotlab has no network distances to measure).
    /// - static: the one hub the enrollment names.
    /// - Throws: `noHubAvailable` naming why no hub fits.
    public static func choose(
        _ policy: AllocationPolicy, among candidates: [AllocationCandidate], registrationId: String,
        deviceLocation: String?, trace: inout RegistrationTrace
    ) throws(ProvisioningError) -> AllocationCandidate {
        trace.allocationPolicy = policy
        guard !candidates.isEmpty else {
            throw refused("no linked IoT hub is a candidate (link a hub with az iot dps linked-hub create)", &trace)
        }
        switch policy {
        case .hashed:
            return try hashed(candidates, registrationId, &trace)
        case .geoLatency:
            let region = deviceLocation.map(normalized)
            let near = candidates.filter { region != nil && normalized($0.location) == region }
            if near.isEmpty {
                trace.note("geoLatency: no candidate hub in region '\(deviceLocation ?? "(unknown)")'; choosing among all")
                return try hashed(candidates, registrationId, &trace)
            }
            trace.note("geoLatency: \(near.map(\.hostName).joined(separator: ", ")) in region '\(deviceLocation ?? "")'")
            return try hashed(near, registrationId, &trace)
        case .static:
            guard candidates.count == 1, let only = candidates.first else {
                throw refused("static allocation needs exactly one IoT hub, found \(candidates.count)", &trace)
            }
            trace.note("static: \(only.hostName)")
            return only
        case .custom:
            throw refused("custom allocation is decided by the allocation function", &trace)
        }
    }

    private static func hashed(
        _ candidates: [AllocationCandidate], _ registrationId: String, _ trace: inout RegistrationTrace
    ) throws(ProvisioningError) -> AllocationCandidate {
        let weighted = candidates.filter { $0.allocationWeight > 0 }.sorted { $0.hostName.lowercased() < $1.hostName.lowercased() }
        let total = weighted.reduce(0) { $0 + $1.allocationWeight }
        guard total > 0 else { throw refused("every candidate hub has allocation weight 0", &trace) }
        let digest = Digest.sha256(Array(registrationId.lowercased().utf8))
        let hash = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        var slot = Int(hash % UInt64(total))
        for candidate in weighted {
            if slot < candidate.allocationWeight {
                trace.note("hashed: weights \(weighted.map { "\($0.hostName)=\($0.allocationWeight)" }.joined(separator: ", ")); the registration id hashes to \(candidate.hostName)")
                return candidate
            }
            slot -= candidate.allocationWeight
        }
        throw refused("hashing found no hub", &trace)
    }

    private static func normalized(_ location: String) -> String {
        location.lowercased().filter { !$0.isWhitespace }
    }

    private static func refused(_ reason: String, _ trace: inout RegistrationTrace) -> ProvisioningError {
        trace.refusal = reason
        return .noHubAvailable(reason: reason)
    }
}
