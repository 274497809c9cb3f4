import HubEngine
import JSONValue
import LocalCloud

extension WorkbenchServices {
    /// The twin of `target` as `az iot hub device-twin show` (or `module-twin show`) reads it.
    static func twin(_ target: TwinTarget, in cloud: LocalCloud) async -> WorkbenchMessage {
        do {
            let hub = try await cloud.engine(forHub: target.hub)
            let twin: JSONValue
            if let moduleId = target.moduleId {
                twin = try await hub.moduleTwin(of: moduleId, on: target.deviceId)
            } else {
                twin = try await hub.twin(of: target.deviceId)
            }
            return .twinLoaded(target, twin: twin, patch: nil)
        } catch {
            return .twinRefused(target, HubRefusal(error))
        }
    }

    /// Merges `patch` into the twin of `target` with If-Match `etag` (PATCH `/twins/{id}`), so a
    /// twin changed since the learner read it is refused with 412001 PreconditionFailed.
    static func updateTwin(_ target: TwinTarget, patch: JSONValue, etag: String, in cloud: LocalCloud) async -> WorkbenchMessage {
        do {
            let hub = try await cloud.engine(forHub: target.hub)
            let twin: JSONValue
            if let moduleId = target.moduleId {
                twin = try await hub.updateModuleTwin(of: moduleId, on: target.deviceId, patch: patch, ifMatch: etag)
            } else {
                twin = try await hub.updateTwin(of: target.deviceId, patch: patch, ifMatch: etag)
            }
            return .twinLoaded(target, twin: twin, patch: patch)
        } catch {
            return .twinRefused(target, HubRefusal(error))
        }
    }
}
