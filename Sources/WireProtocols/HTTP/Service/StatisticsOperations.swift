import HubEngine
import JSONValue

/// Registry and service statistics (`GET /statistics/devices`, `GET /statistics/service`).
enum StatisticsOperations {
    static let routes: [RESTRoute] = [
        RESTRoute(.GET, "/statistics/devices", .registryRead, deviceStatistics),
        RESTRoute(.GET, "/statistics/service", .serviceConnect, serviceStatistics),
    ]

    @Sendable static func deviceStatistics(_ call: RESTCall) async throws -> RESTResponse {
        .json(await call.hub.statistics.json)
    }

    @Sendable static func serviceStatistics(_ call: RESTCall) async throws -> RESTResponse {
        .json(["connectedDeviceCount": .integer(await call.hub.statistics.connectedDeviceCount)])
    }
}
