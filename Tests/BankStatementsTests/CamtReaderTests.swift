import BankStatements
import Foundation
import LedgerCore
import Testing

@Suite("camt.053 / camt.054 reader")
struct CamtReaderTests {
    static func read(_ text: String, fileName: String = "stmt.xml") throws(StatementError) -> Statement {
        try CamtReader.read(Data(text.utf8), fileName: fileName)
    }

    static func failure(_ text: String) -> StatementError? {
        StandardSamples.failure { () throws(StatementError) -> Statement in try read(text) }
    }

    /// A camt.053 statement around `body` (balances and entries), for the account `account`.
    static func statement(_ body: String, account: String = "<Othr><Id>1500201012345</Id></Othr>") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>M1</MsgId><CreDtTm>2024-09-10T18:30:00+07:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>S1</Id>
              <Acct><Id>\(account)</Id></Acct>
              \(body)
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """
    }

    /// One entry with the given amount element, direction and booking date.
    static func entry(amount: String = #"<Amt Ccy="VND">100000</Amt>"#, indicator: String = "CRDT",
                      booking: String = "<BookgDt><Dt>2024-09-10</Dt></BookgDt>", rest: String = "") -> String {
        "<Ntry>\(amount)<CdtDbtInd>\(indicator)</CdtDbtInd><Sts>BOOK</Sts>\(booking)\(rest)</Ntry>"
    }

    static func balance(_ code: String, _ amount: String, _ indicator: String = "CRDT", currency: String = "VND") -> String {
        "<Bal><Tp><CdOrPrtry><Cd>\(code)</Cd></CdOrPrtry></Tp><Amt Ccy=\"\(currency)\">\(amount)</Amt>"
            + "<CdtDbtInd>\(indicator)</CdtDbtInd><Dt><Dt>2024-09-10</Dt></Dt></Bal>"
    }

    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    @Test("each camt sample reads into its golden statement", arguments: StandardSamples.camt)
    func golden(fileName: String) throws {
        let statement = try CamtReader.read(StandardSamples.data(fileName), fileName: fileName)
        try StandardSamples.expectGolden(statement, fileName: fileName)
    }

    @Test("camt.053: both balances, a debit, repeated Ustrd, related parties, reference fallbacks")
    func statement053() throws {
        let s = try CamtReader.read(StandardSamples.data("agribank.camt053.xml"), fileName: "agribank.camt053.xml")
        #expect(s.format == "camt.053")
        #expect(s.account == "1500201012345")
        #expect(s.openingBalance == Money(dong: 3_200_000))  // OPBD, not CLAV
        #expect(s.closingBalance == Money(dong: 4_584_520))  // CLBD
        #expect(BalanceProof.check(s) == .proven)  // 3,200,000 + 1,334,520 + 500,000 − 1,200,000 + 750,000
        #expect(s.periodStart == Self.date("2024-09-10") && s.periodEnd == Self.date("2024-09-10"))
        #expect(s.lines.map(\.position) == [1, 2, 3, 4])
        #expect(s.lines.map(\.direction) == [.credit, .credit, .debit, .credit])
        // Ntry/AcctSvcrRef (entry 1 also has a TxDtls one, FT24254614613083), then TxDtls/Refs/AcctSvcrRef, then NtryRef.
        #expect(s.lines.map(\.bankReference) == ["2024091000012345", "2024091000012399", "2024091000012400", "VBA-4"])
        #expect(s.lines[0].description == "MBVCB.6987845941.NGUYEN VAN A nop hoc phi HS7K3M2Q lop 3A thang 09")
        #expect(s.lines[0].counterpartyName == "NGUYEN VAN A")
        #expect(s.lines[0].counterpartyAccount == "0181000000000")
        // Decomposed marks in the file come out NFC; surrounding spaces go.
        #expect(s.lines[1].description == "HS4P8X1Z Tr\u{1EA7}n Th\u{1ECB} B\u{00EC}nh n\u{1ED9}p ti\u{1EC1}n \u{0103}n")
        #expect(s.lines[1].counterpartyName == "Tr\u{1EA7}n Th\u{1ECB} B\u{00EC}nh")
        // A debit's counterparty is the creditor; without Ustrd the description is AddtlNtryInf.
        #expect(s.lines[2].counterpartyName == "CONG TY TNHH SACH GIAO DUC MINH ANH")
        #expect(s.lines[2].counterpartyAccount == "0421000777888")
        #expect(s.lines[2].description == "Thanh toan sach giao khoa HK1 & vo bai tap")
        #expect(s.lines[2].bookingDate == Self.date("2024-09-10"), "the date of BookgDt/DtTm")
        #expect(s.lines[3].description == "HS2B6C9D TIEN AN THANG 9", "Ustrd wins over AddtlNtryInf")
        #expect(s.lines[3].valueDate == nil)
    }

    @Test("camt.054 with a namespace prefix: no balances, pending entries skipped but counted")
    func notification054() throws {
        let s = try CamtReader.read(StandardSamples.data("vietinbank.camt054.xml"), fileName: "vietinbank.camt054.xml")
        #expect(s.format == "camt.054")
        #expect(s.account == "108000123456")
        #expect(s.openingBalance == nil && s.closingBalance == nil)
        #expect(BalanceProof.check(s) == .notApplicable)
        #expect(s.lines.map(\.position) == [1, 3])
        #expect(s.lines.map(\.amount) == [Money(dong: 1_334_520), Money(dong: 650_000)])
        #expect(s.lines[0].counterpartyName == "LE THI HOA", "Dbtr/Pty/Nm (version 8)")
        #expect(s.lines[1].bankReference == "FT24255103")
        #expect(s.lines[1].description == "Chuyen tien den tu NAPAS Noi dung: HS2B6C9D PHAM VAN DUNG chuyen tien")
        #expect(s.periodStart == Self.date("2024-09-11") && s.periodEnd == Self.date("2024-09-12"),
                "without FrToDt, the first and last booking dates")
    }

    @Test("IBAN accounts, PRCD as the opening balance, a debit (overdrawn) balance")
    func balancesAndIBAN() throws {
        let body = Self.balance("PRCD", "50000", "DBIT") + Self.balance("CLBD", "50000")
            + Self.entry(amount: #"<Amt Ccy="VND">100000.00</Amt>"#)
        let s = try Self.read(Self.statement(body, account: "<IBAN>VN12BIDV0000012510000123456</IBAN>"))
        #expect(s.account == "VN12BIDV0000012510000123456")
        #expect(s.openingBalance == Money(dong: -50_000))
        #expect(s.closingBalance == Money(dong: 50_000))
        #expect(BalanceProof.check(s) == .proven)
    }

    @Test("two statements for one account are concatenated; for two accounts refused")
    func twoStatements() throws {
        let first = "<Stmt><Id>A</Id><Acct><Id><Othr><Id>111</Id></Othr></Id></Acct>" + Self.balance("OPBD", "1000")
            + Self.balance("CLBD", "101000") + Self.entry() + "</Stmt>"
        let second = "<Stmt><Id>B</Id><Acct><Id><Othr><Id>111</Id></Othr></Id></Acct>" + Self.balance("OPBD", "101000")
            + Self.balance("CLBD", "1000") + Self.entry(indicator: "DBIT", rest: "<NtryRef>R2</NtryRef>") + "</Stmt>"
        let document = { (stmts: String) in "<Document><BkToCstmrStmt>\(stmts)</BkToCstmrStmt></Document>" }
        let s = try Self.read(document(first + second))
        #expect(s.openingBalance == Money(dong: 1_000), "OPBD of the first statement")
        #expect(s.closingBalance == Money(dong: 1_000), "CLBD of the last statement")
        #expect(BalanceProof.check(s) == .proven)
        #expect(s.lines.map(\.position) == [1, 2])
        #expect(s.lines.map(\.signedAmount.dong) == [100_000, -100_000])

        let other = second.replacingOccurrences(of: "<Id>111</Id>", with: "<Id>222</Id>")
        let error = Self.failure(document(first + other))
        #expect(error?.field == "Acct")
        #expect(error?.reason == #"account "222" differs from "111" earlier in the file: a file is one account's statement"#)
    }

    @Test("an entry that cannot be read is refused with its number and field",
          arguments: [
            (CamtReaderTests.entry(amount: #"<Amt Ccy="USD">100.00</Amt>"#),
             #"stmt.xml: entry 2: Amt: currency "USD" is not supported: only VND (đồng) is"#),
            (CamtReaderTests.entry(amount: #"<Amt Ccy="VND">1334520.50</Amt>"#),
             #"stmt.xml: entry 2: Amt: amount "1334520.50" has a fraction of a đồng, which VND does not have"#),
            (CamtReaderTests.entry(amount: #"<Amt Ccy="VND">1.334.520</Amt>"#),
             #"stmt.xml: entry 2: Amt: amount "1.334.520" is not an amount"#),
            (CamtReaderTests.entry(amount: "<Amt>100000</Amt>"), #"stmt.xml: entry 2: Amt: amount "100000" has no currency (Ccy)"#),
            (CamtReaderTests.entry(amount: #"<Amt Ccy="VND">0.00</Amt>"#), "stmt.xml: entry 2: Amt: amount is zero"),
            (CamtReaderTests.entry(amount: ""), "stmt.xml: entry 2: Amt: missing"),
            (CamtReaderTests.entry(indicator: "CRED"), #"stmt.xml: entry 2: CdtDbtInd: "CRED" is not CRDT or DBIT"#),
            (CamtReaderTests.entry(booking: "<BookgDt><Dt>2024-02-30</Dt></BookgDt>"), #"stmt.xml: entry 2: BookgDt: "2024-02-30" is not a date"#),
            (CamtReaderTests.entry(booking: ""), "stmt.xml: entry 2: BookgDt: missing"),
          ])
    func refusedEntry(entry: String, message: String) {
        #expect(Self.failure(Self.statement(Self.entry() + entry))?.description == message)
    }

    @Test("a balance in another currency is refused")
    func balanceCurrency() {
        let error = Self.failure(Self.statement(Self.balance("OPBD", "10.00", currency: "USD")))
        #expect(error?.field == "Bal OPBD/Amt")
        #expect(error?.reason == #"currency "USD" is not supported: only VND (đồng) is"#)
        #expect(error?.place?.hasPrefix("line ") == true)
    }

    @Test("a truncated file is refused with the line where the XML stops")
    func truncated() throws {
        let lines = try StandardSamples.text("agribank.camt053.xml").split(separator: "\n", omittingEmptySubsequences: false)
        let cut = lines.prefix(82).joined(separator: "\n")  // ends inside entry 2, after <Amt Ccy="VND">500000</Amt>
        let error = Self.failure(cut)
        #expect(error?.place == "line 82")
        #expect(error?.description == "stmt.xml: line 82: XML is malformed: the document is cut short, or has content after its end")
    }

    @Test("a malformed file is refused with the line of the fault")
    func malformed() throws {
        var lines = try StandardSamples.text("agribank.camt053.xml").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        #expect(lines[80].contains("<NtryRef>2</NtryRef>"))
        lines[80] = "        <NtryRef>2</NtryRf>"
        let error = Self.failure(lines.joined(separator: "\n"))
        #expect(error?.description == "stmt.xml: line 81: XML is malformed: an end tag does not match its start tag")
    }

    @Test("other XML is refused")
    func otherXML() {
        let report = #"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02"><BkToCstmrAcctRpt/></Document>"#
        #expect(Self.failure(report)?.reason
                == "not a camt.053 or camt.054 document: found <BkToCstmrAcctRpt> where <BkToCstmrStmt> or <BkToCstmrDbtCdtNtfctn> belongs")
        #expect(Self.failure("<html><body/></html>")?.reason.hasPrefix("not a camt.053 or camt.054 document") == true)
        #expect(Self.failure("<Document><BkToCstmrStmt><GrpHdr/></BkToCstmrStmt></Document>")?.description
                == "stmt.xml: the document holds no statement (Stmt)")
        #expect(Self.failure(Self.statement(Self.entry(), account: ""))?.reason == "the statement names no account (Acct/Id)")
    }

    @Test("many entries stream through: positions, sums and references stay right")
    func manyEntries() throws {
        let count = 20_000
        var body = Self.balance("OPBD", "0") + Self.balance("CLBD", String(count * (count + 1) / 2 * 1000))
        body.reserveCapacity(count * 200)
        for n in 1...count {
            body += Self.entry(amount: "<Amt Ccy=\"VND\">\(n * 1000)</Amt>",
                               rest: "<AcctSvcrRef>R\(n)</AcctSvcrRef><NtryDtls><TxDtls><RmtInf><Ustrd>HS\(n)</Ustrd></RmtInf></TxDtls></NtryDtls>")
        }
        let s = try Self.read(Self.statement(body))
        #expect(s.lines.count == count)
        #expect(s.lines.last?.position == count)
        #expect(s.lines.last?.bankReference == "R\(count)")
        #expect(s.lines.last?.description == "HS\(count)")
        #expect(BalanceProof.check(s) == .proven)
    }
}
