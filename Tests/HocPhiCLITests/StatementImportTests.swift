import Foundation
import Testing

/// `statements import`: every line exactly once, files that prove themselves, refusals that change nothing.
@Suite("Statement import through the command line")
struct StatementImportTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("bank-formats/samples")

    /// A BIDV export for the demo school's account, built from rows (date, ref, debit, credit, balance, text).
    static func bidv(opening: Int64, _ rows: [(String, String, Int64, Int64, String)]) -> String {
        var balance = opening
        var lines = ["BÁO CÁO CHI TIẾT SỐ DƯ TÀI KHOẢN", "Số tài khoản: 63510000868686",
                     "NGÀY HIỆU LỰC,SỐ THAM CHIẾU,GHI NỢ,GHI CÓ,SỐ DƯ,MÔ TẢ", ",,,,\(opening),DƯ ĐẦU"]
        for (date, ref, debit, credit, text) in rows {
            balance += credit - debit
            lines.append("\(date),\(ref),\(debit == 0 ? "" : String(debit)),\(credit == 0 ? "" : String(credit)),\(balance),\(text)")
        }
        lines.append(",,,,\(balance),DƯ CUỐI")
        return lines.joined(separator: "\n") + "\n"
    }

    func school() throws -> CLIHarness {
        let cli = try CLIHarness()
        #expect(cli.initSchool().status == 0)
        return cli
    }

    func lines(_ cli: CLIHarness) -> [[String]] {
        Array(parseCSV(cli.run("statements", "lines").out).dropFirst())
    }

    @Test("the BIDV sample imports once; importing it again adds nothing")
    func sameFileTwice() throws {
        let cli = try school()
        let path = Self.samples.appendingPathComponent("bidv.csv").path
        let first = cli.run("--lang", "en", "statements", "import", path)
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.contains("(bidv): read 5 lines, 5 new, 0 duplicates; balance check: proven; first"))
        let again = cli.run("--lang", "en", "statements", "import", path)
        #expect(again.status == 0)
        #expect(again.out.contains("already imported as statement 1; 5 lines known, nothing added"))
        #expect(lines(cli).count == 5)
        let list = parseCSV(cli.run("statements", "list").out)
        #expect(list.first?.prefix(12) == ["statement_id", "file_name", "format", "account", "period_start", "period_end",
                                           "opening_balance", "closing_balance", "lines", "new_lines", "duplicate_lines", "balance_ok"])
        #expect(list.count == 2)
        #expect(list[1].prefix(12) == ["1", "bidv.csv", "bidv", "63510000868686", "2025-09-02", "2025-09-04", "12500000",
                                       "18238400", "5", "5", "0", "true"])
        #expect(cli.run("ledger", "verify").status == 0)
    }

    @Test("overlapping files join exactly; two identical transfers in one file stay two lines")
    func overlapAndTwins() throws {
        let cli = try school()
        let twin = ("03/09/2025", "", Int64(0), Int64(700_000), "nop tien an lop 2A")
        let first = Self.bidv(opening: 1_000_000, [("01/09/2025", "R1", 0, 1_410_100, "HP8BU6E28"), twin, twin])
        let second = Self.bidv(opening: 1_000_000, [("01/09/2025", "R1", 0, 1_410_100, "HP8BU6E28"), twin, twin,
                                                    ("04/09/2025", "R4", 22_000, 0, "Phi quan ly"),
                                                    ("05/09/2025", "", 0, 500_000, "hoc phi be An")])
        #expect(cli.run("statements", "import", try cli.write("a.csv", first)).status == 0)
        #expect(lines(cli).count == 3, "the twins are two lines")
        let overlap = cli.run("--lang", "en", "statements", "import", try cli.write("b.csv", second))
        #expect(overlap.status == 0, "\(overlap.err)")
        #expect(overlap.out.contains("read 5 lines, 2 new, 3 duplicates"), "\(overlap.out)")
        #expect(overlap.out.contains("overlap with statement 1"))
        let all = lines(cli)
        #expect(all.count == 5)
        #expect(all.filter { $0[5] == "nop tien an lop 2A" }.count == 2)
    }

    @Test("a file that does not add up, has a bad amount or date, or is for another account is refused and changes nothing",
          arguments: [
            ("BÁO CÁO CHI TIẾT SỐ DƯ TÀI KHOẢN\nSố tài khoản: 63510000868686\nNGÀY HIỆU LỰC,GHI NỢ,GHI CÓ,SỐ DƯ,MÔ TẢ\n,,,100,DƯ ĐẦU\n01/09/2025,,50,150,a\n,,,999,DƯ CUỐI\n",
             "bad.csv: balance: opening 100 + credits 50 − debits 0 = 150, but the closing balance is 999"),
            ("BÁO CÁO CHI TIẾT SỐ DƯ TÀI KHOẢN\nSố tài khoản: 63510000868686\nNGÀY HIỆU LỰC,GHI NỢ,GHI CÓ,SỐ DƯ,MÔ TẢ\n01/09/2025,,\"12,5O0\",,a\n",
             "bad.csv: row 4: column \"GHI CÓ\": \"12,5O0\" is not an amount in đồng"),
            ("BÁO CÁO CHI TIẾT SỐ DƯ TÀI KHOẢN\nSố tài khoản: 63510000868686\nNGÀY HIỆU LỰC,GHI NỢ,GHI CÓ,SỐ DƯ,MÔ TẢ\n31/02/2025,,500,,a\n",
             "bad.csv: row 4: column \"NGÀY HIỆU LỰC\": \"31/02/2025\" is not a date"),
            ("BÁO CÁO CHI TIẾT SỐ DƯ TÀI KHOẢN\nSố tài khoản: 99990000111\nNGÀY HIỆU LỰC,GHI NỢ,GHI CÓ,SỐ DƯ,MÔ TẢ\n01/09/2025,,500,,a\n",
             "bad.csv: account: the statement is for account 99990000111, the school's account is 63510000868686"),
            ("BÁO CÁO CHI TIẾT SỐ DƯ TÀI KHOẢN\nSố tài khoản: 63510000868686\nNGÀY HIỆU LỰC,GHI NỢ,MÔ TẢ\n01/09/2025,500,a\n",
             "bad.csv: not a statement format HocPhi knows"),
            ("BÁO CÁO CHI TIẾT SỐ DƯ TÀI KHOẢN\nSố tài khoản: 63510000868686\nNGÀY HIỆU LỰC,GHI NỢ,GHI CÓ,SỐ DƯ,MÔ TẢ\n,,,100,DƯ ĐẦU\n01/09/2025,,50,150,a\n02/09/2025,,50,250,b\n",
             "bad.csv: row 6: balance: balance 150 + 50 should be 200, the file says 250"),
          ])
    func refusals(text: String, message: String) throws {
        let cli = try school()
        let result = cli.run("statements", "import", try cli.write("bad.csv", text))
        #expect(result.status == 1)
        #expect(result.err.hasPrefix(message), "\(result.err)")
        #expect(lines(cli).isEmpty)
        #expect(parseCSV(cli.run("statements", "list").out).count == 1)
    }

    @Test("statements formats lists the standard formats and every bank file")
    func formats() throws {
        let cli = try school()
        let out = cli.run("statements", "formats").out
        for name in ["mt940", "camt.053", "webhook", "bidv", "agribank", "vietcombank", "vietinbank", "mb", "techcombank"] {
            #expect(out.contains("\n\(name) ") || out.hasPrefix("\(name) "), "\(name)")
        }
    }
}
