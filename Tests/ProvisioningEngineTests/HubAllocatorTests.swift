import Testing
@testable import ProvisioningEngine

@Suite struct HubAllocatorTests {
    let hubs = [
        AllocationCandidate(hostName: "hub-a.azure-devices.net", location: "westeurope", allocationWeight: 1),
        AllocationCandidate(hostName: "hub-b.azure-devices.net", location: "eastus", allocationWeight: 3),
    ]

    @Test func hashedHonoursWeightsAndIsStable() throws {
        var counts: [String: Int] = [:]
        for index in 0..<4_000 {
            var trace = RegistrationTrace()
            let hub = try HubAllocator.choose(.hashed, among: hubs, registrationId: "device-\(index)", deviceLocation: nil, trace: &trace)
            counts[hub.hostName, default: 0] += 1
        }
        let share = Double(counts["hub-b.azure-devices.net", default: 0]) / 4_000
        #expect(share > 0.7 && share < 0.8)
        var first = RegistrationTrace(), second = RegistrationTrace()
        #expect(try HubAllocator.choose(.hashed, among: hubs, registrationId: "x", deviceLocation: nil, trace: &first)
            == HubAllocator.choose(.hashed, among: hubs, registrationId: "x", deviceLocation: nil, trace: &second))
    }

    @Test func geoLatencyPicksTheDevicesRegion() throws {
        var trace = RegistrationTrace()
        let hub = try HubAllocator.choose(.geoLatency, among: hubs, registrationId: "d1", deviceLocation: "West Europe", trace: &trace)
        #expect(hub.hostName == "hub-a.azure-devices.net")
        #expect(trace.allocationPolicy == .geoLatency)
    }

    @Test func staticNeedsExactlyOneHub() throws {
        var trace = RegistrationTrace()
        #expect(throws: ProvisioningError.noHubAvailable(reason: "static allocation needs exactly one IoT hub, found 2")) {
            try HubAllocator.choose(.static, among: hubs, registrationId: "d1", deviceLocation: nil, trace: &trace)
        }
        let only = HubAllocator.candidates(linked: hubs, policy: EnrollmentPolicy(allocationPolicy: .static, iotHubs: ["hub-b.azure-devices.net"]), trace: &trace)
        #expect(try HubAllocator.choose(.static, among: only, registrationId: "d1", deviceLocation: nil, trace: &trace).hostName == "hub-b.azure-devices.net")
    }

    @Test func hubsNotApplyingThePolicyAreSkippedUnlessNamed() {
        let linked = [hubs[0], AllocationCandidate(hostName: "hub-c.azure-devices.net", location: "eastus", applyAllocationPolicy: false)]
        var trace = RegistrationTrace()
        #expect(HubAllocator.candidates(linked: linked, policy: EnrollmentPolicy(), trace: &trace).map(\.hostName) == ["hub-a.azure-devices.net"])
        #expect(HubAllocator.candidates(linked: linked, policy: EnrollmentPolicy(iotHubs: ["hub-c.azure-devices.net"]), trace: &trace).map(\.hostName)
            == ["hub-c.azure-devices.net"])
    }
}
