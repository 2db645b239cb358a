import ArgumentParser
import Foundation
import LedgerCore
import PrintedDocuments
import ReportWorkbook

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Báo cáo: collection | outstanding | unmatched | statements | audit (table, csv, json, xlsx, pdf).")

    enum Format: String, ExpressibleByArgument, Sendable { case table, csv, json, xlsx, pdf }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "collection, outstanding, unmatched, statements or audit.") var name: String
    @Option(help: "Through this month (YYYY-MM): entries counting in it or before; a closed month never changes.") var period: String?
    @Option(name: .customLong("as-of"), help: "As recorded by the end of this day (YYYY-MM-DD): later activity is left out.")
    var asOf: String?
    @Option(help: "table (default), csv, json, xlsx or pdf.") var format: Format = .table
    @Option(name: [.customShort("o"), .customLong("output")], help: "The file to write (required for xlsx and pdf).") var output: String?

    func validate() throws {
        guard ReportKind(rawValue: name) != nil else {
            throw ValidationError("unknown report \"\(name)\"; choose one of \(ReportKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let period, YearMonth(period) == nil { throw ValidationError("--period \(period): not a month (YYYY-MM)") }
        if let asOf, LocalDate(asOf) == nil { throw ValidationError("--as-of \(asOf): not a date (YYYY-MM-DD)") }
        if (format == .xlsx || format == .pdf) && output == nil { throw ValidationError("-o FILE is required for --format \(format.rawValue)") }
    }

    func run() throws {
        let kind = ReportKind(rawValue: name)!
        let scope = ReportScope(asOf: asOf.flatMap { LocalDate($0) }, period: period.flatMap { YearMonth($0) })
        let console = Console.current
        let label = global.language.pick("Đang đọc sổ cái", "Reading the ledger")
        let table = try global.openLedger().report(kind, scope: scope) { done, total in console.progress(label, done, total) }
        switch format {
        case .table: try write(ReportText.table(table))
        case .csv: try write(table.csvText)
        case .json: try write(try table.jsonText() + "\n")
        case .xlsx:
            do {
                try ReportWorkbook.write(table, sheetName: ReportWorkbook.sheetName(from: kind.rawValue), to: output!)
            } catch {
                throw CommandFailure("\(error)")
            }
            Console.current.print(output!)
        case .pdf:
            try OutputFile.write(try Renderers.pdf.report(table), to: output!)
            Console.current.print(output!)
        }
    }

    /// Text formats go to `-o FILE` when given, else to standard output.
    private func write(_ text: String) throws {
        if let output {
            try OutputFile.write(Data(text.utf8), to: output)
            Console.current.print(output)
        } else {
            Console.current.write(text)
        }
    }
}

/// Report tables aligned for a terminal (CSV and JSON come from the core: `ReportTable.csvText`, `jsonText()`).
enum ReportText {
    static func table(_ table: ReportTable) -> String {
        let headings = table.columns.map(\.heading)
        var rows = table.rows.map { $0.map(\.display) }
        if let totals = table.totals { rows.append(totals.map(\.display)) }
        var widths = headings.map(\.count)
        for row in rows { for (index, cell) in row.enumerated() where index < widths.count { widths[index] = min(60, max(widths[index], cell.count)) } }
        func line(_ cells: [String]) -> String {
            zip(cells, table.columns.indices).map { cell, index in
                let text = cell.count > widths[index] ? String(cell.prefix(widths[index] - 1)) + "…" : cell
                let pad = String(repeating: " ", count: widths[index] - text.count)
                return table.columns[index].kind == .text ? text + pad : pad + text
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = table.title.uppercased() + "\n" + table.subtitle.map { $0 + "\n" }.joined() + "\n"
        out += line(headings) + "\n" + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in table.rows.map({ $0.map(\.display) }) { out += line(row) + "\n" }
        if let totals = table.totals { out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n" + line(totals.map(\.display)) + "\n" }
        return out
    }
}
