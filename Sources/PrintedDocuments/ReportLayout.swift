import CCairo
import Foundation
import LedgerCore

/// A report table on A4 landscape pages, as an accountant prints it for a file or a meeting: the title and its
/// subtitle lines on the first page, then a ruled table whose heading row is repeated at the top of every page
/// (with the title, so a loose page still says what it is), money and counts right-aligned in `1.250.000` form,
/// the totals row in bold on a grey band, and "Trang 2/5" at the foot of each page.
///
/// Pages are counted before anything is drawn (every row is measured first), so each footer knows the total.
struct ReportLayout {
    let table: ReportTable

    static let pageWidth = mm(297)
    static let pageHeight = mm(210)
    static let margin = mm(12)
    /// Space kept above the foot of the page for the page number.
    static let footer = mm(8)

    private let body = Font.regular(8.5)
    private let emphasis = Font.bold(8.5)
    private var available: Double { Self.pageWidth - 2 * Self.margin }

    func render() throws(PDFError) -> [UInt8] {
        let columns = table.columns
        guard !columns.isEmpty else { throw .noColumns(title: table.title) }
        for (index, row) in table.rows.enumerated() where row.count != columns.count {
            throw .rowWidth(row: "row \(index + 1)", cells: row.count, columns: columns.count)
        }
        if let totals = table.totals, totals.count != columns.count {
            throw .rowWidth(row: "totals row", cells: totals.count, columns: columns.count)
        }

        let canvas = try PDFCanvas(width: Self.pageWidth, height: Self.pageHeight)
        canvas.setMetadata(CAIRO_PDF_METADATA_TITLE, table.title)
        if !table.subtitle.isEmpty { canvas.setMetadata(CAIRO_PDF_METADATA_SUBJECT, table.subtitle.joined(separator: "; ")) }
        canvas.setMetadata(CAIRO_PDF_METADATA_CREATOR, "HocPhi")

        let grid = GridTable(canvas: canvas, x: Self.margin, widths: columnWidths(canvas),
                             alignments: columns.map { Self.alignment(of: $0.kind) })
        let heading = grid.row(columns.map(\.heading), font: emphasis,
                               alignments: Array(repeating: .center, count: columns.count))
        var rows = table.rows.map { grid.row($0.map(\.display), font: body) }
        if let totals = table.totals { rows.append(grid.row(totals.map(\.display), font: emphasis)) }

        let titleLines = canvas.layout([Run(table.title, .bold(14))], width: available)
        let subtitleLines = table.subtitle.map { canvas.layout([Run($0, .regular(9))], width: available) }
        let firstTop = Self.margin + PDFCanvas.height(of: titleLines) + 2
            + subtitleLines.reduce(0) { $0 + PDFCanvas.height(of: $1) } + mm(4)
        let runningLines = canvas.layout([Run(table.title, .bold(9)), Run(" (tiếp theo)", .regular(9))], width: available)
        let laterTop = Self.margin + PDFCanvas.height(of: runningLines) + mm(2)
        let limit = Self.pageHeight - Self.margin - Self.footer

        // Which rows go on which page: as many as fit under the heading row, at least one per page.
        var pages: [[Int]] = [[]]
        var y = firstTop + heading.height
        for (index, row) in rows.enumerated() {
            if y + row.height > limit && !pages[pages.count - 1].isEmpty {
                pages.append([])
                y = laterTop + heading.height
            }
            pages[pages.count - 1].append(index)
            y += row.height
        }

        let totalsIndex = table.totals == nil ? nil : rows.count - 1
        for (number, indices) in pages.enumerated() {
            if number == 0 {
                canvas.draw(titleLines, x: Self.margin, top: Self.margin, width: available)
                var top = Self.margin + PDFCanvas.height(of: titleLines) + 2
                for lines in subtitleLines {
                    canvas.draw(lines, x: Self.margin, top: top, width: available)
                    top += PDFCanvas.height(of: lines)
                }
                y = firstTop
            } else {
                canvas.newPage()
                canvas.draw(runningLines, x: Self.margin, top: Self.margin, width: available)
                y = laterTop
            }
            grid.draw(heading, top: y, fill: .gray(0.85))
            y += heading.height
            for index in indices {
                if index == totalsIndex {
                    grid.draw(rows[index], top: y, fill: .gray(0.88), ruleWidth: 0.9)
                } else {
                    grid.draw(rows[index], top: y, fill: index % 2 == 1 ? .gray(0.96) : nil)
                }
                y += rows[index].height
            }
            canvas.text("Trang \(number + 1)/\(pages.count)", x: Self.pageWidth - Self.margin,
                        baseline: Self.pageHeight - Self.margin, .regular(8), align: .right)
        }
        return try canvas.finish("the report \"\(table.title)\"")
    }

    /// Money and counts line up on their last digit; dates are centred; text reads from the left.
    static func alignment(of kind: ReportColumn.Kind) -> Alignment {
        switch kind {
        case .money, .count: .right
        case .date: .center
        case .text: .left
        }
    }

    /// Widths that fill the page: each column as wide as its widest cell and its heading on one line when that
    /// fits. Otherwise the widest text columns give up width first, down to a common width (a long note column
    /// wraps, a column of names keeps each name on one line), never below their longest heading word; numbers and
    /// dates keep their full width, because a number broken over two lines is misread.
    private func columnWidths(_ canvas: PDFCanvas) -> [Double] {
        let padding = 2 * 4.0
        var natural: [Double] = []
        var minimum: [Double] = []
        for (index, column) in table.columns.enumerated() {
            var widest = 0.0
            for row in table.rows { widest = max(widest, canvas.width(of: row[index].display, body)) }
            if let totals = table.totals { widest = max(widest, canvas.width(of: totals[index].display, emphasis)) }
            let headingWidth = canvas.width(of: column.heading, emphasis)
            let headingWord = column.heading.split(whereSeparator: \.isWhitespace)
                .map { canvas.width(of: String($0), emphasis) }.max() ?? 0
            natural.append(max(widest, headingWidth) + padding)
            minimum.append(column.kind == .text ? max(headingWord, min(widest, mm(25))) + padding
                                                : max(headingWord, widest) + padding)
        }
        let total = natural.reduce(0, +)
        if total <= available {
            let stretchable = table.columns.indices.filter { table.columns[$0].kind == .text }
            let base = stretchable.reduce(0) { $0 + natural[$1] }
            guard base > 0 else { return natural }
            var widths = natural
            for index in stretchable { widths[index] += (available - total) * natural[index] / base }
            return widths
        }
        let floor = minimum.reduce(0, +)
        guard floor < available else { return minimum.map { $0 * available / floor } }
        // The cap: the largest width such that no column wider than it (but never below its minimum) overflows the page.
        func widths(cappedAt cap: Double) -> [Double] { natural.indices.map { max(minimum[$0], min(natural[$0], cap)) } }
        var low = 0.0, high = natural.max() ?? 0
        for _ in 0..<50 {
            let middle = (low + high) / 2
            if widths(cappedAt: middle).reduce(0, +) > available { high = middle } else { low = middle }
        }
        var result = widths(cappedAt: low)
        // Hand the rounding remainder to the columns at the cap, so the table ends exactly at the margin.
        let capped = result.indices.filter { result[$0] < natural[$0] && result[$0] > minimum[$0] }
        let remainder = available - result.reduce(0, +)
        for index in capped { result[index] += remainder / Double(capped.count) }
        return result
    }
}
