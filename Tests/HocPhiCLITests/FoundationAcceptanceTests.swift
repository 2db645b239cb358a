import DemoSchool
import Foundation
import GRDB
import LedgerCore
import TabularInput
import Testing
import VietQR

/// The foundation issue's acceptance, through the command line exactly as an accountant types it.
@Suite("Acceptance: a 600-pupil school through the command line")
struct FoundationAcceptanceTests {
    /// A 600-pupil roster with Vietnamese headers (20 classes × 30).
    static let roster = DemoRoster(seed: 600, pupilsPerClass: 30)

    func prepared(xlsx: Bool) throws -> (CLIHarness, String) {
        let cli = try CLIHarness()
        #expect(cli.initSchool().status == 0)
        let rosterPath = xlsx
            ? try cli.write("roster.xlsx", data: try XLSXWriter.data(rows: Self.roster.allRows))
            : try cli.write("roster.csv", Self.roster.allRows.map { $0.joined(separator: ",") }.joined(separator: "\n"))
        let imported = cli.run("students", "import", rosterPath)
        #expect(imported.status == 0, "\(imported.err)")
        let fees = cli.run("fees", "import", try cli.write("fees.csv", CLIHarness.fees))
        #expect(fees.status == 0, "\(fees.err)")
        return (cli, rosterPath)
    }

    @Test("one invoice per pupil with the right amounts; re-import and re-issue change nothing; verify passes", arguments: [false, true])
    func issueOnce(xlsx: Bool) throws {
        let (cli, rosterPath) = try prepared(xlsx: xlsx)
        let pupils = Self.roster.rows.count
        let issue = cli.run("--lang", "en", "invoices", "issue", "--period", "2025-09")
        #expect(issue.status == 0, "\(issue.err)")
        #expect(issue.out.contains("issued \(pupils) invoices"))

        let export = cli.run("invoices", "export", "--format", "csv")
        #expect(export.status == 0)
        let rows = parseCSV(export.out)
        #expect(rows.first == ["invoice_number", "student_code", "student_name", "class", "period", "amount_due",
                               "amount_paid", "status", "payment_code", "vietqr_payload"])
        let invoices = rows.dropFirst()
        #expect(invoices.count == pupils)
        #expect(Set(invoices.map { $0[1] }) == Set(Self.roster.rows.map { $0[0] }), "exactly one invoice per pupil")
        #expect(Set(invoices.map { $0[8] }).count == pupils, "payment codes are unique")

        // Amounts from the fee list, computed independently: every pupil pays meals, care and insurance in
        // September; grade 1 adds the uniform; class 5A adds English club.
        let classOf = Dictionary(uniqueKeysWithValues: Self.roster.rows.map { ($0[0], $0[2]) })
        for invoice in invoices {
            let className = try #require(classOf[invoice[1]])
            var expected: Int64 = 550_000 + 150_000 + 683_100
            if className.hasPrefix("1") { expected += 250_000 }
            if className == "5A" { expected += 120_000 }
            #expect(invoice[5] == String(expected), "\(invoice[0]) \(className)")
            #expect(invoice[7] == "open")
            #expect(PaymentCode(parsing: invoice[8]) != nil)
            let payload = try VietQRDecoder.decode(invoice[9])
            #expect(payload.bin == "970418" && payload.account == "63510000868686")
            #expect(payload.amount == expected && payload.purpose == invoice[8])
        }

        // Re-importing the roster and re-issuing the period change nothing.
        let reimport = cli.run("--lang", "en", "students", "import", rosterPath)
        #expect(reimport.out.contains("0 added, 0 updated, \(pupils) unchanged"), "\(reimport.out)")
        let reissue = cli.run("--lang", "en", "invoices", "issue", "--period", "2025-09")
        #expect(reissue.out.contains("issued 0 invoices") && reissue.out.contains("\(pupils) already issued"))
        #expect(cli.run("invoices", "export", "--format", "csv").out == export.out)

        let verify = cli.run("ledger", "verify")
        #expect(verify.status == 0)
        #expect(verify.out.hasPrefix("OK \(pupils) journal entries, \(pupils) invoices"))
    }

    @Test("verify fails after someone edits a stored amount with the sqlite3 shell")
    func tamperDetected() throws {
        let (cli, _) = try prepared(xlsx: false)
        #expect(cli.run("invoices", "issue", "--period", "2025-09").status == 0)
        #expect(cli.run("ledger", "verify").status == 0)
        let queue = try DatabaseQueue(path: cli.db)
        try queue.write { db in try db.execute(sql: "UPDATE invoices SET amount_due = amount_due - 500000 WHERE serial = 7") }
        try queue.close()
        let verify = cli.run("ledger", "verify")
        #expect(verify.status == 1)
        #expect(verify.out.hasPrefix("BROKEN: invoice TB2509-000007"))
    }

    @Test("October bills the monthly fees only; a pupil's class change does not rewrite September")
    func laterPeriods() throws {
        let (cli, _) = try prepared(xlsx: false)
        #expect(cli.run("invoices", "issue", "--period", "2025-09").status == 0)
        let september = parseCSV(cli.run("invoices", "export").out)
        let moved = Self.roster.rows[0]
        let rewritten = try cli.write("move.csv", "student_code,full_name,class\n\(moved[0]),\(moved[1]),5A\n")
        #expect(cli.run("students", "import", rewritten).status == 0)
        #expect(cli.run("invoices", "issue", "--period", "2025-10").status == 0)
        let all = parseCSV(cli.run("invoices", "export").out).dropFirst()
        #expect(Array(all.prefix(september.count - 1)) == Array(september.dropFirst()), "September unchanged")
        let october = all.filter { $0[4] == "2025-10" }
        #expect(october.count == Self.roster.rows.count)
        for invoice in october {
            #expect(invoice[5] == (invoice[3] == "5A" ? "820000" : "700000"), "\(invoice)")
        }
        #expect(october.first { $0[1] == moved[0] }?[3] == "5A")
        #expect(cli.run("ledger", "verify").status == 0)
    }
}
