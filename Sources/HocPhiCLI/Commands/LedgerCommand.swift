import ArgumentParser
import LedgerCore

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "Sổ cái (the journal).", subcommands: [Verify.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Kiểm tra lại mọi bất biến và chuỗi băm; exit 1 nếu có sai lệch.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let ledger = try global.openLedger()
            let console = Console.current
            let report: LedgerVerifier.Report
            do {
                report = try ledger.verify()
            } catch {
                console.print("BROKEN: \(error)")
                throw ExitCode(1)
            }
            if report.isOK {
                console.print("OK \(report.journalEntries) journal entries, \(report.invoices) invoices, \(report.auditRecords) audit records; "
                    + "debits = credits = \(report.totalDebits); head \(report.journalHead)")
                return
            }
            console.print("BROKEN: \(report.problems[0])")
            for problem in report.problems.dropFirst() { console.print("  also: \(problem)") }
            throw ExitCode(1)
        }
    }
}
