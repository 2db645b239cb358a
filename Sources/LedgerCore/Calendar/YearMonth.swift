/// A calendar month such as `2025-09`: the period an invoice bills.
public struct YearMonth: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (2000...2999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` exactly.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.asciiDigit != nil } }),
              let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// `Tháng 9/2025`: how a slip or a receipt names the period billed.
    public var vietnameseLabel: String { "Tháng \(month)/\(year)" }

    /// The month after this one.
    public var next: YearMonth {
        month == 12 ? YearMonth(year: year + 1, month: 1)! : YearMonth(year: year, month: month + 1)!
    }

    /// The month a date falls in.
    public init(_ date: LocalDate) {
        self.year = date.year
        self.month = date.month
    }

    /// The school year this month belongs to (September–August, teaching September–May).
    public var schoolYear: SchoolYear { SchoolYear(startYear: month >= 9 ? year : year - 1) }

    /// `2025-09` → `2509`: short enough for an invoice number a person reads out on the phone.
    public var compact: String {
        let yy = year % 100
        return "\(yy < 10 ? "0" : "")\(yy)\(month < 10 ? "0" : "")\(month)"
    }
}

/// A Vietnamese school year, named by the calendar year it starts in: 2025 is "2025–2026",
/// teaching from September to May.
public struct SchoolYear: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    /// The nine teaching months, September to May, when monthly fees fall due.
    public var teachingMonths: [YearMonth] {
        (9...12).compactMap { YearMonth(year: startYear, month: $0) }
            + (1...5).compactMap { YearMonth(year: startYear + 1, month: $0) }
    }

    public var description: String { "\(startYear)–\(startYear + 1)" }

    public static func < (lhs: SchoolYear, rhs: SchoolYear) -> Bool { lhs.startYear < rhs.startYear }
}
