/// Where each check of a lab step got to in what it reads (the journal, the built-in endpoint)
/// and what it counted so far, kept across re-grades so a workbench that re-runs a step's checks
/// on every relevant event (rustlings' watch mode) reads only the records appended since the
/// last run, instead of the whole journal each time.
///
/// Cursors live in memory only: a new process (a restart) and a step reset start from scratch,
/// so a cursor can never carry a count across what the learner asked to do again. A check whose
/// answer is not a running total (a time window, a query of current state) keeps none.
public actor CheckCursors {
    /// One check of one step of one lab.
    public struct Key: Hashable, Sendable {
        public let labId: String
        public let stepId: String
        public let checkId: String

        public init(labId: String, stepId: String, checkId: String) {
            self.labId = labId
            self.stepId = stepId
            self.checkId = checkId
        }
    }

    private var cursors: [Key: any Sendable] = [:]
    /// Journal rows and endpoint events read by the checks so far: what a re-grade costs.
    public private(set) var rowsRead = 0

    public init() {}

    /// The step's checks start over on their next run (`r` in the lab runner).
    public func reset(labId: String, stepId: String) {
        cursors = cursors.filter { $0.key.labId != labId || $0.key.stepId != stepId }
    }

    func cursor<Cursor: Sendable>(_ key: Key, as type: Cursor.Type) -> Cursor? {
        cursors[key] as? Cursor
    }

    func keep(_ cursor: some Sendable, for key: Key, rowsRead rows: Int) {
        cursors[key] = cursor
        rowsRead += rows
    }

    func forget(_ key: Key, rowsRead rows: Int) {
        cursors[key] = nil
        rowsRead += rows
    }
}
