import Foundation

/// Where devices upload files and how the hub tells services about them, as Resource Manager
/// holds it (`properties.storageEndpoints.$default`, `properties.messagingEndpoints.fileNotifications`
/// and `properties.enableFileUploadNotifications`).
///
/// Defaults and ranges are Azure's: SAS URIs live 1 hour (1–24 h); notifications live 1 hour
/// (1–48 h), are locked 1 minute (5–300 s) when read and delivered at most 10 times (1–100).
public struct FileUploadSettings: Sendable, Equatable {
    /// The storage account's connection string; empty until file upload is configured.
    public var storageConnectionString: String
    /// The container uploads land in, under a folder named after the device.
    public var containerName: String
    /// `sasTtlAsIso8601`, in seconds.
    public var sasTimeToLive: TimeInterval
    public var notificationsEnabled: Bool
    /// `fileNotifications.ttlAsIso8601`, in seconds.
    public var notificationTimeToLive: TimeInterval
    /// `fileNotifications.lockDurationAsIso8601`, in seconds.
    public var notificationLockDuration: TimeInterval
    /// `fileNotifications.maxDeliveryCount`.
    public var notificationMaxDeliveryCount: Int

    public init(
        storageConnectionString: String = "", containerName: String = "", sasTimeToLive: TimeInterval = 3600,
        notificationsEnabled: Bool = false, notificationTimeToLive: TimeInterval = 3600, notificationLockDuration: TimeInterval = 60,
        notificationMaxDeliveryCount: Int = 10
    ) {
        self.storageConnectionString = storageConnectionString
        self.containerName = containerName
        self.sasTimeToLive = sasTimeToLive
        self.notificationsEnabled = notificationsEnabled
        self.notificationTimeToLive = notificationTimeToLive
        self.notificationLockDuration = notificationLockDuration
        self.notificationMaxDeliveryCount = notificationMaxDeliveryCount
    }

    /// The connection string with its key hidden, as Resource Manager returns it (`AccountKey=****`).
    public var maskedConnectionString: String { ConnectionStringMasking.masked(storageConnectionString) }

    /// Whether devices can upload: a storage account and a container are set.
    public var isConfigured: Bool { storageAccountName != nil && !containerName.isEmpty }

    /// `AccountName` from the connection string, the account whose blob host uploads address.
    public var storageAccountName: String? {
        StorageTarget.accountName(connectionString: storageConnectionString)
    }

    /// The same settings, or an `ArgumentInvalid` naming the first field out of Azure's range.
    public func validated() throws(HubError) -> FileUploadSettings {
        let checks: [(field: String, ok: Bool, rule: String)] = [
            ("storageEndpoints.$default.connectionString", storageConnectionString.isEmpty || storageAccountName != nil,
             "must be a storage connection string with an AccountName"),
            ("storageEndpoints.$default.sasTtlAsIso8601", (3600...86_400).contains(sasTimeToLive), "must be between 1 hour (PT1H) and 24 hours (PT24H)"),
            ("messagingEndpoints.fileNotifications.ttlAsIso8601", (3600...172_800).contains(notificationTimeToLive),
             "must be between 1 hour (PT1H) and 48 hours (PT48H)"),
            ("messagingEndpoints.fileNotifications.lockDurationAsIso8601", (5...300).contains(notificationLockDuration),
             "must be between 5 seconds (PT5S) and 5 minutes (PT5M)"),
            ("messagingEndpoints.fileNotifications.maxDeliveryCount", (1...100).contains(notificationMaxDeliveryCount), "must be between 1 and 100"),
            ("enableFileUploadNotifications", !notificationsEnabled || isConfigured,
             "needs a storage connection string and container (storageEndpoints.$default) first"),
        ]
        if let broken = checks.first(where: { !$0.ok }) { throw .argumentInvalid(field: broken.field, rule: broken.rule) }
        return self
    }
}
