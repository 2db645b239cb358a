/// An instant, in whole seconds since 1970 UTC, written `2025-09-01T08:00:00Z`.
///
/// The core never reads a clock: callers pass the instant in, so the same inputs always give the same
/// journal (and the same hashes) in tests.
public struct Timestamp: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let secondsSince1970: Int64

    public init(secondsSince1970: Int64) { self.secondsSince1970 = secondsSince1970 }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    /// ISO 8601 in UTC, computed without Foundation so that it is exact and identical everywhere.
    public var description: String {
        let days = secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400
        let secondsOfDay = secondsSince1970 - days * 86_400
        let (y, m, d) = Timestamp.civilDate(daysSince1970: days)
        func pad(_ n: Int64, _ width: Int = 2) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m))-\(pad(d))T\(pad(secondsOfDay / 3600)):\(pad(secondsOfDay % 3600 / 60)):\(pad(secondsOfDay % 60))Z"
    }

    /// Parses what `description` writes.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84, bytes[13] == 58, bytes[16] == 58,
              bytes[19] == 90 else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for b in bytes[range] { guard b >= 48, b <= 57 else { return nil }; value = value * 10 + Int64(b - 48) }
            return value
        }
        guard let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
              let h = number(11..<13), let mi = number(14..<16), let s = number(17..<19),
              LocalDate(year: Int(y), month: Int(mo), day: Int(d)) != nil, h < 24, mi < 60, s < 60 else { return nil }
        let days = Timestamp.daysSince1970(year: y, month: mo, day: d)
        self.init(secondsSince1970: days * 86_400 + h * 3600 + mi * 60 + s)
    }

    /// The calendar date in Vietnam (UTC+7, no daylight saving), which is the date a Vietnamese document shows.
    public var vietnamDate: LocalDate {
        let local = secondsSince1970 + 7 * 3600
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let (y, m, d) = Timestamp.civilDate(daysSince1970: days)
        return LocalDate(year: Int(y), month: Int(m), day: Int(d))!
    }

    // Howard Hinnant's days-from-civil algorithms (public domain), exact for the proleptic Gregorian calendar.
    static func civilDate(daysSince1970 z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysSince1970(year y0: Int64, month m: Int64, day d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
