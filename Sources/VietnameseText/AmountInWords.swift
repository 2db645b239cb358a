/// An amount of money in Vietnamese words, the way a receipt (biên lai) or an invoice prints it under the figure:
/// `1_334_520` → "Một triệu ba trăm ba mươi tư nghìn năm trăm hai mươi đồng".
///
/// Vietnamese reads numbers in groups of three digits from the right, each group followed by its scale word
/// (nothing, "nghìn", "triệu"), and every nine digits by "tỷ". Within a group the words change with their
/// neighbours, which is what makes the reading more than a table look-up:
///
/// - Ten alone is "mười" (10 "mười", 15 "mười lăm"); the other tens are "<digit> mươi" (20 "hai mươi").
/// - After "mươi", a one is "mốt" (21 "hai mươi mốt") and a four is usually "tư" (24 "hai mươi tư"; some
///   offices write "bốn", see ``Four``). After "mười" they stay "một" and "bốn" (11 "mười một", 14 "mười bốn").
/// - After any tens word a five is "lăm" (15 "mười lăm", 25 "hai mươi lăm"); elsewhere it is "năm".
/// - An empty tens place between hundreds and units is read "linh" (or "lẻ", see ``ZeroTens``): 105
///   "một trăm linh năm". The unit after it keeps its plain name ("linh năm", "linh một", "linh bốn").
/// - A group that is not the first one spoken reads all three places, so an empty hundreds place is
///   "không trăm": 1_005 "một nghìn không trăm linh năm", 1_050 "một nghìn không trăm năm mươi".
///   The first group spoken does not: 5 is "năm", not "không trăm linh năm".
/// - A group that is all zeros is skipped, with its scale word: 1_000_005 "một triệu không trăm linh năm".
///
/// Beyond 999 tỷ the number of tỷ is itself read as a number and followed by "tỷ", as Vietnamese writes
/// large sums: 1_200_000_000_000 is "một nghìn hai trăm tỷ" (not "một nghìn tỷ hai trăm tỷ"), and the round
/// amounts give the familiar compound scales "nghìn tỷ", "triệu tỷ" and "tỷ tỷ" (10^12, 10^15, 10^18).
///
/// The text is in NFC (precomposed letters), like every other text this module produces.
public struct AmountInWords: Sendable, Hashable {
    /// How an empty tens place between a hundreds digit and a units digit is read (105, 1_005, 2_009).
    /// Both are correct Vietnamese: "linh" is the northern and more formal word, "lẻ" the southern one.
    public enum ZeroTens: String, Sendable, CaseIterable {
        /// "một trăm linh năm"
        case linh
        /// "một trăm lẻ năm"
        case le

        /// The word as printed.
        var word: String {
            switch self {
            case .linh: "linh"
            case .le: "lẻ"
            }
        }
    }

    /// How a units four is read after a tens word of twenty or more (24, 34, …, 94).
    /// "tư" is the usual reading ("hai mươi tư"); "bốn" is also accepted and some forms prefer it.
    /// After "mười" and after "linh"/"lẻ" a four is always "bốn" (14 "mười bốn", 104 "một trăm linh bốn").
    public enum Four: String, Sendable, CaseIterable {
        /// "hai mươi tư"
        case tu
        /// "hai mươi bốn"
        case bon

        /// The word as printed.
        var word: String {
            switch self {
            case .tu: "tư"
            case .bon: "bốn"
            }
        }
    }

    /// The word for an empty tens place inside a group: "linh" (default) or "lẻ".
    public var zeroTens: ZeroTens = .linh
    /// The word for a units four after "mươi": "tư" (default) or "bốn".
    public var four: Four = .tu

    public init(zeroTens: ZeroTens = .linh, four: Four = .tu) {
        self.zeroTens = zeroTens
        self.four = four
    }

    /// The amount `dong` (at least 0) as printed on a receipt: the reading with its first letter capitalised,
    /// followed by " đồng". `0` is "Không đồng". Every non-negative `Int64` has a reading.
    public func words(_ dong: Int64) -> String {
        precondition(dong >= 0, "an amount in words is never negative")
        return Self.capitalisingFirstLetter(number(dong)) + " đồng"
    }

    /// The reading of `value` (at least 0) alone, in lower case and without the currency ("mười lăm",
    /// "một triệu không trăm linh năm nghìn"), for composing other texts. `0` is "không".
    public func number(_ value: Int64) -> String {
        precondition(value >= 0, "only non-negative numbers are read")
        if value == 0 { return Self.digitNames[0] }
        var spoken: [String] = []
        appendReading(of: value, isFirstSpoken: true, to: &spoken)
        return spoken.joined(separator: " ")
    }

    // MARK: - Reading

    /// The plain names of the digits, used for hundreds, for tens before "mươi" and for units
    /// that follow nothing, "mười" or "linh"/"lẻ".
    private static let digitNames = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

    /// One tỷ: the unit that repeats, so that the number of tỷ is read as a number of its own.
    private static let billion: Int64 = 1_000_000_000

    /// The scale words of the three groups below one tỷ, highest first.
    private static let groupScales: [(divisor: Int64, word: String?)] = [
        (1_000_000, "triệu"), (1_000, "nghìn"), (1, nil),
    ]

    /// Appends the words of `value` (> 0). `isFirstSpoken` is true when nothing has been said before it,
    /// which is what decides whether its first group reads an empty hundreds place ("không trăm").
    private func appendReading(of value: Int64, isFirstSpoken: Bool, to spoken: inout [String]) {
        if value >= Self.billion {
            // The number of tỷ, read as a number on its own (it may itself hold tỷ: "tỷ tỷ").
            appendReading(of: value / Self.billion, isFirstSpoken: isFirstSpoken, to: &spoken)
            spoken.append("tỷ")
            let rest = value % Self.billion
            if rest > 0 { appendBelowBillion(rest, isFirstSpoken: false, to: &spoken) }
        } else {
            appendBelowBillion(value, isFirstSpoken: isFirstSpoken, to: &spoken)
        }
    }

    /// Appends the words of `value` (1 ..< 1 tỷ), group by group, skipping empty groups with their scale word.
    private func appendBelowBillion(_ value: Int64, isFirstSpoken: Bool, to spoken: inout [String]) {
        var first = isFirstSpoken
        for (divisor, scale) in Self.groupScales {
            let group = Int((value / divisor) % 1_000)
            if group == 0 { continue }
            appendGroup(group, readsAllPlaces: !first, to: &spoken)
            if let scale { spoken.append(scale) }
            first = false
        }
    }

    /// Appends the words of one group of three digits (1...999).
    ///
    /// `readsAllPlaces` is true for a group that follows other words: its hundreds place is always read,
    /// "không trăm" when empty, and therefore an empty tens place before a unit is "linh"/"lẻ".
    private func appendGroup(_ group: Int, readsAllPlaces: Bool, to spoken: inout [String]) {
        let hundreds = group / 100, tens = group / 10 % 10, units = group % 10
        let hundredsRead = readsAllPlaces || hundreds > 0
        if hundredsRead {
            spoken.append(Self.digitNames[hundreds])
            spoken.append("trăm")
        }
        switch tens {
        case 0:
            guard units > 0 else { return }
            if hundredsRead { spoken.append(zeroTens.word) }
            spoken.append(Self.digitNames[units])
        case 1:
            spoken.append("mười")
            if units > 0 { spoken.append(units == 5 ? "lăm" : Self.digitNames[units]) }
        default:
            spoken.append(Self.digitNames[tens])
            spoken.append("mươi")
            if units > 0 { spoken.append(unitAfterMuoi(units)) }
        }
    }

    /// A units digit (1...9) after "mươi": one is "mốt", four "tư" (or "bốn"), five "lăm".
    private func unitAfterMuoi(_ units: Int) -> String {
        switch units {
        case 1: "mốt"
        case 4: four.word
        case 5: "lăm"
        default: Self.digitNames[units]
        }
    }

    /// "một triệu" → "Một triệu": only the first letter of the whole reading is a capital.
    private static func capitalisingFirstLetter(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
