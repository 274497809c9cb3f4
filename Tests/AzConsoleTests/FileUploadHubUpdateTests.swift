import JSONValue
import Testing

/// `az iot hub update`'s file-upload flags, as a learner configures uploads before using the SDK.
@Suite struct FileUploadHubUpdateTests {
    @Test func updateSetsTheUploadContainerAndShowMasksTheKey() async throws {
        let az = try await ConsoleHarness.withHub()
        let updated = try JSONValue(parsing: try await az.output(
            "iot hub update -n hub1 --fcs DefaultEndpointsProtocol=https;AccountName=uploads01;AccountKey=c2VjcmV0 --fcn photos --fn true --fst 2 --fnld 30"))
        let properties = try #require(updated["properties"])
        #expect(properties[path: ["storageEndpoints", "$default", "connectionString"]] == "DefaultEndpointsProtocol=https;AccountName=uploads01;AccountKey=****")
        #expect(properties[path: ["storageEndpoints", "$default", "containerName"]] == "photos")
        #expect(properties[path: ["storageEndpoints", "$default", "sasTtlAsIso8601"]] == "2:00:00")
        #expect(properties["enableFileUploadNotifications"] == true)
        #expect(properties[path: ["messagingEndpoints", "fileNotifications", "lockDurationAsIso8601"]] == "0:00:30")
        #expect(try await az.output(#"iot hub show -n hub1 --query 'properties.storageEndpoints."$default".containerName' -o tsv"#) == "photos\n")
    }

    @Test func outOfRangeValuesAndNotificationsWithoutStorageAreRefused() async throws {
        let az = try await ConsoleHarness.withHub()
        let ttl = await az.run("iot hub update -n hub1 --fst 25")
        #expect(ttl.exitCode != 0)
        #expect(ttl.standardError.contains("Please specify the SAS TTL from 1 to 24 hours."))
        let notifications = await az.run("iot hub update -n hub1 --fn true")
        #expect(notifications.exitCode != 0)
        #expect(notifications.standardError.contains("enableFileUploadNotifications"))
        #expect(try await az.output("iot hub show -n hub1 --query properties.enableFileUploadNotifications") == "false\n")
    }
}
