/// A date without time or zone (a date of birth, a booking date), written `YYYY-MM-DD`.
public struct LocalDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD` or the Vietnamese `dd/MM/yyyy` (also `d/M/yyyy`), the two forms rosters use.
    public init?(_ text: String) {
        // The stored form `2025-09-01`, read a million times by reconciliation and reports: straight from bytes.
        if text.utf8.count == 10, let date = Self.isoDigits(text) { self = date; return }
        let trimmed = text.trimmingSpaces()
        // Digits and separators only: `Int(_:)` alone would also take "+9".
        guard trimmed.allSatisfy({ $0.asciiDigit != nil || $0 == "-" || $0 == "/" }) else { return nil }
        if trimmed.contains("-") {
            let p = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
                  let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]) else { return nil }
            self.init(year: y, month: m, day: d)
        } else {
            let p = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            guard p.count == 3, (1...2).contains(p[0].count), (1...2).contains(p[1].count), p[2].count == 4,
                  let d = Int(p[0]), let m = Int(p[1]), let y = Int(p[2]) else { return nil }
            self.init(year: y, month: m, day: d)
        }
    }

    private static func isoDigits(_ text: String) -> LocalDate? {
        var digits: [Int] = []
        digits.reserveCapacity(8)
        for (index, byte) in text.utf8.enumerated() {
            if index == 4 || index == 7 {
                guard byte == 0x2D else { return nil }
            } else {
                guard (0x30...0x39).contains(byte) else { return nil }
                digits.append(Int(byte - 0x30))
            }
        }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        return LocalDate(year: year, month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7])
    }

    /// Appends `YYYY-MM-DD`, exactly as `description` writes it (a `LocalDate`'s year has four digits), without
    /// building a String: a million-line import writes a date per line, twice.
    public func appendISO(to bytes: inout [UInt8]) {
        bytes.append(UInt8(truncatingIfNeeded: 0x30 + year / 1000 % 10))
        bytes.append(UInt8(truncatingIfNeeded: 0x30 + year / 100 % 10))
        bytes.append(UInt8(truncatingIfNeeded: 0x30 + year / 10 % 10))
        bytes.append(UInt8(truncatingIfNeeded: 0x30 + year % 10))
        bytes.append(0x2D)
        bytes.append(UInt8(truncatingIfNeeded: 0x30 + month / 10))
        bytes.append(UInt8(truncatingIfNeeded: 0x30 + month % 10))
        bytes.append(0x2D)
        bytes.append(UInt8(truncatingIfNeeded: 0x30 + day / 10))
        bytes.append(UInt8(truncatingIfNeeded: 0x30 + day % 10))
    }

    public var description: String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    /// Whole days from `other` to this date (negative when `other` is later).
    public func daysSince(_ other: LocalDate) -> Int {
        let this = Timestamp.daysSince1970(year: Int64(year), month: Int64(month), day: Int64(day))
        let that = Timestamp.daysSince1970(year: Int64(other.year), month: Int64(other.month), day: Int64(other.day))
        return Int(this - that)
    }

    /// `05/10/2025`: how a Vietnamese reader writes a date (zero-padded day first).
    public var vietnamese: String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(pad(day))/\(pad(month))/\(year)"
    }

    /// `ngày 05 tháng 10 năm 2025`: the formal date on a receipt or a report.
    public var vietnameseFormal: String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "ngày \(pad(day)) tháng \(pad(month)) năm \(year)"
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
