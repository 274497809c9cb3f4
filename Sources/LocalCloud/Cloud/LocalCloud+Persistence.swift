import Foundation
import JSONValue
import WorkspaceStore

extension LocalCloud {
    /// Commits `changes` and one journal event, mapping a storage failure to a cloud error so that
    /// callers see one error type; memory is updated by the caller only after this returns.
    func persist(
        event kind: String, subject: String, payload: JSONValue,
        _ changes: (WorkspaceWriter) throws -> Void
    ) throws(CloudError) {
        let time = clock.now()
        do {
            try workspace.write { writer in
                try changes(writer)
                try writer.append(JournalDraft(
                    time: time, kind: kind, scope: CloudState.scope, subject: subject,
                    payload: Data(payload.serialized().utf8)))
            }
        } catch {
            throw .storageFailed(reason: String(describing: error))
        }
    }
}
