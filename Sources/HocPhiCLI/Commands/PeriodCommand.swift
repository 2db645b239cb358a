import ArgumentParser
import LedgerCore

struct PeriodCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "period", abstract: "Khoá sổ theo tháng (close months for good).", subcommands: [Close.self, List.self])

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Khoá sổ mọi tháng đến hết YYYY-MM: bút toán muộn sẽ ghi vào tháng mở đầu tiên; báo cáo tháng đã khoá không đổi.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The month, YYYY-MM.") var period: String

        func validate() throws {
            if YearMonth(period) == nil { throw ValidationError("\(period) is not a month (YYYY-MM)") }
        }

        func run() throws {
            let month = YearMonth(period)!
            let close = try global.openLedger().closePeriod(month)
            Console.current.print(global.language.pick(
                "Đã khoá sổ đến hết \(month.vietnameseLabel.lowercased()) (bút toán cuối \(close.journalSequence), \(close.journalHash.prefix(16))…).",
                "Closed every month through \(month) (last journal entry \(close.journalSequence), \(close.journalHash.prefix(16))…)."))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Các lần khoá sổ.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "csv (default) or json.") var format: OutputFormat = .csv

        func run() throws {
            let rows = try global.openLedger().store.periodCloses().map {
                [$0.period.description, $0.closedAt.description, $0.actor, String($0.journalSequence), $0.journalHash]
            }
            try Tabulated.print(columns: ["period", "closed_at", "actor", "journal_seq", "journal_hash"], rows: rows, format: format)
        }
    }
}
