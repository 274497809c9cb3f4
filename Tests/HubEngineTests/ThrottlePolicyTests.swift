import Foundation
import HubEngine
import Testing

@Suite struct ThrottlePolicyTests {
    private func limits(_ sku: String, units: Int = 1) throws -> [HubOperation: String] {
        let policy = try ThrottlePolicy.azure(skuName: sku, units: units)
        return Dictionary(uniqueKeysWithValues: HubOperation.allCases.map { ($0, policy.limit(for: $0).description) })
    }

    @Test func s1WithOneUnitMatchesThePublishedColumn() throws {
        #expect(try limits("S1") == [
            .registryOperation: "100/min", .deviceConnection: "100/sec", .deviceToCloudSend: "100/sec",
            .cloudToDeviceSend: "100/min", .cloudToDeviceReceive: "1000/min", .fileUpload: "100/min",
            .directMethod: "160 KB/sec", .query: "20/min", .twinRead: "100/sec", .twinUpdate: "50/sec",
            .jobOperation: "100/min", .jobDeviceOperation: "10/sec", .configurationOperation: "20/min",
        ])
    }

    @Test func freeAndB1ShareTheS1Column() throws {
        let s1 = try limits("S1")
        #expect(try limits("F1") == s1)
        #expect(try limits("B1") == s1)
    }

    @Test func s1SendsKeepTheirFloorUntilTwelvePerUnitPassesIt() throws {
        #expect(try limits("S1", units: 2)[.deviceToCloudSend] == "100/sec")
        #expect(try limits("S1", units: 8)[.deviceToCloudSend] == "100/sec")
        #expect(try limits("S1", units: 9)[.deviceToCloudSend] == "108/sec")
        #expect(try limits("S1", units: 9)[.deviceConnection] == "108/sec")
        #expect(try limits("S1", units: 9)[.twinRead] == "100/sec")
    }

    @Test func s2ScalesPerUnitWithFloorsOnTwinsAndJobDevices() throws {
        #expect(try limits("S2", units: 3) == [
            .registryOperation: "300/min", .deviceConnection: "360/sec", .deviceToCloudSend: "360/sec",
            .cloudToDeviceSend: "300/min", .cloudToDeviceReceive: "3000/min", .fileUpload: "300/min",
            .directMethod: "1440 KB/sec", .query: "60/min", .twinRead: "100/sec", .twinUpdate: "50/sec",
            .jobOperation: "300/min", .jobDeviceOperation: "10/sec", .configurationOperation: "60/min",
        ])
        #expect(try limits("S2", units: 20)[.twinRead] == "200/sec")
        #expect(try limits("S2", units: 20)[.twinUpdate] == "100/sec")
        #expect(try limits("B2", units: 20)[.jobDeviceOperation] == "20/sec")
    }

    @Test func s3RowsScalePerUnit() throws {
        #expect(try limits("S3", units: 2) == [
            .registryOperation: "10000/min", .deviceConnection: "12000/sec", .deviceToCloudSend: "12000/sec",
            .cloudToDeviceSend: "10000/min", .cloudToDeviceReceive: "100000/min", .fileUpload: "10000/min",
            .directMethod: "49152 KB/sec", .query: "2000/min", .twinRead: "1000/sec", .twinUpdate: "500/sec",
            .jobOperation: "10000/min", .jobDeviceOperation: "100/sec", .configurationOperation: "40/min",
        ])
        #expect(try limits("B3", units: 1)[.directMethod] == "24576 KB/sec")
    }

    @Test func directMethodsCostOneBlockPerStartedFourKilobytes() {
        #expect(HubOperation.directMethod.throttleCost(payloadBytes: 0) == 1)
        #expect(HubOperation.directMethod.throttleCost(payloadBytes: 4_096) == 1)
        #expect(HubOperation.directMethod.throttleCost(payloadBytes: 4_097) == 2)
        #expect(HubOperation.directMethod.throttleCost(payloadBytes: 160 * 1_024) == 40)
        #expect(HubOperation.deviceToCloudSend.throttleCost(payloadBytes: 256 * 1_024) == 1)
    }

    @Test func everyOperationOnEverySkuAdmitsItsFirstRequest() throws {
        let now = Date(timeIntervalSince1970: 1_767_225_600)
        for sku in HubCapacity.skuNames {
            for units in [1, sku == "F1" ? 1 : 10] {
                var throttle = HubThrottle(policy: try ThrottlePolicy.azure(skuName: sku, units: units))
                for operation in HubOperation.allCases {
                    #expect(throttle.request(operation, at: now) == .admit, "\(operation) on \(sku) x\(units)")
                }
            }
        }
    }

    @Test func unknownSkuIsRefused() {
        #expect(throws: HubError.argumentInvalid(field: "sku", rule: "must be one of F1, B1, B2, B3, S1, S2, S3, was 'P1'")) {
            try ThrottlePolicy.azure(skuName: "P1", units: 1)
        }
    }
}
