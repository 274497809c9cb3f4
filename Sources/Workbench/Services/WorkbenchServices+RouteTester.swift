import HubEngine
import LocalCloud

extension WorkbenchServices {
    /// The hub's routes, fallback route and device ids for the Route tester pane; a hub that
    /// cannot be read gives an empty snapshot saying why.
    static func routeTester(hub: String, in cloud: LocalCloud) async -> RouteTesterSnapshot {
        do {
            let resource = try await cloud.hub(named: hub)
            let devices = try await cloud.engine(forHub: resource.name).devices()
            return RouteTesterSnapshot(
                hub: resource.name, routes: resource.routing.routes, fallbackRoute: resource.routing.fallbackRoute, deviceIds: devices.map(\.deviceId))
        } catch {
            return RouteTesterSnapshot(hub: hub, routes: [], fallbackRoute: .defaultFallback, deviceIds: [], unavailable: "\(error)")
        }
    }

    /// Runs a route test on the hub's own routing engine (`IoTHub.routeTestReport`): nothing is
    /// delivered, journaled or counted. Answers `.routeTested` or, when the hub refuses (an
    /// unknown route or device), `.routeTestFailed` with Azure's error.
    static func testRoute(
        hub: String, target: RouteTestTarget, message: RouteTestMessage, deviceId: String?, in cloud: LocalCloud
    ) async -> WorkbenchMessage {
        do {
            let engine = try await cloud.engine(forHub: hub)
            let report: RouteTestReport
            switch target {
            case .route(let name): report = try await engine.routeTestReport(message, source: .deviceMessages, routeName: name, deviceId: deviceId)
            case .source(let source): report = try await engine.routeTestReport(message, source: source, routeName: nil, deviceId: deviceId)
            }
            return .routeTested(report)
        } catch {
            return .routeTestFailed(HubRefusal(error))
        }
    }
}
