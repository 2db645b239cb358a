import Foundation
import LedgerCore

/// Reads what bank-feed services POST for each movement on a watched account, one JSON object per call, or
/// an array of such objects (a day's calls kept in one file):
/// `{id, gateway, transactionDate "2023-03-25 14:02:37", accountNumber, code, content, transferType "in"/"out",
/// transferAmount, accumulated, subAccount, referenceCode}`.
///
/// - `transferType` `in` is a credit, `out` a debit; `transferAmount` a whole number of đồng above zero;
///   `transactionDate`'s date part is the booking date (there is no value date); `content` the description
///   (`description` when there is no `content`); `accumulated`, when present, the running balance.
/// - Bank reference: `referenceCode`, or `webhook:<id>` when it is empty, since senders retry for about 30
///   minutes and `id` is what identifies the movement across retries.
/// - A retry kept twice in one file (same `id`, same content) is read once; the same `id` with different
///   content is refused.
/// - Every item must be for the same `accountNumber`, and for `account` when the caller names one.
/// - Balances: a feed has none, except when every item carries `accumulated` and they chain in file order
///   (each balance = the one before ± the amount): then opening = the first balance before its movement,
///   closing = the last balance. Period: the first and last booking dates.
/// - Position: the item's number in the file, from 1.
public enum WebhookReader {
    public static func read(_ data: Data, fileName: String, account: String?) throws(StatementError) -> Statement {
        let root: WebhookJSON
        do {
            root = try JSONDecoder().decode(WebhookJSON.self, from: data)
        } catch {
            throw StatementError(fileName: fileName, reason: "JSON is malformed: \(describe(error))")
        }
        let items: [WebhookJSON]
        switch root {
        case .array(let array): items = array
        case .object: items = [root]
        default: throw StatementError(fileName: fileName, reason: "expected a JSON object or an array of objects")
        }

        var reader = WebhookItems(fileName: fileName, expectedAccount: account.map(StandardFormats.trimmed))
        for (index, item) in items.enumerated() {
            try reader.read(item, number: index + 1)
        }
        return try reader.statement(source: SourceFile(name: fileName, sha256: StatementDigest.sha256Hex(data)))
    }

    /// Whether the bytes look like a bank-feed webhook body: JSON with `transferAmount` and `transferType`.
    public static func looksLike(_ data: Data) -> Bool {
        let head = StandardFormats.head(data)
        guard let first = StandardFormats.firstSignificantByte(head), first == 0x7B || first == 0x5B else { return false }
        return StandardFormats.contains(head, "\"transferAmount\"") && StandardFormats.contains(head, "\"transferType\"")
    }

    private static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError as NSError?,
               let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String {
                return detail
            }
            return context.debugDescription
        default:
            return "\(decoding)"
        }
    }
}

/// Any JSON value, read exactly: integers stay integers, so an amount is never routed through a `Double`
/// unless the sender wrote a fraction.
enum WebhookJSON: Decodable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([WebhookJSON])
    case object([String: WebhookJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Strings first: most values are; every failed attempt costs a thrown error.
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode(Int64.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode([WebhookJSON].self) { self = .array(value) }
        else { self = .object(try container.decode([String: WebhookJSON].self)) }
    }

    /// The value as it was written, for error messages.
    var written: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .integer(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}

private struct WebhookItems {
    let fileName: String
    let expectedAccount: String?

    private var account: String?
    private var lines: [StatementLine] = []
    private var balances: [Money?] = []
    private var seen: [String: (number: Int, item: WebhookJSON)] = [:]

    init(fileName: String, expectedAccount: String?) {
        self.fileName = fileName
        self.expectedAccount = expectedAccount
    }

    private func failure(_ number: Int, _ field: String?, _ reason: String) -> StatementError {
        StatementError(fileName: fileName, place: "entry \(number)", field: field, reason: reason)
    }

    mutating func read(_ item: WebhookJSON, number: Int) throws(StatementError) {
        guard case .object(let fields) = item else { throw failure(number, nil, "is \(item.written), not a JSON object") }

        let id: String
        switch fields["id"] {
        case .integer(let value): id = String(value)
        case .string(let value) where !StandardFormats.trimmed(value).isEmpty: id = StandardFormats.trimmed(value)
        case nil, .null?: throw failure(number, "id", "missing")
        case let other?: throw failure(number, "id", "\(other.written) is not an id")
        }
        if let earlier = seen[id] {
            if earlier.item == item { return }  // the sender's retry, kept twice
            throw failure(number, "id", "\"\(id)\" was already used by entry \(earlier.number) for a different movement")
        }
        seen[id] = (number, item)

        let accountNumber: String
        switch fields["accountNumber"] {
        case .string(let value) where !StandardFormats.trimmed(value).isEmpty: accountNumber = StandardFormats.trimmed(value)
        case .integer(let value): accountNumber = String(value)
        case nil, .null?: throw failure(number, "accountNumber", "missing")
        case let other?: throw failure(number, "accountNumber", "\(other.written) is not an account number")
        }
        if let expectedAccount, accountNumber != expectedAccount {
            throw failure(number, "accountNumber", "\"\(accountNumber)\" is not the account \"\(expectedAccount)\" being imported")
        }
        if let account, accountNumber != account {
            throw failure(number, "accountNumber", "\"\(accountNumber)\" differs from \"\(account)\" of the items before: "
                              + "a file is one account's statement")
        }
        account = accountNumber

        let direction: Direction
        switch fields["transferType"] {
        case .string(let value) where StandardFormats.trimmed(value).lowercased() == "in": direction = .credit
        case .string(let value) where StandardFormats.trimmed(value).lowercased() == "out": direction = .debit
        case nil, .null?: throw failure(number, "transferType", "missing")
        case let other?: throw failure(number, "transferType", "\(other.written) is not \"in\" or \"out\"")
        }

        guard let amountValue = fields["transferAmount"], amountValue != .null else {
            throw failure(number, "transferAmount", "missing")
        }
        let amount = try dong(amountValue, number: number, field: "transferAmount")
        guard amount > 0 else { throw failure(number, "transferAmount", "amount \(amountValue.written) is not above zero") }

        guard case .string(let dateText)? = fields["transactionDate"] else {
            throw failure(number, "transactionDate", fields["transactionDate"].map { "\($0.written) is not a date" } ?? "missing")
        }
        guard let bookingDate = StandardFormats.isoDate(StandardFormats.trimmed(dateText)) else {
            throw failure(number, "transactionDate", "\"\(dateText)\" is not a date (YYYY-MM-DD hh:mm:ss)")
        }

        var runningBalance: Money?
        if let accumulated = fields["accumulated"], accumulated != .null {
            runningBalance = Money(dong: try dong(accumulated, number: number, field: "accumulated", signed: true))
        }

        var reference = ""
        if case .string(let value)? = fields["referenceCode"] { reference = StandardFormats.trimmed(value) }
        if reference.isEmpty { reference = "webhook:" + id }

        var description = ""
        if case .string(let value)? = fields["content"] {
            description = value
        } else if case .string(let value)? = fields["description"] {
            description = value
        }

        lines.append(StatementLine(
            bookingDate: bookingDate, direction: direction, amount: Money(dong: amount), runningBalance: runningBalance,
            bankReference: reference, description: StandardFormats.cleanDescription(description), position: number))
        balances.append(runningBalance)
    }

    /// A whole number of đồng written as a JSON number (`2277000`, `2277000.0`) or a string of digits.
    private func dong(_ value: WebhookJSON, number: Int, field: String, signed: Bool = false) throws(StatementError) -> Int64 {
        switch value {
        case .integer(let v):
            if v < 0 && !signed { throw failure(number, field, "amount \(v) is not above zero") }
            return v
        case .number(let v):
            guard v.rounded() == v, abs(v) < 9.0e15 else {
                throw failure(number, field, StandardFormats.reason(v.rounded() == v ? .tooLarge : .fraction, amount: "\(v)"))
            }
            if v < 0 && !signed { throw failure(number, field, "amount \(v) is not above zero") }
            return Int64(v)
        case .string(let text):
            var digits = Substring(StandardFormats.trimmed(text))
            let negative = signed && digits.first == "-"
            if negative { digits = digits.dropFirst() }
            switch StandardFormats.dong(digits.utf8, decimalSeparator: 0x2E) {
            case .success(let v): return negative ? -v : v
            case .failure(let problem): throw failure(number, field, StandardFormats.reason(problem, amount: text))
            }
        default:
            throw failure(number, field, "\(value.written) is not an amount")
        }
    }

    func statement(source: SourceFile) throws(StatementError) -> Statement {
        guard let statementAccount = account ?? expectedAccount else {
            throw StatementError(fileName: fileName, reason: "no transactions, and no account named for the file")
        }
        var opening: Money?
        var closing: Money?
        if let first = lines.first, balances.allSatisfy({ $0 != nil }) {
            let values = balances.map { $0! }
            var chained = true
            for index in values.indices.dropFirst()
            where values[index - 1].dong.addingReportingOverflow(lines[index].signedAmount.dong) != (values[index].dong, false) {
                chained = false
                break
            }
            let (start, overflow) = values[0].dong.subtractingReportingOverflow(first.signedAmount.dong)
            if chained && !overflow {
                opening = Money(dong: start)
                closing = values[values.count - 1]
            }
        }
        return Statement(
            account: statementAccount, currency: "VND", periodStart: lines.map(\.bookingDate).min(),
            periodEnd: lines.map(\.bookingDate).max(), openingBalance: opening, closingBalance: closing, lines: lines,
            format: "webhook", source: source)
    }
}
