import Testing
@testable import TerminalUI

@Suite struct ListViewTests {
    let devices = ["sensor-th-0001", "sensor-th-0002", "sensor-v-0001", "truck-0001", "truck-0002"].map { ListItem($0) }

    @Test func rendersRowsWithTheSelectionAndAFooter() {
        let list = ListView(items: devices)
        let screen = render(list, width: 30, height: 4)
        #expect(screen.lines == [" sensor-th-0001", " sensor-th-0002", " sensor-v-0001", "                       1 of 5"])
        #expect(screen.style(atX: 1, y: 0) == Theme.standard.selection)
        #expect(screen.style(atX: 1, y: 1) == Theme.standard.text)
    }

    @Test func movingPastTheLastVisibleRowScrolls() {
        var list = ListView(items: devices)
        #expect(press(&list, .down, .down, .down, height: 4) == .action(.selected(3)))
        let screen = render(list, width: 30, height: 4)
        #expect(screen.lines[0...2] == [" sensor-th-0002", " sensor-v-0001", " truck-0001"])
        #expect(screen.lines[3].hasSuffix("4 of 5"))
        #expect(press(&list, .character("G"), height: 4) == .action(.selected(4)))
        #expect(press(&list, .down, height: 4) == .handled)
        #expect(press(&list, .enter) == .action(.activated(4)))
    }

    @Test func slashFiltersAndReportsIndicesIntoTheUnfilteredItems() {
        var list = ListView(items: devices)
        press(&list, .character("/"))
        type("truck", into: &list)
        #expect(list.visibleIndices == [3, 4])
        #expect(list.selectedIndex == 3)
        press(&list, .enter)
        #expect(!list.filter.isEditing)
        let screen = render(list, width: 30, height: 4)
        #expect(screen.lines == [" truck-0001", " truck-0002", "", "/truck             1 of 2 (5)"])
        #expect(press(&list, .down) == .action(.selected(4)))
        // esc clears the kept filter and the selection stays on the same device.
        #expect(press(&list, .escape) == .action(.selected(4)))
        #expect(list.visibleIndices.count == 5)
        #expect(press(&list, .escape) == .ignored)
    }

    @Test func aFilterWithNoMatchSaysSo() {
        var list = ListView(items: devices)
        press(&list, .character("/"))
        type("zzz", into: &list)
        let screen = render(list, width: 30, height: 3)
        #expect(screen.lines[0] == " no match for \"zzz\"")
    }

    @Test func clickSelectsARowAndAClickOnTheSelectedRowOpensIt() {
        var list = ListView(items: devices)
        let area = Rect(x: 0, y: 2, width: 30, height: 5)
        #expect(list.handle(.mouse(MouseEvent(.click, at: Point(x: 4, y: 4))), in: area) == .action(.selected(2)))
        #expect(list.handle(.mouse(MouseEvent(.click, at: Point(x: 4, y: 4))), in: area) == .action(.activated(2)))
        #expect(list.handle(.mouse(MouseEvent(.click, at: Point(x: 4, y: 0))), in: area) == .ignored)
        #expect(list.handle(.mouse(MouseEvent(.scrollDown, at: Point(x: 4, y: 3))), in: area) == .action(.selected(4)))
    }

    @Test func replacingItemsKeepsTheSelectedRow() {
        var list = ListView(items: devices)
        press(&list, .down, .down)
        list.setItems([ListItem("new-device")] + devices)
        #expect(list.selectedItem?.text == "sensor-v-0001")
        list.setItems([])
        #expect(list.selectedIndex == nil)
        #expect(render(list, width: 20, height: 2).lines[0] == " (empty)")
    }

    @Test func detailsAreRightAlignedAndUnfocusedSelectionIsDimmer() {
        let list = ListView(items: [ListItem("sensor-th-0001", detail: "connected")])
        let screen = render(list, width: 30, height: 2, focused: false)
        #expect(screen.lines[0] == " sensor-th-0001     connected")
        #expect(screen.style(atX: 1, y: 0) == Theme.standard.inactiveSelection)
    }
}
