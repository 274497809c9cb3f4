import Foundation
import JSONValue

extension FileUploadSettings {
    /// The settings as the workspace keeps them, in ARM's member names.
    public var json: JSONValue {
        [
            "connectionString": .string(storageConnectionString),
            "containerName": .string(containerName),
            "sasTtlAsIso8601": .string(ISO8601Duration.string(sasTimeToLive)),
            "enableFileUploadNotifications": .bool(notificationsEnabled),
            "fileNotifications": [
                "lockDurationAsIso8601": .string(ISO8601Duration.string(notificationLockDuration)),
                "ttlAsIso8601": .string(ISO8601Duration.string(notificationTimeToLive)),
                "maxDeliveryCount": .integer(notificationMaxDeliveryCount),
            ],
        ]
    }

    /// Reads what ``json`` wrote; a missing member takes Azure's default. The result is validated.
    public init(json: JSONValue) throws {
        let fields = try JSONFields(json, path: "fileUpload")
        let notifications = try fields.object("fileNotifications")
        let defaults = FileUploadSettings()
        self = try FileUploadSettings(
            storageConnectionString: fields.string("connectionString") ?? "",
            containerName: fields.string("containerName") ?? "",
            sasTimeToLive: fields.duration("sasTtlAsIso8601") ?? defaults.sasTimeToLive,
            notificationsEnabled: fields.bool("enableFileUploadNotifications") ?? false,
            notificationTimeToLive: notifications?.duration("ttlAsIso8601") ?? defaults.notificationTimeToLive,
            notificationLockDuration: notifications?.duration("lockDurationAsIso8601") ?? defaults.notificationLockDuration,
            notificationMaxDeliveryCount: notifications?.integer("maxDeliveryCount") ?? defaults.notificationMaxDeliveryCount
        ).validated()
    }
}
