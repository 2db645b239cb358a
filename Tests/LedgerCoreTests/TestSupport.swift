import DemoSchool
import Foundation
@testable import LedgerCore

/// Shared builders for the LedgerCore tests.
enum Fixtures {
    /// A chart with every root the core posts to (written out by hand from `ledger/chart-of-accounts.json`).
    static let chart: ChartOfAccounts = {
        let json = """
        { "accounts": [
          { "code": "112", "name_vi": "Tiền gửi Ngân hàng, Kho bạc", "name_en": "Cash at bank", "normal_side": "debit", "sub_account": null, "circular_24": "112" },
          { "code": "131", "name_vi": "Phải thu khách hàng", "name_en": "Receivables", "normal_side": "debit", "sub_account": "student", "circular_24": "131" },
          { "code": "3373", "name_vi": "Tạm thu phí, lệ phí", "name_en": "Fees collected provisionally", "normal_side": "credit", "sub_account": "fee", "circular_24": "3373" },
          { "code": "3381", "name_vi": "Các khoản thu hộ, chi hộ", "name_en": "Collected on behalf", "normal_side": "credit", "sub_account": "fee", "circular_24": "3381" },
          { "code": "3383", "name_vi": "Nhận trước của phụ huynh", "name_en": "Received in advance", "normal_side": "credit", "sub_account": "student", "circular_24": "3383" },
          { "code": "531", "name_vi": "Doanh thu dịch vụ", "name_en": "Service revenue", "normal_side": "credit", "sub_account": "fee", "circular_24": "531" }
        ] }
        """
        return try! ChartOfAccounts(json: Data(json.utf8))
    }()

    static let key = try! PaymentCodeKey(multiplier: 1_234_567, offset: 7_654_321)

    static func time(_ iso: String) -> Timestamp { Timestamp(iso: iso)! }

    static func month(_ text: String) -> YearMonth { YearMonth(text)! }

    static func className(_ text: String) -> ClassName { ClassName(text)! }

    static func studentCode(_ text: String) -> StudentCode { StudentCode(text)! }

    static func feeCode(_ text: String) -> FeeCode { FeeCode(text)! }

    /// A table whose rows are numbered from `firstRow` the way a spreadsheet shows them.
    static func table(_ fileName: String, _ rows: [[String]], firstRow: Int = 1) -> InputTable {
        InputTable(fileName: fileName, rows: rows.enumerated().map { InputTable.Row(number: firstRow + $0.offset, cells: $0.element) })
    }

    /// Splits simple comma-separated lines (no quoting) into a table.
    static func csv(_ fileName: String, _ text: String) -> InputTable {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let trimmedLines = lines.last == "" ? Array(lines.dropLast()) : lines
        return table(fileName, trimmedLines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) })
    }
}

/// The project's deterministic random source (SplitMix64) for tests that need one.
typealias SplitMix64 = DemoSchool.SeededGenerator

extension String {
    /// The string's Unicode scalars as numbers, for comparisons that must not use canonical equivalence.
    var scalarValues: [UInt32] { unicodeScalars.map(\.value) }
}
