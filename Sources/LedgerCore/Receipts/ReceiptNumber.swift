/// Where a receipt sits in the school's numbering: the form symbol (mẫu số), the series symbol (ký hiệu)
/// and the number within the series.
///
/// The rules in force since 01/07/2026 (Decree 254/2026/NĐ-CP, Circular 91/2026/TT-BTC Annex II — see
/// README "Receipts") give the series symbol as the two-digit year, `T`, and two letters chosen by the school
/// (`26TAA`), and the number as Arabic digits starting at 1 each calendar year, never reused, without gaps.
/// We print seven digits (`0000001`), within the eight the rule allows.
public struct ReceiptNumber: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// `26TAA`.
    public let series: String
    /// 1, 2, 3, … within the series.
    public let number: Int64

    public init(series: String, number: Int64) {
        self.series = series
        self.number = number
    }

    /// `0000001`.
    public var paddedNumber: String {
        let digits = String(number)
        return digits.count >= 7 ? digits : String(repeating: "0", count: 7 - digits.count) + digits
    }

    /// `26TAA-0000001`: how the command line and the exports name a receipt.
    public var description: String { "\(series)-\(paddedNumber)" }

    /// Reads `26TAA-0000001` (also `26TAA-1`, `26taa 0000001`).
    public init?(_ text: String) {
        let cleaned = text.uppercased().split(whereSeparator: { $0 == "-" || $0 == " " || $0 == "/" })
        guard cleaned.count == 2, ReceiptSeries.isSeriesSymbol(String(cleaned[0])),
              let number = Int64(cleaned[1]), number >= 1, number <= ReceiptSeries.maximumNumber else { return nil }
        self.init(series: String(cleaned[0]), number: number)
    }

    public static func < (lhs: ReceiptNumber, rhs: ReceiptNumber) -> Bool {
        (lhs.series, lhs.number) < (rhs.series, rhs.number)
    }
}

/// The school's receipt series settings: which form and which two letters, from the school profile.
public struct ReceiptSeries: Sendable, Hashable, Codable {
    /// `EBL01`: an e-receipt without face value (Circular 91, Annex II) [confirm with the tax office].
    public var formSymbol: String
    /// The two letters after the year and `T`, e.g. `AA`; from the set the rule allows.
    public var letters: String

    public static let `default` = ReceiptSeries(formSymbol: "EBL01", letters: "AA")
    /// The letters Circular 91 allows in a series symbol (no F, I, J, O, W, Z).
    public static let allowedLetters: Set<Character> = Set("ABCDEGHKLMNPQRSTUVXY")
    /// Eight digits at most.
    public static let maximumNumber: Int64 = 99_999_999

    public init(formSymbol: String, letters: String) {
        self.formSymbol = formSymbol
        self.letters = letters
    }

    /// The series symbol for receipts issued in `year`: `26TAA` for 2026.
    public func symbol(year: Int) -> String {
        let yy = year % 100
        return (yy < 10 ? "0\(yy)" : "\(yy)") + "T" + letters
    }

    /// Checks the profile's values; `nil` when valid, else why not.
    public var problem: String? { formProblem ?? lettersProblem }

    public var formProblem: String? {
        guard formSymbol.isEmpty || formSymbol.count > 11
                || !formSymbol.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        return "form symbol \"\(formSymbol)\" is not 1–11 ASCII letters, digits or dashes"
    }

    public var lettersProblem: String? {
        guard letters.count != 2 || !letters.allSatisfy(Self.allowedLetters.contains) else { return nil }
        return "series letters \"\(letters)\" must be two of A B C D E G H K L M N P Q R S T U V X Y"
    }

    static func isSeriesSymbol(_ text: String) -> Bool {
        let chars = Array(text)
        return chars.count == 5 && chars[0].isASCII && chars[0].isNumber && chars[1].isASCII && chars[1].isNumber
            && chars[2] == "T" && allowedLetters.contains(chars[3]) && allowedLetters.contains(chars[4])
    }
}
