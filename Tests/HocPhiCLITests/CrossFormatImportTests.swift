import Foundation
import TabularInput
import Testing

/// The same three transactions arrive as camt.053, then as MT940, then as the bank's XLSX export: each line is
/// stored once, and each later file reports its lines as already known.
@Suite("One transaction, three formats")
struct CrossFormatImportTests {
    static let transactions: [(date: String, ref: String, credit: Bool, amount: Int64, text: String)] = [
        ("2025-09-02", "FT25245100001", true, 1_530_100, "HP8BU6E28 Do Bao Huy 5B"),
        ("2025-09-03", "FT25246100003", false, 22_000, "Phi quan ly tai khoan"),
        ("2025-09-04", "FT25247100004", true, 1_410_100, "nop tien hoc lop 3A con Tran Thi Binh"),
    ]
    static let opening: Int64 = 12_500_000
    static var closing: Int64 { transactions.reduce(opening) { $0 + ($1.credit ? $1.amount : -$1.amount) } }

    static var camt: String {
        let entries = transactions.map { t in
            """
            <Ntry><NtryRef>\(t.ref)</NtryRef><Amt Ccy="VND">\(t.amount)</Amt><CdtDbtInd>\(t.credit ? "CRDT" : "DBIT")</CdtDbtInd>
            <Sts>BOOK</Sts><BookgDt><Dt>\(t.date)</Dt></BookgDt><ValDt><Dt>\(t.date)</Dt></ValDt><AcctSvcrRef>\(t.ref)</AcctSvcrRef>
            <NtryDtls><TxDtls><RmtInf><Ustrd>\(t.text)</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
            """
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
            <GrpHdr><MsgId>CAMT-1</MsgId><CreDtTm>2025-09-05T00:00:00</CreDtTm></GrpHdr>
            <Stmt><Id>S1</Id><Acct><Id><Othr><Id>63510000868686</Id></Othr></Id></Acct>
            <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="VND">\(opening)</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-09-01</Dt></Dt></Bal>
            <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="VND">\(closing)</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-09-04</Dt></Dt></Bal>
            \(entries)
            </Stmt></BkToCstmrStmt></Document>
            """
    }

    static var mt940: String {
        func yymmdd(_ date: String) -> String { String(date.replacingOccurrences(of: "-", with: "").dropFirst(2)) }
        var lines = [":20:STMT1", ":25:63510000868686", ":28C:1/1", ":60F:C250901VND\(opening),"]
        for t in transactions {
            let day = yymmdd(t.date)
            lines.append(":61:\(day)\(day.suffix(4))\(t.credit ? "C" : "D")\(t.amount),NTRFNONREF//\(t.ref)")
            lines.append(":86:\(t.text)")
        }
        lines.append(":62F:C250904VND\(closing),")
        return lines.joined(separator: "\r\n") + "\r\n-"
    }

    static func xlsx() throws -> Data {
        var balance = opening
        var rows: [[String]] = [["BÁO CÁO CHI TIẾT SỐ DƯ TÀI KHOẢN"], ["Số tài khoản: 63510000868686"],
                                ["NGÀY HIỆU LỰC", "SỐ THAM CHIẾU", "GHI NỢ", "GHI CÓ", "SỐ DƯ", "MÔ TẢ"],
                                ["", "", "", "", "12,500,000", "DƯ ĐẦU"]]
        for t in transactions {
            balance += t.credit ? t.amount : -t.amount
            let parts = t.date.split(separator: "-")
            rows.append(["\(parts[2])/\(parts[1])/\(parts[0])", t.ref, t.credit ? "" : String(t.amount),
                         t.credit ? String(t.amount) : "", String(balance), t.text])
        }
        rows.append(["", "", "", "", String(balance), "DƯ CUỐI"])
        return try XLSXWriter.data(rows: rows)
    }

    @Test("camt.053, then MT940, then XLSX: three lines in all")
    func eachLineOnce() throws {
        let cli = try CLIHarness()
        #expect(cli.initSchool().status == 0)
        let camt = cli.run("--lang", "en", "statements", "import", try cli.write("sep.camt053.xml", Self.camt))
        #expect(camt.status == 0, "\(camt.err)")
        #expect(camt.out.contains("(camt.053): read 3 lines, 3 new, 0 duplicates; balance check: proven"), "\(camt.out)")
        let mt940 = cli.run("--lang", "en", "statements", "import", try cli.write("sep.sta", Self.mt940))
        #expect(mt940.status == 0, "\(mt940.err)")
        #expect(mt940.out.contains("(mt940): read 3 lines, 0 new, 3 duplicates"), "\(mt940.out)")
        let xlsx = cli.run("--lang", "en", "statements", "import", try cli.write("sep.xlsx", data: try Self.xlsx()))
        #expect(xlsx.status == 0, "\(xlsx.err)")
        #expect(xlsx.out.contains("(bidv): read 3 lines, 0 new, 3 duplicates"), "\(xlsx.out)")
        let lines = parseCSV(cli.run("statements", "lines").out).dropFirst()
        #expect(lines.map { $0[0] } == Self.transactions.map(\.ref))
        #expect(lines.map { $0[3] } == ["credit", "debit", "credit"])
        #expect(lines.map { $0[4] } == ["1530100", "22000", "1410100"])
        #expect(cli.run("ledger", "verify").status == 0)
    }

    @Test("a truncated camt file is refused with its location and changes nothing")
    func truncatedXML() throws {
        let cli = try CLIHarness()
        #expect(cli.initSchool().status == 0)
        let camt = Self.camt
        let cut = String(camt.prefix(camt.count * 2 / 3))
        let result = cli.run("statements", "import", "--format", "camt.053", try cli.write("cut.xml", cut))
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("cut.xml: "), "\(result.err)")
        #expect(parseCSV(cli.run("statements", "lines").out).count == 1)
    }
}
