/// A linked hub as allocation sees it.
public struct AllocationCandidate: Sendable, Equatable {
    /// `NAME.azure-devices.net`, what the device is told to connect to.
    public let hostName: String
    /// The hub's region, for the lowest-latency policy.
    public let location: String
    /// Relative share under the hashed policy (Azure's default is 1; 0 takes no devices).
    public let allocationWeight: Int
    /// Whether policies may pick the hub when an enrollment names no hubs.
    public let applyAllocationPolicy: Bool

    public init(hostName: String, location: String, allocationWeight: Int = 1, applyAllocationPolicy: Bool = true) {
        self.hostName = hostName
        self.location = location
        self.allocationWeight = allocationWeight
        self.applyAllocationPolicy = applyAllocationPolicy
    }
}
