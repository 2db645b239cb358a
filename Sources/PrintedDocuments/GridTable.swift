/// A ruled table drawn row by row: fixed column widths, text wrapped inside each cell, every cell framed.
///
/// Rows are measured first (`row`) and drawn second (`draw`), so a layout can see a row's height and start a new
/// page before it instead of letting it run off the paper. Receipts and reports share it.
struct GridTable {
    struct Cell {
        var x: Double
        var width: Double
        var lines: [TextLine]
        var align: Alignment
    }

    struct Row {
        var cells: [Cell]
        var height: Double
    }

    let canvas: PDFCanvas
    let x: Double
    let widths: [Double]
    let alignments: [Alignment]
    /// Space between the rule and the text: 4 pt either side, 2.5 pt above and below.
    var horizontalPadding = 4.0
    var verticalPadding = 2.5

    var width: Double { widths.reduce(0, +) }

    /// Measures a row: `texts[i]` spans `spans[i]` columns (one each by default) and is aligned per `alignments`
    /// (the columns' own by default).
    func row(_ texts: [String], font: Font, spans: [Int]? = nil, alignments: [Alignment]? = nil) -> Row {
        let spans = spans ?? Array(repeating: 1, count: texts.count)
        precondition(spans.count == texts.count && spans.reduce(0, +) == widths.count, "a row covers every column once")
        var cells: [Cell] = []
        var column = 0
        var cellX = x
        var height = 0.0
        for (index, text) in texts.enumerated() {
            let width = widths[column..<column + spans[index]].reduce(0, +)
            let lines = canvas.layout([Run(text, font)], width: max(width - 2 * horizontalPadding, 1))
            height = max(height, PDFCanvas.height(of: lines))
            cells.append(Cell(x: cellX, width: width, lines: lines, align: alignments?[index] ?? self.alignments[column]))
            cellX += width
            column += spans[index]
        }
        return Row(cells: cells, height: height + 2 * verticalPadding)
    }

    /// Draws a measured row with its top at `top`, on a background when `fill` is given.
    func draw(_ row: Row, top: Double, fill: Color? = nil, ruleWidth: Double = 0.5) {
        if let fill { canvas.fill(x: x, y: top, width: width, height: row.height, color: fill) }
        for cell in row.cells {
            canvas.draw(cell.lines, x: cell.x + horizontalPadding, top: top + verticalPadding,
                        width: cell.width - 2 * horizontalPadding, align: cell.align)
            canvas.stroke(x: cell.x, y: top, width: cell.width, height: row.height, lineWidth: ruleWidth, color: .gray(0.3))
        }
    }
}
