import BankStatements
import Foundation
import LedgerCore
import Testing

@Suite("Bank-feed webhook reader")
struct WebhookReaderTests {
    static func read(_ text: String, account: String? = nil) throws(StatementError) -> Statement {
        try WebhookReader.read(Data(text.utf8), fileName: "feed.json", account: account)
    }

    static func failure(_ text: String, account: String? = nil) -> String? {
        StandardSamples.failure { () throws(StatementError) -> Statement in try read(text, account: account) }?.description
    }

    /// One call's body, with fields replaced or added by `extra` (raw JSON members).
    static func item(id: String = "1", type: String = #""in""#, amount: String = "500000", reference: String = #""FT1""#,
                     account: String = #""0011000000000""#, date: String = #""2024-09-11 08:15:02""#,
                     extra: String = "") -> String {
        #"{"id": \#(id), "gateway": "Vietcombank", "transactionDate": \#(date), "accountNumber": \#(account), "#
            + #""code": null, "content": "HS4P8X1Z tien an", "transferType": \#(type), "transferAmount": \#(amount), "#
            + #""subAccount": null, "referenceCode": \#(reference)\#(extra)}"#
    }

    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    @Test("each webhook sample reads into its golden statement, and its balances add up",
          arguments: StandardSamples.webhook)
    func golden(fileName: String) throws {
        let statement = try WebhookReader.read(StandardSamples.data(fileName), fileName: fileName, account: nil)
        try StandardSamples.expectGolden(statement, fileName: fileName)
        #expect(BalanceProof.check(statement) == .proven)
    }

    @Test("a single object is one credit; its accumulated balance gives both ends")
    func single() throws {
        let s = try WebhookReader.read(StandardSamples.data("sepay-single.webhook.json"),
                                       fileName: "sepay-single.webhook.json", account: "0011000000000")
        #expect(s.format == "webhook")
        #expect(s.lines.count == 1)
        let line = try #require(s.lines.first)
        #expect(line.direction == .credit)
        #expect(line.amount == Money(dong: 1_334_520))
        #expect(line.bookingDate == Self.date("2024-09-10"))
        #expect(line.valueDate == nil)
        #expect(line.bankReference == "MBVCB.6987845941")
        #expect(line.runningBalance == Money(dong: 19_077_000))
        #expect(s.openingBalance == Money(dong: 17_742_480))  // 19,077,000 − 1,334,520
        #expect(s.closingBalance == Money(dong: 19_077_000))
    }

    @Test("an array: in and out, reference fallback to the id, a retry kept twice read once")
    func batch() throws {
        let s = try WebhookReader.read(StandardSamples.data("sepay-batch.webhook.json"),
                                       fileName: "sepay-batch.webhook.json", account: nil)
        #expect(s.lines.map(\.position) == [1, 2, 3, 5], "entry 4 repeats entry 2 (same id, same body)")
        #expect(s.lines.map(\.direction) == [.credit, .debit, .credit, .credit])
        #expect(s.lines.map(\.bankReference) == ["5243.91001", "5243.91002", "webhook:92707", "webhook:92708"])
        #expect(s.lines[2].description == "Nguy\u{1EC5}n V\u{0103}n An HS2B6C9D ti\u{1EC1}n \u{0103}n")
        #expect(s.lines[3].amount == Money(dong: 300_000), "300000.0 is a whole amount")
        #expect(s.periodStart == Self.date("2024-09-11") && s.periodEnd == Self.date("2024-09-12"))
        #expect(s.openingBalance == Money(dong: 19_077_000) && s.closingBalance == Money(dong: 20_007_000))
    }

    @Test("the reference falls back to webhook:<id> when referenceCode is empty, null or absent")
    func referenceFallback() throws {
        let text = "[" + [Self.item(id: "11", reference: #""""#), Self.item(id: #""abc-12""#, reference: "null"),
                          Self.item(id: "13", reference: #""  ""#), Self.item(id: "14", reference: #"" FT14 ""#)]
            .joined(separator: ",") + "]"
        let s = try Self.read(text)
        #expect(s.lines.map(\.bankReference) == ["webhook:11", "webhook:abc-12", "webhook:13", "FT14"])
        #expect(s.openingBalance == nil && s.closingBalance == nil, "no accumulated: a feed has no balances")
        #expect(s.lines.allSatisfy { $0.runningBalance == nil })
        #expect(BalanceProof.check(s) == .notApplicable)
    }

    @Test("balances are derived only when the accumulated balances chain")
    func brokenChain() throws {
        let text = "[" + Self.item(id: "1", extra: #", "accumulated": 1500000"#) + ","
            + Self.item(id: "2", extra: #", "accumulated": 2500000"#) + "]"  // 1,500,000 + 500,000 ≠ 2,500,000
        let s = try Self.read(text)
        #expect(s.openingBalance == nil && s.closingBalance == nil)
        #expect(s.lines.map(\.runningBalance) == [Money(dong: 1_500_000), Money(dong: 2_500_000)])
    }

    @Test("items for another account are refused, naming the item")
    func wrongAccount() throws {
        let data = try StandardSamples.data("sepay-batch.webhook.json")
        let error = StandardSamples.failure { () throws(StatementError) -> Statement in
            try WebhookReader.read(data, fileName: "sepay-batch.webhook.json", account: "0011000000001")
        }
        #expect(error?.description
                == #"sepay-batch.webhook.json: entry 1: accountNumber: "0011000000000" is not the account "0011000000001" being imported"#)

        let mixed = "[" + Self.item(id: "1") + "," + Self.item(id: "2", account: #""0011000000999""#) + "]"
        #expect(Self.failure(mixed)
                == #"feed.json: entry 2: accountNumber: "0011000000999" differs from "0011000000000" of the items before: a file is one account's statement"#)
    }

    @Test("an item that cannot be read is refused with its number and field",
          arguments: [
            (WebhookReaderTests.item(amount: "0"), "feed.json: entry 1: transferAmount: amount 0 is not above zero"),
            (WebhookReaderTests.item(amount: "-500000"), "feed.json: entry 1: transferAmount: amount -500000 is not above zero"),
            (WebhookReaderTests.item(amount: "12.5"),
             #"feed.json: entry 1: transferAmount: amount "12.5" has a fraction of a đồng, which VND does not have"#),
            (WebhookReaderTests.item(amount: #""1.334.520""#),
             #"feed.json: entry 1: transferAmount: amount "1.334.520" is not an amount"#),
            (WebhookReaderTests.item(amount: "null"), "feed.json: entry 1: transferAmount: missing"),
            (WebhookReaderTests.item(amount: "true"), "feed.json: entry 1: transferAmount: true is not an amount"),
            (WebhookReaderTests.item(type: #""IN_OUT""#), #"feed.json: entry 1: transferType: "IN_OUT" is not "in" or "out""#),
            (WebhookReaderTests.item(date: #""25/03/2023 14:02:37""#),
             #"feed.json: entry 1: transactionDate: "25/03/2023 14:02:37" is not a date (YYYY-MM-DD hh:mm:ss)"#),
            (WebhookReaderTests.item(id: "null"), "feed.json: entry 1: id: missing"),
            (WebhookReaderTests.item(account: #""""#), #"feed.json: entry 1: accountNumber: "" is not an account number"#),
            (WebhookReaderTests.item(extra: #", "accumulated": "n/a""#),
             #"feed.json: entry 1: accumulated: amount "n/a" is not an amount"#),
          ])
    func refused(item: String, message: String) {
        #expect(Self.failure(item) == message)
    }

    @Test("a string amount of digits, a negative accumulated balance and an upper-case direction are read")
    func tolerated() throws {
        let s = try Self.read(Self.item(type: #""OUT""#, amount: #""500000""#, extra: #", "accumulated": -200000"#))
        let line = try #require(s.lines.first)
        #expect(line.direction == .debit && line.amount == Money(dong: 500_000))
        #expect(line.runningBalance == Money(dong: -200_000))
        #expect(s.openingBalance == Money(dong: 300_000))  // −200,000 + 500,000 taken out
    }

    @Test("the same id with a different body is refused")
    func conflictingRetry() {
        let text = "[" + Self.item(id: "7") + "," + Self.item(id: "7", amount: "600000") + "]"
        #expect(Self.failure(text) == #"feed.json: entry 2: id: "7" was already used by entry 1 for a different movement"#)
    }

    @Test("malformed or misshapen JSON is refused; an empty array needs the account named")
    func shapes() throws {
        #expect(Self.failure(#"{"id": 1, "#)?.hasPrefix("feed.json: JSON is malformed: ") == true)
        #expect(Self.failure("42") == "feed.json: expected a JSON object or an array of objects")
        #expect(Self.failure("[1]") == "feed.json: entry 1: is 1, not a JSON object")
        #expect(Self.failure("[]") == "feed.json: no transactions, and no account named for the file")
        let empty = try Self.read("[]", account: "0011000000000")
        #expect(empty.account == "0011000000000" && empty.lines.isEmpty)
        #expect(empty.periodStart == nil && empty.openingBalance == nil)
    }
}
