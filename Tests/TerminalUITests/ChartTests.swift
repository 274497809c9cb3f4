import Testing
@testable import TerminalUI

@Suite struct ChartTests {
    @Test func sparklineScalesTheNewestValuesToEightLevels() {
        let spark = Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(spark.bars(width: 8) == "▁▂▃▄▅▆▇█")
        #expect(spark.bars(width: 3) == "▁▅█")
        #expect(render(spark, width: 4, height: 1).lines == ["▁▃▆█"])
    }

    @Test func sparklineWithAFixedRangeAndAFlatSeries() {
        #expect(Sparkline(values: [50, 100], range: 0...100).bars(width: 2) == "▅█")
        #expect(Sparkline(values: [3, 3, 3]).bars(width: 3) == "▄▄▄")
        #expect(Sparkline().bars(width: 5) == "")
    }

    @Test func sparklineKeepsOnlyItsCapacityAndDropsNonFiniteValues() {
        var spark = Sparkline(capacity: 3)
        spark.append(contentsOf: [1, .nan, 2, 3, 4, .infinity])
        #expect(spark.values == [2, 3, 4])
    }

    @Test func lineChartLabelsItsRangeAndDrawsBrailleDots() {
        let chart = LineChart(values: [20, 21, 22, 23, 24, 25, 24, 23], title: "temperature")
        let screen = render(chart, width: 20, height: 4)
        #expect(screen.lines[0] == "temperature")
        #expect(screen.lines[1].hasPrefix("25     ┤"))
        #expect(screen.lines[3].hasPrefix("20     ┤"))
        let plotted = (1...3).flatMap { y in (8..<20).map { screen[$0, y].character } }
        #expect(plotted.contains { ("\u{2801}"..."\u{28FF}").contains($0) })
        // The lowest value sits on the bottom row, the highest on the top row.
        #expect(screen[8, 3].character != " ")
        #expect((8..<20).contains { screen[$0, 1].character != " " })
    }
}
