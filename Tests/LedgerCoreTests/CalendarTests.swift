import Foundation
import PropertyBased
import Testing
@testable import LedgerCore

@Suite("YearMonth and SchoolYear")
struct YearMonthTests {
    @Test(arguments: [("2025-09", 2025, 9), ("2026-01", 2026, 1), ("2000-12", 2000, 12), ("2999-01", 2999, 1)])
    func parses(text: String, year: Int, month: Int) throws {
        let parsed = try #require(YearMonth(text))
        #expect(parsed.year == year && parsed.month == month)
        #expect(parsed.description == text)
    }

    @Test(arguments: ["2025-9", "2025-13", "2025-00", "25-09", "202509", "2025/09", "2025-09-01", "", "-2025-09",
                      "2025-+9", "+025-09", "2025- 9", " 2025-09", "１９９９-09", "1999-09", "3000-01", "abcd-ef"])
    func refuses(text: String) {
        #expect(YearMonth(text) == nil)
    }

    @Test func memberwiseRefusesOutOfRange() {
        #expect(YearMonth(year: 2025, month: 0) == nil)
        #expect(YearMonth(year: 2025, month: 13) == nil)
        #expect(YearMonth(year: 1999, month: 5) == nil)
        #expect(YearMonth(year: 2025, month: 12) != nil)
    }

    @Test func orderingIsChronological() throws {
        let months = ["2024-12", "2025-01", "2025-02", "2025-09", "2025-10", "2025-11", "2026-01"].map { YearMonth($0)! }
        #expect(months.shuffled().sorted() == months)
        #expect(YearMonth("2025-10")! > YearMonth("2025-09")!)
        #expect(YearMonth("2026-01")! > YearMonth("2025-12")!)
        #expect(!(YearMonth("2025-09")! < YearMonth("2025-09")!))
    }

    @Test(arguments: [("2025-09", 2025), ("2025-12", 2025), ("2026-01", 2025), ("2026-05", 2025),
                      ("2026-08", 2025), ("2025-08", 2024), ("2026-09", 2026)])
    func schoolYear(month: String, startYear: Int) {
        #expect(YearMonth(month)!.schoolYear == SchoolYear(startYear: startYear))
    }

    @Test func teachingMonthsAreSeptemberToMay() {
        let expected = ["2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]
        #expect(SchoolYear(startYear: 2025).teachingMonths.map(\.description) == expected)
        #expect(SchoolYear(startYear: 2025).description == "2025–2026")
        #expect(SchoolYear(startYear: 2024) < SchoolYear(startYear: 2025))
    }

    @Test func everyTeachingMonthBelongsToItsSchoolYear() {
        for start in 2000...2100 {
            let months = SchoolYear(startYear: start).teachingMonths
            #expect(months.count == 9)
            #expect(months.allSatisfy { $0.schoolYear.startYear == start })
        }
    }

    @Test func compactForm() {
        #expect(YearMonth("2025-09")!.compact == "2509")
        #expect(YearMonth("2026-12")!.compact == "2612")
        #expect(YearMonth("2005-01")!.compact == "0501")
    }
}

@Suite("LocalDate")
struct LocalDateTests {
    @Test(arguments: [
        ("2015-03-07", 2015, 3, 7), ("07/03/2015", 2015, 3, 7), ("7/3/2015", 2015, 3, 7), ("31/12/2016", 2016, 12, 31),
        ("2024-02-29", 2024, 2, 29), ("29/02/2000", 2000, 2, 29), ("  2019-11-30 ", 2019, 11, 30), ("1900-01-01", 1900, 1, 1),
    ])
    func parses(text: String, year: Int, month: Int, day: Int) throws {
        let date = try #require(LocalDate(text))
        #expect(date.year == year && date.month == month && date.day == day)
    }

    @Test(arguments: [
        "2023-02-29", "29/02/2023", "1900-02-29", "2100-02-29", "2024-02-30", "2025-04-31", "31/06/2025", "2025-13-01",
        "2025-00-10", "2025-01-00", "2015-3-7", "15-03-07", "2015/03/07", "07/03/15", "07.03.2015", "", "abc",
        "2015-03-07T00:00", "1899-12-31", "3000-01-01", "07/03/2015/1", "007/03/2015",
    ])
    func refuses(text: String) {
        #expect(LocalDate(text) == nil)
    }

    @Test func leapYears() {
        // By the Gregorian rule: divisible by 4, except centuries, except every 400 years.
        for year in 1900...2999 {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            #expect((LocalDate(year: year, month: 2, day: 29) != nil) == leap, "year \(year)")
            #expect(LocalDate(year: year, month: 2, day: 28) != nil)
        }
    }

    @Test func daysInEachMonth() {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for (index, length) in lengths.enumerated() {
            #expect(LocalDate(year: 2025, month: index + 1, day: length) != nil)
            #expect(LocalDate(year: 2025, month: index + 1, day: length + 1) == nil)
            #expect(LocalDate(year: 2025, month: index + 1, day: 0) == nil)
        }
    }

    @Test func bothFormsAgreeAndPrintIso() {
        #expect(LocalDate("05/09/2025") == LocalDate("2025-09-05"))
        #expect(LocalDate("5/9/2025")!.description == "2025-09-05")
        #expect(LocalDate("2025-12-31")!.description == "2025-12-31")
    }

    @Test func ordering() {
        let dates = ["2014-12-31", "2015-01-01", "2015-01-02", "2015-02-01", "2016-01-01"].map { LocalDate($0)! }
        #expect(dates.reversed().sorted() == dates)
    }

    /// A sign is not a digit: "+9" is not a two-digit month, though `Int("+9")` reads it as 9.
    @Test func signedComponentsAreNotDigits() {
        #expect(LocalDate("2025-+9-01") == nil)
        #expect(LocalDate("+1/09/2025") == nil)
        #expect(LocalDate("2025-09-+1") == nil)
        #expect(LocalDate("01/+9/2025") == nil)
    }

    @Test("a date's bytes are its description, for every day of a leap year and a common one")
    func isoBytes() {
        for year in [1999, 2024, 2025] {
            for month in 1...12 {
                for day in 1...LocalDate.daysIn(year: year, month: month) {
                    let date = LocalDate(year: year, month: month, day: day)!
                    var bytes: [UInt8] = []
                    date.appendISO(to: &bytes)
                    #expect(String(decoding: bytes, as: UTF8.self) == date.description)
                }
            }
        }
    }
}

@Suite("Timestamp")
struct TimestampTests {
    @Test func knownInstants() {
        #expect(Timestamp(secondsSince1970: 0).description == "1970-01-01T00:00:00Z")
        #expect(Timestamp(secondsSince1970: -1).description == "1969-12-31T23:59:59Z")
        #expect(Timestamp(secondsSince1970: 951_782_400).description == "2000-02-29T00:00:00Z")
        #expect(Timestamp(secondsSince1970: 1_756_713_600).description == "2025-09-01T08:00:00Z")
        #expect(Timestamp(secondsSince1970: -2_208_988_800).description == "1900-01-01T00:00:00Z")
    }

    @Test(arguments: ["2025-09-01T08:00:00", "2025-09-01 08:00:00Z", "2025-09-01T24:00:00Z", "2025-09-01T08:60:00Z",
                      "2025-09-01T08:00:60Z", "2025-02-29T08:00:00Z", "2025-13-01T08:00:00Z", "2025-09-01T08:00:00.000Z",
                      "2025-09-01t08:00:00z", "", "1899-12-31T23:59:59Z", "2025-09-01T08:00:00+07:00", "2025-9-01T08:00:00Z"])
    func isoRefuses(text: String) {
        #expect(Timestamp(iso: text) == nil)
    }

    @Test func isoParsesKnownInstants() {
        #expect(Timestamp(iso: "1970-01-01T00:00:00Z")?.secondsSince1970 == 0)
        #expect(Timestamp(iso: "2025-09-01T08:00:00Z")?.secondsSince1970 == 1_756_713_600)
        #expect(Timestamp(iso: "1969-12-31T23:59:59Z")?.secondsSince1970 == -1)
        #expect(Timestamp(iso: "2999-12-31T23:59:59Z")?.secondsSince1970 == 32_503_679_999)
    }

    /// The whole supported range, 1900-01-01 to 2999-12-31, checked against Foundation's own ISO 8601 formatter.
    @Test func propertyIsoRoundTripAgreesWithFoundation() async {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.formatOptions = [.withInternetDateTime]
        await propertyCheck(count: 1_000, input: Gen.int64(in: -2_208_988_800...32_503_679_999)) { seconds in
            let timestamp = Timestamp(secondsSince1970: seconds)
            let expected = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            #expect(timestamp.description == expected)
            #expect(Timestamp(iso: timestamp.description) == timestamp)
            #expect(Timestamp(iso: expected)?.secondsSince1970 == seconds)
        }
    }

    @Test func propertyVietnamDateAgreesWithFoundation() async {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        await propertyCheck(count: 500, input: Gen.int64(in: -2_208_988_800...32_503_654_799)) { seconds in
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            let date = Timestamp(secondsSince1970: seconds).vietnamDate
            #expect(date.year == parts.year && date.month == parts.month && date.day == parts.day)
        }
    }

    @Test func vietnamDateCrossesMidnightAtSeventeenHundredUTC() {
        #expect(Timestamp(iso: "2025-08-31T16:59:59Z")!.vietnamDate == LocalDate("2025-08-31"))
        #expect(Timestamp(iso: "2025-08-31T17:00:00Z")!.vietnamDate == LocalDate("2025-09-01"))
        #expect(Timestamp(iso: "2025-12-31T17:00:00Z")!.vietnamDate == LocalDate("2026-01-01"))
        #expect(Timestamp(iso: "2024-02-28T17:00:00Z")!.vietnamDate == LocalDate("2024-02-29"))
        #expect(Timestamp(iso: "1969-12-31T16:59:59Z")!.vietnamDate == LocalDate("1969-12-31"))
        #expect(Timestamp(iso: "1969-12-31T17:00:00Z")!.vietnamDate == LocalDate("1970-01-01"))
    }

    @Test func ordering() {
        #expect(Timestamp(secondsSince1970: -5) < Timestamp(secondsSince1970: 3))
        #expect(Timestamp(iso: "2025-09-01T08:00:00Z")! < Timestamp(iso: "2025-09-01T08:00:01Z")!)
    }
}
