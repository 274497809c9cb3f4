/// An operation IoT Hub throttles, one case per row of Azure's operation-throttle table.
///
/// Each hub keeps one allowance per operation (learn.microsoft.com, "IoT Hub quotas and
/// throttling", operation throttles): sending telemetry fast does not slow twin reads.
public enum HubOperation: String, CaseIterable, Sendable, Hashable {
    /// Identity registry create, retrieve, list, update and delete.
    case registryOperation
    /// A device opening a new connection (the rate of new connections, not how many are open).
    case deviceConnection
    /// A device sending telemetry; counted per send, whatever the message size.
    case deviceToCloudSend
    /// The service sending a cloud-to-device message.
    case cloudToDeviceSend
    /// A device polling for cloud-to-device messages over HTTPS.
    case cloudToDeviceReceive
    /// A device starting a file upload.
    case fileUpload
    /// The service invoking a direct method; metered in 4 KB blocks of payload.
    case directMethod
    /// A twin query.
    case query
    /// A device or module twin read, from the device or the service.
    case twinRead
    /// A device or module twin update, from the device or the service.
    case twinUpdate
    /// Job create, update, list and delete.
    case jobOperation
    /// A twin update or method call a job makes on one device.
    case jobDeviceOperation
    /// Configuration and edge deployment create, update, list and delete.
    case configurationOperation

    /// The row's name in Azure's table, plural, for error text and metrics panes.
    public var throttleName: String {
        switch self {
        case .registryOperation: "Identity registry operations"
        case .deviceConnection: "New device connections"
        case .deviceToCloudSend: "Device-to-cloud sends"
        case .cloudToDeviceSend: "Cloud-to-device sends"
        case .cloudToDeviceReceive: "Cloud-to-device receives"
        case .fileUpload: "File upload initiations"
        case .directMethod: "Direct methods"
        case .query: "Queries"
        case .twinRead: "Twin reads"
        case .twinUpdate: "Twin updates"
        case .jobOperation: "Jobs operations"
        case .jobDeviceOperation: "Jobs device operations"
        case .configurationOperation: "Configurations and edge deployments"
        }
    }

    /// The block the throttle counts payloads in, or `nil` when it counts operations: only direct
    /// methods are throttled by bandwidth, in 4 KB blocks (a 0–4 KB call uses 4 KB).
    public var throttleMeter: MessageMeter? {
        self == .directMethod ? .fourKilobytes : nil
    }

    /// What one operation with `payloadBytes` of payload costs against this throttle: 1 for
    /// counted operations, the number of 4 KB blocks for direct methods.
    public func throttleCost(payloadBytes: Int) -> Int {
        throttleMeter?.blocks(forPayloadBytes: payloadBytes) ?? 1
    }
}
