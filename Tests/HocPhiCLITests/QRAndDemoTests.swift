import Foundation
import HocPhiCLI
import Testing

@Suite("qr and demo commands")
struct QRAndDemoTests {
    @Test("qr encode by bank name gives a payload that qr decode reads back")
    func qrRoundTrip() throws {
        let cli = try CLIHarness()
        let encoded = cli.run("qr", "encode", "--bank", "BIDV", "--account", "1234567890", "--amount", "1334520", "--purpose", "HP3K7QX2")
        #expect(encoded.status == 0)
        let payload = encoded.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(payload.hasPrefix("000201010212"))
        #expect(payload.contains("0006970418"))
        let decoded = cli.run("qr", "decode", payload)
        #expect(decoded.status == 0)
        #expect(decoded.out.contains("amount: 1334520") && decoded.out.contains("purpose: HP3K7QX2") && decoded.out.contains("(BIDV)"))
        let broken = cli.run("qr", "decode", String(payload.dropLast()) + (payload.hasSuffix("0") ? "1" : "0"))
        #expect(broken.status == 1 && broken.err.lowercased().contains("crc"))
    }

    @Test("the demo builds a verified school end to end and leaves its files")
    func demo() throws {
        let cli = try CLIHarness()
        let dir = cli.folder.appendingPathComponent("demo").path
        let captured = CapturedConsole()
        let status = HocPhiCommand.run(["demo", "--dir", dir, "--lang", "en"], console: captured.console)
        #expect(status == 0, "\(captured.err)")
        #expect(captured.out.contains("11. Ledger verify: OK"))
        #expect(captured.out.contains("7. Reconciled: "))
        #expect(captured.out.contains("8. Issued 252 signed receipts"), "\(captured.out)")
        for file in ["roster.csv", "roster.xlsx", "fees.csv", "invoices-2025-09.csv", "sao-ke-bidv-2025-09.csv", "hocphi.sqlite",
                     "bien-lai-\(Self.receiptSeries())-0000001.pdf", "thong-bao-thu-lop-5B.pdf", "bao-cao-thu.xlsx", "bao-cao-thu.pdf",
                     "doi-chieu-sao-ke.pdf", "chua-nop-du.csv", "chua-xac-dinh.csv"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/" + file), "\(file)")
        }
        // On the generated school, the collection report's totals are the journal's receivable postings.
        let probe = try GRDBProbe(path: dir + "/hocphi.sqlite")
        let billed = try probe.count("SELECT SUM(amount) FROM postings WHERE account LIKE '131.%' AND side = 'D'")
        let credited = try probe.count("SELECT SUM(amount) FROM postings WHERE account LIKE '131.%' AND side = 'C'")
        func report(_ name: String) -> [String] {
            let out = CapturedConsole()
            #expect(HocPhiCommand.run(["--db", dir + "/hocphi.sqlite", "report", name, "--format", "csv"], console: out.console) == 0)
            return parseCSV(out.out).last ?? []
        }
        let totals = report("collection")
        #expect(totals[0] == "TOTAL" && totals[5] == String(billed) && totals[6] == String(credited) && totals[7] == String(billed - credited),
                "\(totals) vs billed \(billed), credited \(credited)")
        let owed = report("outstanding")
        #expect(owed[7] == String(billed - credited))
        let bank = try probe.count("SELECT SUM(amount) FROM postings WHERE account = '112' AND side = 'D'")
        let matchedCredits = try probe.count("SELECT COALESCE(SUM(amount), 0) FROM allocations WHERE reversed_by IS NULL")
        #expect(bank == matchedCredits, "every đồng debited to the bank is an active allocation")
        let outstanding = try String(contentsOfFile: dir + "/chua-nop-du.csv", encoding: .utf8)
        #expect(outstanding.hasPrefix("invoice_number,student_code,student_name,class,period,due,paid,outstanding,"))
        // Running it again starts over rather than failing or doubling.
        let again = CapturedConsole()
        #expect(HocPhiCommand.run(["demo", "--dir", dir, "--lang", "en"], console: again.console) == 0)
        #expect(again.out.components(separatedBy: "\n").first { $0.hasPrefix("4.") } == captured.out.components(separatedBy: "\n").first { $0.hasPrefix("4.") })
    }

    /// `26TAA` in 2026: receipts are numbered in the series of the year they are issued.
    static func receiptSeries() -> String {
        "\(vietnamYear() % 100)TAA"
    }
}
