/// The throttle limits of one hub: Azure's operation-throttle table read for its SKU and units,
/// with the traffic shaping applied above each limit.
///
/// Values are per hub, from learn.microsoft.com "IoT Hub quotas and throttling" (F1, B1 and S1
/// share a column; so do B2/S2 and B3/S3). "Higher of 100/sec or 12/sec/unit" rows keep the
/// floor: two S1 units still send 100/sec, nine send 108/sec. Direct methods are bandwidth,
/// counted in 4 KB blocks: 160 KB/sec/unit is 40 blocks, 480 KB is 120, and 24 MB
/// (24 × 1,024 KB) is 6,144.
public struct ThrottlePolicy: Sendable, Equatable {
    public let capacity: HubCapacity
    public let shaping: TrafficShaping

    public init(capacity: HubCapacity, shaping: TrafficShaping = .azure) {
        self.capacity = capacity
        self.shaping = shaping
    }

    /// Azure's limits for a hub of `skuName` with `units`, with Azure-like traffic shaping.
    public static func azure(skuName: String, units: Int) throws(HubError) -> ThrottlePolicy {
        ThrottlePolicy(capacity: try HubCapacity(skuName: skuName, units: units))
    }

    /// The published limit for `operation` on this hub, written as the table's three columns.
    public func limit(for operation: HubOperation) -> ThrottleLimit {
        let u = capacity.units
        switch operation {
        case .registryOperation, .cloudToDeviceSend, .fileUpload, .jobOperation:
            return ThrottleLimit(count: bySize(100 * u, 100 * u, 5_000 * u), per: .minute)
        case .deviceConnection, .deviceToCloudSend:
            return ThrottleLimit(count: bySize(max(100, 12 * u), 120 * u, 6_000 * u), per: .second)
        case .cloudToDeviceReceive:
            return ThrottleLimit(count: bySize(1_000 * u, 1_000 * u, 50_000 * u), per: .minute)
        case .directMethod:
            return ThrottleLimit(count: bySize(40 * u, 120 * u, 6_144 * u), per: .second, meter: operation.throttleMeter)
        case .query:
            return ThrottleLimit(count: bySize(20 * u, 20 * u, 1_000 * u), per: .minute)
        case .twinRead:
            return ThrottleLimit(count: bySize(100, max(100, 10 * u), 500 * u), per: .second)
        case .twinUpdate:
            return ThrottleLimit(count: bySize(50, max(50, 5 * u), 250 * u), per: .second)
        case .jobDeviceOperation:
            return ThrottleLimit(count: bySize(10, max(10, u), 50 * u), per: .second)
        case .configurationOperation:
            return ThrottleLimit(count: 20 * u, per: .minute)
        }
    }

    /// The value of the column for this hub's size: F1/B1/S1, B2/S2 or B3/S3.
    private func bySize(_ size1: Int, _ size2: Int, _ size3: Int) -> Int {
        switch capacity.size {
        case 1: size1
        case 2: size2
        default: size3
        }
    }
}
