import ArgumentParser
import Foundation
import LedgerCore

struct StatementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statements", abstract: "Sao kê ngân hàng (bank statements).",
        subcommands: [Import.self, Formats.self, List.self, Lines.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Nhập sao kê; nhập lại cùng tệp hoặc tệp chồng lấn không thêm dòng nào.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The statement file (XLSX, CSV, MT940, camt.053/054 XML, webhook JSON).") var file: String
        @Option(help: "Force a format (see `statements formats`).") var format: String?

        func run() throws {
            let ledger = try global.openLedger()
            let school = try ledger.store.school()
            var statement = try StatementFiles.open(path: file, format: format, account: school?.accountNumber ?? "")
            let l = global.language
            let console = Console.current
            let label = l.pick("Đang đối chiếu \(statement.source.name)", "Checking \(statement.source.name)")
            let s = try ledger.importStatement(streaming: &statement) { done, total in console.progress(label, done, total) }
            if let earlier = s.alreadyImportedAs {
                Console.current.print(l.pick("\(s.fileName): đã nhập trước đây (sao kê \(earlier)); \(s.linesRead) dòng đã có, không thêm gì.",
                                             "\(s.fileName): already imported as statement \(earlier); \(s.linesRead) lines known, nothing added."))
                return
            }
            Console.current.print(l.pick(
                "\(s.fileName) (\(s.format)): đọc \(s.linesRead) dòng, \(s.newLines) mới, \(s.duplicateLines) đã có; số dư: \(s.balanceCheck == "proven" ? "khớp" : "tệp không có số dư"); \(s.continuityVietnamese).",
                "\(s.fileName) (\(s.format)): read \(s.linesRead) lines, \(s.newLines) new, \(s.duplicateLines) duplicates; balance check: \(s.balanceCheck); \(s.continuity)."))
        }
    }

    struct Formats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Các định dạng sao kê đã biết (from bank-formats/).")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            for (name, description) in try StatementFiles.reader().catalogue {
                Console.current.print(name.padding(toLength: 14, withPad: " ", startingAt: 0) + description)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mọi tệp sao kê đã nhập.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "csv (default) or json.") var format: OutputFormat = .csv

        static let columns = ["statement_id", "file_name", "format", "account", "period_start", "period_end", "opening_balance",
                              "closing_balance", "lines", "new_lines", "duplicate_lines", "balance_ok", "continuity"]

        func run() throws {
            let rows = try global.openLedger().store.statements().map { r -> [String] in
                [String(r.id), r.fileName, r.format, r.account, r.periodStart?.description ?? "", r.periodEnd?.description ?? "",
                 r.openingBalance.map { String($0.dong) } ?? "", r.closingBalance.map { String($0.dong) } ?? "",
                 String(r.lines), String(r.newLines), String(r.duplicateLines),
                 r.balanceOK.map { $0 ? "true" : "false" } ?? "", r.continuity]
            }
            try Tabulated.print(columns: Self.columns, rows: rows, format: format)
        }
    }

    struct Lines: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mọi dòng sao kê, mỗi dòng một lần.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "csv (default) or json.") var format: OutputFormat = .csv

        static let columns = ["bank_reference", "booking_date", "value_date", "direction", "amount", "description",
                              "counterparty", "status"]

        func run() throws {
            var rows: [[String]] = []
            try global.openLedger().store.forEachStatementLine { stored in
                let line = stored.line
                rows.append([line.bankReference ?? "", line.bookingDate.description, line.valueDate?.description ?? "",
                             line.direction.rawValue, String(line.amount.dong), line.description,
                             line.counterpartyName ?? "", stored.status.rawValue])
            }
            try Tabulated.print(columns: Self.columns, rows: rows, format: format)
        }
    }
}

/// Prints rows as the contract's CSV or as one JSON array of objects keyed by column name.
enum Tabulated {
    static func print(columns: [String], rows: [[String]], format: OutputFormat) throws {
        switch format {
        case .csv: Console.current.write(CSVText.render(header: columns, rows: rows))
        case .json:
            let objects = rows.map { Dictionary(uniqueKeysWithValues: zip(columns, $0)) }
            Console.current.print(try JSONOutput.render(objects))
        }
    }
}
