import Courseware
import TerminalUI

/// The home screen's list: "continue where I left off" first, then the labs under their AZ-220
/// skill areas in course order, each with its status.
struct CourseMap: Sendable {
    enum Row: Hashable, Sendable {
        case resume(labId: String)
        case area(String)
        case lab(labId: String)

        var labId: String? {
            switch self {
            case .resume(let id), .lab(let id): id
            case .area: nil
            }
        }
    }

    private(set) var rows: [Row] = []
    private(set) var list = ListView()

    init(catalog: LabCatalog, progress: [String: LabProgress]) {
        update(catalog: catalog, progress: progress)
    }

    /// Rebuilds the rows; the selection stays on the same lab unless `selectFirst` (the
    /// workspace just opened: "continue" or the first lab is selected).
    mutating func update(catalog: LabCatalog, progress: [String: LabProgress], selectFirst: Bool = false) {
        let selectedLab = selectFirst ? nil : list.selectedIndex.flatMap { rows.indices.contains($0) ? rows[$0].labId : nil }
        var newRows: [Row] = []
        var items: [ListItem] = []
        if let resume = Self.resumable(catalog: catalog, progress: progress) {
            let step = progress[resume.id]?.currentStep(of: resume).map { " · \($0.title)" } ?? ""
            newRows.append(.resume(labId: resume.id))
            items.append(ListItem("▶ Continue where you left off: \(resume.title)\(step)", style: Theme.standard.success))
        }
        for (area, labs) in catalog.labsBySkillArea {
            newRows.append(.area(area))
            items.append(ListItem(area, style: Theme.standard.heading))
            for lab in labs {
                let number = (catalog.labs.firstIndex { $0.id == lab.id } ?? 0) + 1
                let state = Self.status(of: lab, progress: progress[lab.id])
                newRows.append(.lab(labId: lab.id))
                items.append(ListItem("  \(state.mark) \(number). \(lab.title)", detail: "\(state.text) · \(lab.estimatedMinutes) min"))
            }
        }
        rows = newRows
        list.setItems(items)
        let keep = rows.firstIndex { $0 == .lab(labId: selectedLab ?? "") } ?? rows.firstIndex { $0.labId != nil }
        if let keep { list.select(keep) }
    }

    /// The lab to open: enter on a lab or on "continue" (skill area rows open nothing).
    mutating func handle(_ event: InputEvent, in area: Rect) -> (handled: Bool, open: String?) {
        let result = list.handle(event, in: area)
        if case .activated(let index)? = result.action, rows.indices.contains(index) { return (true, rows[index].labId) }
        return (result.wasHandled, nil)
    }

    func render(in area: Rect, on screen: inout Screen, context: RenderContext) {
        list.render(in: area, on: &screen, context: context)
    }

    var isFiltering: Bool { list.filter.isEditing }

    /// ✓ done, ◐ k/n steps, · not started.
    static func status(of lab: LabDefinition, progress: LabProgress?) -> (mark: String, text: String) {
        guard let progress, progress.isStarted else { return ("·", "not started") }
        let finished = lab.steps.filter { progress.stepsDone.contains($0.id) || progress.stepsSkipped.contains($0.id) }.count
        if finished == lab.steps.count { return ("✓", "done") }
        return ("◐", "\(progress.stepsDone.count)/\(lab.steps.count) steps")
    }

    /// The started, unfinished lab worked on most recently.
    static func resumable(catalog: LabCatalog, progress: [String: LabProgress]) -> LabDefinition? {
        catalog.labs
            .compactMap { lab in progress[lab.id].flatMap { $0.isStarted && $0.currentStep(of: lab) != nil ? (lab, $0) : nil } }
            .max { ($0.1.lastActivity ?? .distantPast) < ($1.1.lastActivity ?? .distantPast) }?.0
    }

}
