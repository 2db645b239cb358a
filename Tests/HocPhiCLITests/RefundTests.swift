import Foundation
import GRDB
import Testing

/// A family's over-payment paid back: the debit line naming their code is matched to their credit (3383).
@Suite("Refunds of a family's credit")
struct RefundTests {
    func credit(_ cli: CLIHarness, _ student: String) throws -> Int {
        try GRDBProbe(path: cli.db).count("""
            SELECT COALESCE(SUM(CASE side WHEN 'C' THEN amount ELSE -amount END), 0) FROM postings WHERE account = '3383.\(student)'
            """)
    }

    @Test("a refund naming the family's code pays back their credit; too large goes to review; unmatch reverses it")
    func refund() throws {
        let school = try ReconcileTests().school()
        let cli = school.cli
        let binh = school.invoice(named: "Trần Thị Bình"), an = school.invoice(named: "Nguyễn Văn An")
        try ReconcileTests().importStatement(school, [
            ("P1", 0, 900_000, "\(binh.code) tien an"),                      // 200,000 more than due
            ("B1", 150_000, 0, "Hoan tien thua \(binh.code)"),               // part of the credit paid back
            ("B2", 100_000, 0, "Hoan tien thua \(binh.code) lan 2"),         // more than is left (50,000)
            ("B3", 30_000, 0, "Hoan tien \(an.code)"),                       // An has no credit at all
            ("B4", 22_000, 0, "Phi quan ly tai khoan"),
        ])
        let run = cli.run("--lang", "en", "reconcile")
        #expect(run.status == 0 && run.out.contains("200.000 đ to family credit, 150.000 đ refunded"), "\(run.out)\(run.err)")
        #expect(try credit(cli, "067315000002") == 50_000)
        let lines = Dictionary(uniqueKeysWithValues: parseCSV(cli.run("statements", "lines").out).dropFirst().map { ($0[0], $0[7]) })
        #expect(lines["B1"] == "matched" && lines["B2"] == "unmatched" && lines["B3"] == "unmatched" && lines["B4"] == "ignored")
        let unmatched = parseCSV(cli.run("report", "unmatched", "--format", "csv").out).dropFirst()
        #expect(unmatched.filter { $0[7] == "debit" }.map(\.[0]) == ["B2", "B3"], "undecided money out is listed too")
        #expect(unmatched.last?[3] == "0" && unmatched.last?[5] == "0 khoản thu, 2 khoản chi")
        let review = cli.run("review", "list").out
        #expect(review.contains("B2") && review.contains("less than 100.000 đ"), "\(review)")
        #expect(review.contains("B3") && review.contains("credit is 0 đ"), "\(review)")
        let refund = parseCSV(cli.run("matches", "export").out).first { $0[0] == "B1" }
        #expect(refund?[3] == "" && refund?[4] == "150000" && refund?[5] == "refund")
        #expect(cli.run("ledger", "verify").status == 0)
        #expect(cli.run("--lang", "en", "reconcile").out.contains("0 matched"), "idempotent")

        // The statements report counts the refund as settled; undoing it restores the credit.
        let statement = parseCSV(cli.run("report", "statements", "--format", "csv").out)[1]
        #expect(statement[12] == "2" && statement[14] == "2" && statement[15] == "1", "\(statement)")
        #expect(cli.run("unmatch", "B1", "--reason", "refund bounced").status == 0)
        #expect(try credit(cli, "067315000002") == 200_000)
        #expect(cli.run("ledger", "verify").status == 0)

        // The accountant decides what the rules could not: the held line again, as a refund of Bình's credit.
        let asInvoice = cli.run("--lang", "en", "match", "B1", binh.number)
        #expect(asInvoice.status == 1 && asInvoice.err.contains("--refund"), "\(asInvoice.err)")
        let tooBig = cli.run("--lang", "en", "match", "B2", "--refund", "067215000001")
        #expect(tooBig.status == 1 && tooBig.err.contains("holds only 0 đ"), "\(tooBig.err)")
        #expect(cli.run("match", "B1", "--refund", "067315000002", "--reason", "chuyển lại lần 2").status == 0)
        #expect(try credit(cli, "067315000002") == 50_000)
        #expect(cli.run("match", "B2", "--refund", "067315000002").status == 1, "50,000 left < 100,000")
        #expect(cli.run("match", "P1", "--refund", "067315000002").status == 1, "money in is not a refund")
        #expect(cli.run("match", "B2").status == 2 && cli.run("match", "B2", binh.number, "--refund", "067315000002").status == 2)
        let manual = parseCSV(cli.run("matches", "export").out).first { $0[0] == "B1" }
        #expect(manual?[5] == "refund" && manual?[7].contains("chuyển lại lần 2") == true)
        #expect(cli.run("ledger", "verify").status == 0)
    }
}
