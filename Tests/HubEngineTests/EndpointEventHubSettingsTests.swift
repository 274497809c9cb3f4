import HubEngine
import Testing

@Suite struct EndpointEventHubSettingsTests {
    @Test func azureDefaultsAreFourPartitionsOneDayAndDefaultGroup() throws {
        let settings = try EventHubSettings.defaults(for: .standard).validated(for: .standard)
        #expect(settings.partitionCount == 4)
        #expect(settings.retentionDays == 1)
        #expect(settings.consumerGroups == ["$Default"])
        #expect(EventHubSettings.defaults(for: .free).partitionCount == 2)
    }

    @Test func partitionCountOutsideTwoTo32IsRefusedNamingTheField() throws {
        #expect(throws: EndpointError.invalidEventHubSetting(field: "partitionCount", rule: "the Standard tier allows 2 to 32 partitions, not 33")) {
            try EventHubSettings(partitionCount: 33).validated(for: .standard)
        }
        #expect(throws: EndpointError.invalidEventHubSetting(field: "partitionCount", rule: "the Standard tier allows 2 to 32 partitions, not 1")) {
            try EventHubSettings(partitionCount: 1).validated(for: .standard)
        }
        #expect(throws: EndpointError.invalidEventHubSetting(field: "partitionCount", rule: "the Free tier allows 2 to 2 partitions, not 4")) {
            try EventHubSettings(partitionCount: 4).validated(for: .free)
        }
        #expect(try EventHubSettings(partitionCount: 32).validated(for: .standard).partitionCount == 32)
    }

    @Test func retentionIsOneToSevenDaysOnStandardAndOneDayOtherwise() throws {
        #expect(try EventHubSettings(retentionDays: 7).validated(for: .standard).retentionDays == 7)
        #expect(throws: EndpointError.invalidEventHubSetting(field: "retentionTimeInDays", rule: "the Standard tier keeps events 1 to 7 days, not 8")) {
            try EventHubSettings(retentionDays: 8).validated(for: .standard)
        }
        #expect(throws: EndpointError.invalidEventHubSetting(field: "retentionTimeInDays", rule: "the Basic tier keeps events 1 to 1 days, not 2")) {
            try EventHubSettings(retentionDays: 2).validated(for: .basic)
        }
    }

    @Test func consumerGroupNamesFollowEventHubsRules() throws {
        try EventHubSettings.validateConsumerGroupName("tsievents")
        try EventHubSettings.validateConsumerGroupName("a.b_c-1")
        try EventHubSettings.validateConsumerGroupName(String(repeating: "x", count: 50))
        for bad in ["", "-lead", "trail.", "has space", String(repeating: "x", count: 51), "$Default2"] {
            #expect(throws: EndpointError.invalidConsumerGroupName(name: bad)) { try EventHubSettings.validateConsumerGroupName(bad) }
        }
    }

    @Test func duplicateAndTooManyGroupsAreRefused() throws {
        #expect(throws: EndpointError.consumerGroupAlreadyExists(name: "TSI")) {
            try EventHubSettings(consumerGroups: ["$Default", "tsi", "TSI"]).validated(for: .standard)
        }
        let many = ["$Default"] + (1...20).map { "group\($0)" }
        #expect(throws: EndpointError.consumerGroupLimitExceeded(limit: 20)) {
            try EventHubSettings(consumerGroups: many).validated(for: .standard)
        }
    }
}
