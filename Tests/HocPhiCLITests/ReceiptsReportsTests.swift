import Foundation
import GRDB
import HocPhiCLI
import TabularInput
import Testing

/// Receipts, slips, reports and month closes through the command line, read back with the tools a person
/// would use: pdftotext, pdftoppm + zbarimg, a spreadsheet reader, the sqlite file itself.
@Suite("Receipts, slips, reports, period close")
struct ReceiptsReportsTests {
    /// The reconcile fixture's school with An and Bình paid in full, Khoa (2B) half paid, Khoa (4C) unpaid.
    func paidSchool() throws -> ReconcileTests.School {
        let school = try ReconcileTests().school()
        let an = school.invoice(named: "Nguyễn Văn An"), binh = school.invoice(named: "Trần Thị Bình")
        let khoa = school.invoices.first { $0.value.name == "Lê Minh Khoa" && $0.value.className == "2B" }!
        try ReconcileTests().importStatement(school, [
            ("R1", 0, 700_000, "MBVCB.6987845941.\(an.code) tien an.CT tu 0181000000000 NGUYEN VAN A"),
            ("R2", 0, 900_000, "\(binh.code) nop tien an thang 9"),
            ("R3", 0, 350_000, "\(khoa.value.code) dot 1"),
            ("R4", 0, 123_000, "ung ho quy lop"),
        ])
        #expect(school.cli.run("reconcile").status == 0)
        return school
    }

    static func tool(_ arguments: [String]) throws -> String { try runTool(arguments) }

    static func squeezed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test("receipts issue --all: one per paid invoice, gapless, idempotent; the PDF reads back and verifies")
    func receipts() throws {
        let school = try paidSchool()
        let cli = school.cli
        let issued = cli.run("--lang", "en", "receipts", "issue", "--all")
        #expect(issued.status == 0 && issued.out.contains("Issued 2 receipts"), "\(issued.out)\(issued.err)")
        #expect(cli.run("--lang", "en", "receipts", "issue", "--all").out.contains("Issued 0 receipts; 2 invoices already had one"))
        let rows = Array(parseCSV(cli.run("receipts", "export").out))
        #expect(rows[0].prefix(6) == ["receipt_number", "invoice_number", "student_code", "amount", "issued_at", "status"])
        let year = String(vietnamYear() % 100)
        #expect(rows.dropFirst().map { $0[0] } == ["\(year)TAA-0000001", "\(year)TAA-0000002"])
        #expect(rows.dropFirst().map { $0[3] } == ["700000", "700000"] && rows.dropFirst().allSatisfy { $0[5] == "issued" })
        let an = try #require(rows.first { $0[7] == "Nguyễn Văn An" })

        let pdf = cli.folder.appendingPathComponent("an.pdf").path
        #expect(cli.run("receipts", "pdf", an[0], "-o", pdf).status == 0)
        let text = Self.squeezed(try Self.tool(["pdftotext", pdf, "-"]))
        #expect(text.contains("Nguyễn Văn An") && text.contains("BIÊN LAI THU TIỀN"), "\(text)")
        #expect(text.contains("Số tiền bằng chữ: Bảy trăm nghìn đồng"), "\(text)")
        #expect(text.contains("700.000") && text.contains("EBL01"))
        let verified = cli.run("--lang", "en", "receipts", "verify", pdf)
        #expect(verified.status == 0 && verified.out.hasPrefix("VALID: receipt \(an[0]) is signed by the school"), "\(verified.out)\(verified.err)")
        #expect(verified.out.contains("Nguyễn Văn An (1A)") && verified.out.contains("700.000 đ"), "the genuine content, to compare")
        // The QR on the printed page carries the same seal.
        _ = try Self.tool(["pdftoppm", "-r", "150", "-png", "-singlefile", pdf, cli.folder.appendingPathComponent("an").path])
        let seal = try Self.tool(["zbarimg", "--quiet", "--raw", cli.folder.appendingPathComponent("an.png").path])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(seal.hasPrefix("HPR1|\(year)TAA|0000001|"))
        #expect(cli.run("receipts", "verify", seal).status == 0)
        // A forwarded copy with another amount fails.
        let forged = seal.replacingOccurrences(of: "|700000|", with: "|70000|")
        let refused = cli.run("--lang", "en", "receipts", "verify", forged)
        #expect(refused.status == 1 && refused.err.contains("INVALID") && refused.err.contains("amount"), "\(refused.err)")
        // Someone edits the stored receipt: its signature no longer matches.
        let queue = try DatabaseQueue(path: cli.db)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER receipts_immutable")
            try db.execute(sql: "UPDATE receipts SET content = replace(content, 'Nguyễn Văn An', 'Nguyễn Văn Ân') WHERE number = 1")
        }
        let altered = cli.run("--lang", "en", "receipts", "verify", seal)
        #expect(altered.status == 1 && altered.err.contains("altered"), "\(altered.err)")
        let ledger = cli.run("ledger", "verify")
        #expect(ledger.status == 1 && ledger.out.contains("receipt \(an[0])"), "\(ledger.out)\(ledger.err)")
        #expect(cli.run("receipts", "pdf", "26TAA-0000099", "-o", pdf).status == 1)
    }

    @Test("unmatching a receipted payment cancels the receipt; re-matching issues a new number; verify passes")
    func unmatchCancels() throws {
        let school = try paidSchool()
        let cli = school.cli
        #expect(cli.run("receipts", "issue", "--all").status == 0)
        #expect(cli.run("unmatch", "R1", "--reason", "chuyển nhầm").status == 0)
        var rows = Array(parseCSV(cli.run("receipts", "export").out).dropFirst())
        let an = try #require(rows.first { $0[7] == "Nguyễn Văn An" })
        #expect(an[5] == "cancelled" && an[12].contains("chuyển nhầm"))
        let verify = cli.run("--lang", "en", "receipts", "verify", an[0])
        #expect(verify.status == 1 && verify.out.contains("BUT this receipt is cancelled"), "\(verify.out)\(verify.err)")
        #expect(cli.run("--lang", "en", "receipts", "verify", rows[1][0]).out.hasPrefix("VALID"))
        #expect(cli.run("receipts", "verify", "not-a-receipt").status == 1)
        #expect(cli.run("match", "R1", school.invoice(named: "Nguyễn Văn An").number, "--reason", "đúng là An").status == 0)
        #expect(cli.run("receipts", "issue", "--all").status == 0)
        rows = Array(parseCSV(cli.run("receipts", "export").out).dropFirst())
        #expect(rows.map { $0[0].suffix(7) } == ["0000001", "0000002", "0000003"] && rows[2][5] == "issued" && rows[2][7] == "Nguyễn Văn An")
        // Bình's receipt had a mistake: the replacement takes the next number; the old one, verified, says so.
        let binh = rows[1][0]
        let replaced = cli.run("--lang", "en", "receipts", "replace", binh, "--reason", "sai tên phụ huynh")
        #expect(replaced.status == 0 && replaced.out.contains("-0000004 replaces \(binh)"), "\(replaced.out)\(replaced.err)")
        let old = cli.folder.appendingPathComponent("old.pdf").path
        #expect(cli.run("receipts", "pdf", binh, "-o", old).status == 0)
        let stale = cli.run("--lang", "en", "receipts", "verify", old)
        #expect(stale.status == 1 && stale.out.contains("BUT this receipt is replaced"), "\(stale.out)\(stale.err)")
        #expect(cli.run("receipts", "replace", binh, "--reason", "again").status == 1)
        #expect(cli.run("ledger", "verify").status == 0)
        let audit = cli.run("report", "audit", "--format", "csv").out
        #expect(audit.contains("receipt.cancelled") && audit.contains("line.unmatched") && audit.contains("chuyển nhầm"))
        // Money decisions come from the journal, automatic ones included, with their reasons.
        let rows2 = parseCSV(audit).dropFirst()
        #expect(rows2.contains { $0[0].hasPrefix("journal#") && $0[3] == "payment.allocated" && $0[4] == "R1" && $0[5].contains("700.000 đ") })
        #expect(rows2.contains { $0[3] == "reversal" && $0[5].contains("chuyển nhầm") })
        #expect(rows2.contains { $0[3] == "payment.allocated" && $0[5].contains("đúng là An") }, "the manual match's reason")
        #expect(!rows2.contains { $0[3] == "invoice.issued" } && rows2.contains { $0[3] == "invoices.issued" })
    }

    @Test("slips for a class: every QR reads back from a 150 dpi page; codes and names are in the text")
    func slips() throws {
        let school = try paidSchool()
        let cli = school.cli
        let pdf = cli.folder.appendingPathComponent("slips.pdf").path
        #expect(cli.run("invoices", "slips", "--class", "2B", "-o", pdf).status == 0)
        let text = Self.squeezed(try Self.tool(["pdftotext", pdf, "-"]))
        let khoa = school.invoices.first { $0.value.name == "Lê Minh Khoa" && $0.value.className == "2B" }!
        #expect(text.contains("Lê Minh Khoa") && text.contains(khoa.value.code) && text.contains("350.000"), "\(text)")
        _ = try Self.tool(["pdftoppm", "-r", "150", "-png", pdf, cli.folder.appendingPathComponent("slip").path])
        let pages = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).filter { $0.hasPrefix("slip-") && $0.hasSuffix(".png") }
        var payloads: Set<String> = []
        for page in pages {
            let out = try Self.tool(["zbarimg", "--quiet", "--raw", cli.folder.appendingPathComponent(page).path])
            payloads.formUnion(out.split(separator: "\n").map(String.init))
        }
        let expected = Set(parseCSV(cli.run("invoices", "export").out).dropFirst().filter { $0[3] == "2B" }.map { $0[9] })
        #expect(payloads == expected && expected.count == 1)
        #expect(cli.run("invoices", "slips", "--class", "9Z", "-o", pdf).status == 1)
    }

    @Test("collection totals equal the journal; XLSX keeps them as numbers; as-of yesterday shows nothing")
    func reportsAddUp() throws {
        let school = try paidSchool()
        let cli = school.cli
        let json = cli.run("report", "collection", "--format", "json")
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let totals = try #require(document["totals"] as? [String: Any])
        let queue = try DatabaseQueue(path: cli.db)
        let (billed, credited) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT SUM(amount) FROM postings WHERE account LIKE '131.%' AND side = 'D'") ?? -1,
             try Int.fetchOne(db, sql: "SELECT SUM(amount) FROM postings WHERE account LIKE '131.%' AND side = 'C'") ?? -1)
        }
        #expect(totals["due"] as? Int == billed && billed == 2_800_000)
        #expect(totals["collected"] as? Int == credited && credited == 1_750_000)
        #expect(totals["outstanding"] as? Int == billed - credited)
        #expect(totals["invoices"] as? Int == 4, "each invoice counted once, not once per fee")
        let outstanding = try #require(try JSONSerialization.jsonObject(with: Data(cli.run("report", "outstanding", "--format", "json").out.utf8)) as? [String: Any])
        #expect((outstanding["totals"] as? [String: Any])?["outstanding"] as? Int == billed - credited)
        #expect((outstanding["rows"] as? [[String: Any]])?.map { $0["class"] as? String } == ["2B", "4C"])
        let unmatched = cli.run("report", "unmatched", "--format", "csv").out
        #expect(unmatched.contains("R4,") && unmatched.contains("123000") && !unmatched.contains("R1,"))
        let statements = parseCSV(cli.run("report", "statements", "--format", "csv").out)
        #expect(statements[1][7] == "2073000" && statements[1][12] == "3" && statements[1][13] == "0" && statements[1][14] == "1",
                "\(statements)")

        let xlsx = cli.folder.appendingPathComponent("collection.xlsx").path
        #expect(cli.run("report", "collection", "--format", "xlsx", "-o", xlsx).status == 0)
        let sheet = try TabularReader.read(fileAt: xlsx)
        let last = try #require(sheet.rows.last?.cells)
        #expect(last.contains("2800000") && last.contains("1750000"), "\(last)")
        #expect(cli.run("report", "collection", "--format", "xlsx").status == 2, "-o is required")

        let yesterday = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-2 * 86_400)).prefix(10)
        let before = try #require(try JSONSerialization.jsonObject(with: Data(cli.run("report", "collection", "--format", "json", "--as-of", String(yesterday)).out.utf8)) as? [String: Any])
        #expect((before["rows"] as? [Any])?.isEmpty == true)
    }

    @Test("a closed month's report is identical before and after later activity, which lands in the next month")
    func closedMonthNeverChanges() throws {
        let school = try paidSchool()
        let cli = school.cli
        #expect(cli.run("period", "close", "2025-09").status == 0)
        let reports = ["collection", "outstanding", "statements", "unmatched", "audit"]
        let before = reports.map { cli.run("report", $0, "--period", "2025-09", "--format", "csv").out }
        // Later: the 4C Khoa pays (a September bank line), An's payment is unmatched, receipts are issued.
        let khoa4C = school.invoices.first { $0.value.name == "Lê Minh Khoa" && $0.value.className == "4C" }!
        try ReconcileTests().importStatement(school, [("R9", 0, 700_000, "\(khoa4C.value.code)"),
                                                      ("R10", 0, 55_000, "khong ro noi dung")])   // booked in September, undecided
        #expect(cli.run("reconcile").status == 0)
        #expect(cli.run("unmatch", "R2", "--reason", "test").status == 0)
        #expect(cli.run("receipts", "issue", "--all").status == 0)
        let after = reports.map { cli.run("report", $0, "--period", "2025-09", "--format", "csv").out }
        #expect(after == before, "every September report is as it was at the close")
        #expect(cli.run("report", "unmatched", "--format", "csv").out.contains("R10,"), "the late line waits now")
        // Through October: + 700,000 from 4C's Khoa, − 700,000 of Bình's payment taken back.
        let october = parseCSV(cli.run("report", "collection", "--period", "2025-10", "--format", "csv").out)
        #expect(october.last?[6] == "1750000")
        #expect(october.first { $0[0] == "4C" }?[6] == "700000" && october.first { $0[0] == "3A" }?[6] == "0")
        let september = parseCSV(before[0])
        #expect(september.first { $0[0] == "4C" }?[6] == "0" && september.first { $0[0] == "3A" }?[6] == "700000")
        let queue = try DatabaseQueue(path: cli.db)
        let late = try queue.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT period FROM journal_entries WHERE seq > (SELECT journal_seq FROM period_closes)") }
        #expect(late == ["2025-10"])
        #expect(cli.run("ledger", "verify").status == 0)
        #expect(cli.run("period", "close", "2025-09").status == 1)
    }

    @Test("school show / update: the public key and fingerprint, address and tax code; refusals change nothing")
    func schoolProfile() throws {
        let cli = try CLIHarness()
        #expect(cli.initSchool().status == 0)
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(cli.run("school", "show", "--json").out.utf8)) as? [String: Any])
        let key = try #require(shown["signing_public_key"] as? String)
        #expect(key.count == 64 && key.allSatisfy(\.isHexDigit) && (shown["signing_key_fingerprint"] as? String)?.count == 19)
        #expect(cli.run("school", "update", "--address", "Thôn 3, xã Đắk Song", "--tax-code", "6400123456-001").status == 0)
        let after = try #require(try JSONSerialization.jsonObject(with: Data(cli.run("school", "show", "--json").out.utf8)) as? [String: Any])
        #expect(after["address"] as? String == "Thôn 3, xã Đắk Song" && after["tax_code"] as? String == "6400123456-001")
        #expect(after["signing_public_key"] as? String == key, "the key never changes")
        let bad = cli.run("school", "update", "--tax-code", "123")
        #expect(bad.status == 1 && bad.err.contains("--tax-code"))
        let series = cli.run("school", "update", "--receipt-series", "FZ")
        #expect(series.status == 1 && series.err.hasPrefix("--receipt-series:"), "\(series.err)")
        #expect(cli.run("school", "update").status == 2, "nothing to update is a usage error")
        let audit = parseCSV(cli.run("report", "audit", "--format", "csv").out).dropFirst().map { $0[3] }
        #expect(audit == ["school.created", "school.updated"])
    }

    @Test("report usage errors exit 2; the PDF report reads back; period list shows the close")
    func reportFormats() throws {
        let school = try paidSchool()
        let cli = school.cli
        #expect(cli.run("report", "nonsense").status == 2)
        #expect(cli.run("report", "collection", "--period", "2025-13").status == 2)
        #expect(cli.run("report", "collection", "--as-of", "2025-02-30").status == 2)
        #expect(cli.run("report", "collection", "--as-of", "31/10/2025").out == cli.run("report", "collection", "--as-of", "2025-10-31").out)
        let pdf = cli.folder.appendingPathComponent("outstanding.pdf").path
        #expect(cli.run("report", "outstanding", "--format", "pdf", "-o", pdf).status == 0)
        let text = Self.squeezed(try Self.tool(["pdftotext", pdf, "-"]))
        #expect(text.contains("Danh sách học sinh chưa nộp đủ") && text.contains("Lê Minh Khoa") && text.contains("Trang 1/1"), "\(text)")
        let table = cli.run("report", "collection").out
        #expect(table.hasPrefix("BÁO CÁO TÌNH HÌNH THU THEO LỚP VÀ KHOẢN THU") && table.contains("2.800.000"), "\(table)")
        #expect(cli.run("period", "close", "2025-13").status == 2)
        #expect(cli.run("invoices", "slips", "--class", "nope!", "-o", pdf).status == 2)
        #expect(cli.run("period", "close", "2025-10").status == 0)
        let closes = parseCSV(cli.run("period", "list").out)
        #expect(closes.count == 2 && closes[1][0] == "2025-10" && closes[1][4].count == 64)
    }
}
