import Foundation
import VietnameseText

/// How one bank's statement export is laid out, read from a file in `bank-formats/`: adding a bank is adding
/// a file, not code.
///
/// Headers are matched the way a person reads them (any case, with or without diacritics, ignoring spaces and
/// punctuation), because the same bank writes "GHI CÓ", "Ghi có" and "GHI CO" in different exports.
public struct StatementFormat: Sendable, Hashable, Decodable {
    public let name: String
    public let bank: String
    public let description: String
    /// Texts of which at least one appears in a file of this format (title, bank name); used to detect it.
    public let detect: [String]
    /// Column key → the header names the bank uses for it. Keys: booking_date, value_date, debit, credit,
    /// amount, sign, description, balance, reference, counterparty, counterparty_account.
    public let columns: [String: [String]]
    /// `dmy` (Vietnamese dd/MM/yyyy) or `ymd`; a time after the date is ignored.
    public let dateOrder: DateOrder
    public let thousandsSeparator: String
    public let decimalSeparator: String
    /// Labels of the row holding the opening balance (`DƯ ĐẦU`, `Số dư đầu kỳ`).
    public let openingRow: [String]
    /// Labels of the row holding the closing balance (`DƯ CUỐI`, `Số dư cuối kỳ`).
    public let closingRow: [String]
    /// Labels of rows that are not transactions: totals, page footers, printer lines.
    public let skipRows: [String]
    /// Labels of the cell that states the account number (`Số tài khoản:`).
    public let accountLabel: [String]

    public enum DateOrder: String, Sendable, Hashable, Decodable {
        case dmy, ymd
    }

    enum CodingKeys: String, CodingKey {
        case name, bank, description, detect, columns
        case dateOrder = "date_order", thousandsSeparator = "thousands_separator", decimalSeparator = "decimal_separator"
        case openingRow = "opening_row", closingRow = "closing_row", skipRows = "skip_rows", accountLabel = "account_label"
    }

    public static func decode(json: Data, fileName: String) throws(StatementError) -> StatementFormat {
        let format: StatementFormat
        do { format = try JSONDecoder().decode(StatementFormat.self, from: json) } catch {
            throw StatementError(fileName: fileName, reason: "not a statement format: \(error)")
        }
        let keys = Set(format.columns.keys)
        let known: Set<String> = ["booking_date", "value_date", "debit", "credit", "amount", "sign", "description",
                                  "balance", "reference", "counterparty", "counterparty_account"]
        if let unknown = keys.subtracting(known).sorted().first {
            throw StatementError(fileName: fileName, field: "columns", reason: "unknown column key \"\(unknown)\"")
        }
        guard keys.contains("booking_date"), keys.contains("description"),
              keys.isSuperset(of: ["debit", "credit"]) || keys.contains("amount")
        else {
            throw StatementError(fileName: fileName, field: "columns",
                                 reason: "a format needs booking_date, description, and debit + credit or amount")
        }
        return format
    }

    /// Folded match keys per column, computed once.
    var columnKeys: [String: Set<String>] { columns.mapValues { Set($0.map(StatementFormat.headerKey)) } }

    /// A header's match key; a header of symbols only (`+/-`) is matched as written.
    static func headerKey(_ text: String) -> String {
        let key = BankASCII.matchKey(text)
        return key.isEmpty ? text.filter { !$0.isWhitespace } : key
    }
}
