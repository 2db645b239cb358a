import ArgumentParser
import Foundation
import LedgerCore

struct InvoicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoices", abstract: "Thông báo thu (invoices).", subcommands: [Issue.self, Export.self, Slips.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lập thông báo thu cho một tháng; lập lại cùng tháng không thay đổi gì.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The month, YYYY-MM.") var period: String

        func validate() throws {
            guard YearMonth(period) != nil else { throw ValidationError("--period: \"\(period)\" is not a month YYYY-MM") }
        }

        func run() throws {
            let ledger = try global.openLedger()
            let console = Console.current
            let label = global.language.pick("Đang lập thông báo thu", "Issuing invoices")
            let s = try ledger.issueInvoices(for: YearMonth(period)!) { done, total in console.progress(label, done, total) }
            let credit = s.creditApplied.isPositive
                ? global.language.pick(" Trừ \(s.creditApplied.formatted) tiền nộp thừa kỳ trước.", " Applied \(s.creditApplied.formatted) of families' earlier over-payments.") : ""
            console.print(global.language.pick(
                "Kỳ \(s.period): đã lập \(s.issued) thông báo thu, tổng \(s.totalBilled.formatted); \(s.alreadyIssued) đã có từ trước; \(s.nothingDue) học sinh không có khoản phải thu.",
                "Period \(s.period): issued \(s.issued) invoices totalling \(s.totalBilled.formatted); \(s.alreadyIssued) already issued; \(s.nothingDue) pupils with nothing due.") + credit)
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Xuất mọi thông báo thu, kèm mã thanh toán và VietQR.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "csv (default) or json.") var format: OutputFormat = .csv

        func run() throws {
            let rows = try global.openLedger().exportInvoices()
            switch format {
            case .csv: Console.current.write(CSVText.render(header: InvoiceExportRow.columns, rows: rows.map(\.cells)))
            case .json: Console.current.print(try JSONOutput.render(rows))
            }
        }
    }
}

extension InvoicesCommand {
    struct Slips: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "In thông báo thu của một lớp (PDF A4, nhiều phiếu mỗi trang, kèm mã thanh toán và VietQR).")

        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("class"), help: "The class, e.g. 3A.") var className: String
        @Option(help: "The month, YYYY-MM (default: the latest month billed to the class).") var period: String?
        @Option(name: [.customShort("o"), .customLong("output")], help: "The PDF file to write.") var output: String

        func validate() throws {
            if let period, YearMonth(period) == nil { throw ValidationError("--period: \"\(period)\" is not a month YYYY-MM") }
            if ClassName(className) == nil { throw ValidationError("--class: \"\(className)\" is not a class name (e.g. 3A)") }
        }

        func run() throws {
            let ledger = try global.openLedger()
            let school = try ledger.requireSchool()
            let bank = try GlobalOptions.bankDirectory().bank(bin: school.bankBIN)?.shortName ?? school.bankBIN
            let slips = try ledger.paymentSlips(className: className, period: period.flatMap { YearMonth($0) }, bankName: bank)
            let title = "Thông báo thu lớp \(slips[0].className) – \(slips[0].periodLabel)"
            try OutputFile.write(try Renderers.pdf.slips(slips, title: title), to: output)
            Console.current.print(output)
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, Sendable {
    case csv, json
}
