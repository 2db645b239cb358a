import BankStatements
import Foundation
import LedgerCore
import Testing

@Suite("MT940 reader")
struct MT940ReaderTests {
    static func read(_ text: String, fileName: String = "stmt.mt940") throws(StatementError) -> Statement {
        try MT940Reader.read(Data(text.utf8), fileName: fileName)
    }

    static func failure(_ text: String) -> String? {
        StandardSamples.failure { () throws(StatementError) -> Statement in try read(text) }?.description
    }

    /// `vcb-daily.mt940` as lines (LF), to derive broken variants from a known-good file.
    static func dailyLines() throws -> [String] {
        try StandardSamples.text("vcb-daily.mt940").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    @Test("each MT940 sample reads into its golden statement, and its balances add up",
          arguments: StandardSamples.mt940)
    func golden(fileName: String) throws {
        let statement = try MT940Reader.read(StandardSamples.data(fileName), fileName: fileName)
        try StandardSamples.expectGolden(statement, fileName: fileName)
        #expect(BalanceProof.check(statement) == .proven)
    }

    @Test("a daily statement: account after the bank code, balances, debit line, // references, :86: text")
    func daily() throws {
        let s = try MT940Reader.read(StandardSamples.data("vcb-daily.mt940"), fileName: "vcb-daily.mt940")
        #expect(s.account == "0011000000000")
        #expect(s.format == "mt940")
        #expect(s.openingBalance == Money(dong: 524_700))
        #expect(s.closingBalance == Money(dong: 2_864_220))
        // 524,700 + 1,334,520 + 250,000 − 45,000 + 800,000 = 2,864,220
        #expect(s.lines.map(\.signedAmount.dong) == [1_334_520, 250_000, -45_000, 800_000])
        #expect(s.lines.map(\.bankReference) == ["5243.90051", "5243.90052", "5243.90053", nil])
        #expect(s.lines.map(\.position) == [5, 9, 11, 14])
        // A 65-character :86: line continues without a break ("thang 0" + "9.CT"), a shorter one with a space.
        #expect(s.lines[0].description.contains("lop 3A thang 09.CT tu 0181000000000"))
        #expect(s.lines[0].description.hasSuffix("TRUONG TIEU HOC HOA BINH"))
        // Supplementary details are the description only when no :86: follows.
        #expect(s.lines[2].description == "Phi chuyen tien thang 09/2024")
        #expect(s.lines[3].description == "HS2B6C9D TIEN AN THANG 9")
        #expect(s.source.sha256 == "6116931ac0cc8d3deb0382de4d7e49fd38f97ffc9441e1943c5e762298679c2e")
    }

    @Test(":86: lines of exactly 65 characters join without a space; shorter ones with one")
    func informationJoin() throws {
        let full = String(repeating: "x", count: 60) + "HS7K3"
        #expect(full.count == 65)
        let text = """
            :20:X1
            :25:0011000000000
            :60F:C240909VND0,
            :61:240910C100000,NTRFNONREF//R1
            :86:\(full)
            M2Q nop
            hoc phi
            :62F:C240910VND100000,

            """
        let s = try Self.read(text)
        #expect(s.lines.map(\.description) == [String(repeating: "x", count: 60) + "HS7K3M2Q nop hoc phi"])
    }

    @Test("the entry date's year comes from the value date, across a new year either way",
          arguments: [("241231", "0102", "2025-01-02"), ("250101", "1230", "2024-12-30"), ("250102", "1231", "2024-12-31"),
                      ("240615", "0614", "2024-06-14"), ("240229", "0301", "2024-03-01"), ("240910", "", "2024-09-10")])
    func entryYear(valueDate: String, entryDate: String, booking: String) throws {
        let text = """
            :20:X1
            :25:0011000000000
            :60F:C240909VND0,
            :61:\(valueDate)\(entryDate)C100000,NTRFNONREF//R1
            :62F:C240910VND100000,

            """
        let line = try #require(try Self.read(text).lines.first)
        #expect(line.bookingDate == Self.date(booking))
        let v = Array(valueDate)
        #expect(line.valueDate == Self.date("20\(v[0])\(v[1])-\(v[2])\(v[3])-\(v[4])\(v[5])"))
    }

    @Test("two statements in one SWIFT envelope file (CRLF): opening of the first, closing of the last")
    func twoStatements() throws {
        let data = try StandardSamples.data("bidv-yearend.mt940")
        #expect(data.contains(0x0D), "the sample has CRLF line ends")
        let s = try MT940Reader.read(data, fileName: "bidv-yearend.mt940")
        #expect(s.account == "12510000123456")
        #expect(s.openingBalance == Money(dong: 10_000_000))  // :60F: of the first statement
        #expect(s.closingBalance == Money(dong: 10_245_000))  // :62F: of the second; the :62M: between is not used
        #expect(s.periodStart == Self.date("2024-12-30"))
        #expect(s.periodEnd == Self.date("2025-01-02"))
        #expect(s.lines.map(\.position) == [6, 10, 19, 21])
        // RC (reversal of a credit) takes money out; RD (reversal of a debit) puts it back.
        #expect(s.lines.map(\.direction) == [.credit, .debit, .debit, .credit])
        #expect(s.lines[0].bookingDate == Self.date("2025-01-01"))
        #expect(s.lines[2].bookingDate == Self.date("2024-12-31"))
        #expect(s.lines[3].amount == Money(dong: 45_000), "the funds code letter D is not part of the amount")
        #expect(s.lines[0].description.hasSuffix("-CTLNHIDI000009835348328-1/1-CRE-002; thoi gian GD: 31/12/2024 23:58:10"))
    }

    @Test("CRLF and LF give the same statement; the trailer block and a byte-order mark are ignored")
    func lineEnds() throws {
        let lf = try StandardSamples.text("vcb-daily.mt940")
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let a = try Self.read(lf)
        let b = try Self.read(crlf)
        #expect(a.lines == b.lines)
        #expect(a.openingBalance == b.openingBalance && a.closingBalance == b.closingBalance)
        #expect(a.source.sha256 != b.source.sha256)

        let wrapped = "\u{FEFF}{1:F01BFTVVNVXAXXX0000000000}{2:O940}{4:\r\n" + crlf + "-}{5:{CHK:0123456789AB}}\r\n"
        let c = try Self.read(wrapped)
        #expect(c.lines.map(\.amount) == a.lines.map(\.amount))
        #expect(c.lines.map(\.position) == a.lines.map { $0.position + 1 })
    }

    @Test("a broken file is refused with its line and tag",
          arguments: [
            (13, ":61:240910C12.5O0,NTRF1234567", #"stmt.mt940: line 14: :61: amount "12.5O0," is not an amount"#),
            (8, ":61:2409310910C250000,NTRFNONREF//5243.90052",
             #"stmt.mt940: line 9: :61: value date "240931" is not a date (YYMMDD)"#),
            (8, ":61:2409101310C250000,NTRFNONREF//5243.90052",
             #"stmt.mt940: line 9: :61: entry date "1310" is not a date (MMDD)"#),
            (8, ":61:2409100910X250000,NTRFNONREF//5243.90052",
             #"stmt.mt940: line 9: :61: debit/credit mark "X2" is not C, D, RC or RD"#),
            (8, ":61:2409100910C0,NTRFNONREF//5243.90052", #"stmt.mt940: line 9: :61: amount "0," is zero"#),
            (8, ":61:2409100910CI250000,NTRFNONREF//5243.90052",
             #"stmt.mt940: line 9: :61: amount "I250000," is not an amount"#),
            (8, ":61:2409100910C250000,",
             "stmt.mt940: line 9: :61: transaction type (N, F or S and three characters) missing after the amount"),
            (3, ":60F:C240909VND524700,50",
             #"stmt.mt940: line 4: :60F: amount "524700,50" has a fraction of a đồng, which VND does not have"#),
            (3, ":60F:C240909USD524700,", #"stmt.mt940: line 4: :60F: currency "USD" is not supported: only VND (đồng) is"#),
            (3, ":60F:X240909VND524700,", #"stmt.mt940: line 4: :60F: balance "X240909VND524700," does not start with C or D"#),
            (15, ":62F:C241310VND2864220,", #"stmt.mt940: line 16: :62F: date "241310" is not a date (YYMMDD)"#),
          ])
    func refused(index: Int, replacement: String, message: String) throws {
        var lines = try Self.dailyLines()
        lines[index] = replacement
        #expect(Self.failure(lines.joined(separator: "\n")) == message)
    }

    @Test("a statement without :25: is refused at the line of its :20:")
    func missingAccount() throws {
        var lines = try Self.dailyLines()
        lines.remove(at: 1)
        #expect(Self.failure(lines.joined(separator: "\n"))
                == "stmt.mt940: line 1: :25: missing: the statement that starts on this line names no account")
    }

    @Test("a file cut before its closing balance is refused")
    func cutShort() throws {
        let lines = try Self.dailyLines()
        #expect(Self.failure(lines.prefix(15).joined(separator: "\n"))
                == "stmt.mt940: line 1: :62F: missing: the statement that starts on this line has no closing balance (is the file cut short?)")
    }

    @Test("a second statement for another account is refused at its :25:")
    func otherAccount() throws {
        let first = try StandardSamples.text("vcb-daily.mt940")  // 18 lines
        let second = """
            :20:VCB240911001
            :25:BFTVVNVX/0011000000999
            :60F:C240910VND2864220,
            :62F:C240911VND2864220,

            """
        #expect(Self.failure(first + second)
                == #"stmt.mt940: line 20: :25: account "0011000000999" differs from "0011000000000" on line 2: a file is one account's statement"#)
    }

    @Test("text that is not MT940 or not UTF-8 is refused")
    func notMT940() {
        #expect(Self.failure("hello\n:20:X\n") == "stmt.mt940: line 1: text outside any MT940 field")
        #expect(Self.failure("") == "stmt.mt940: no MT940 statement found (no :20:, :25:, :60F: … fields)")
        var bytes = Array(":20:X\n:25:1\n:60F:C240909VND0,\n:61:240910C5,NTRF//A\n:86:Nguy".utf8)
        bytes += [0xE1, 0xBB]  // a UTF-8 sequence cut short (Windows-1258 text looks like this)
        bytes += Array("n\n:62F:C240910VND5,\n".utf8)
        let error = StandardSamples.failure { () throws(StatementError) -> Statement in
            try MT940Reader.read(Data(bytes), fileName: "stmt.mt940")
        }
        #expect(error?.description == "stmt.mt940: line 5: the text is not UTF-8")
    }

    @Test("descriptions are NFC and trimmed")
    func normalised() throws {
        let text = ":20:X\n:25:1\n:60F:C240909VND0,\n:61:240910C5,NTRF//A\n:86:  Nguye\u{0302}\u{0303}n Va\u{0306}n An  \n:62F:C240910VND5,\n"
        #expect(try Self.read(text).lines.first?.description == "Nguy\u{1EC5}n V\u{0103}n An")
    }
}
