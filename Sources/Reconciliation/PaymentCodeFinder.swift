import LedgerCore

/// A payment code found in a transfer description, its check passed.
public struct FoundCode: Sendable, Hashable {
    public let code: PaymentCode
    /// The code as written in the description (first occurrence), e.g. `"hp 3k7-qx.2m"` or `"HP3K7QX2M"`.
    public let writtenAs: String
    /// Where `writtenAs` lies in the description, as UTF-8 offsets.
    public let utf8Range: Range<Int>
    /// How many separator runs the payer (or a bank, or a PDF line wrap) put inside the code; 0 = written whole.
    public let separatorCount: Int
    /// How many times the code occurs (VietinBank repeats a code it recognised in brackets): counted once.
    public let occurrences: Int
}

/// `HP` followed by seven symbols of the code alphabet whose check fails: almost surely a mistyped code.
/// Never matched to anything; the line goes to review ("code HP… fails its check digit — probably mistyped").
public struct InvalidCodeCandidate: Sendable, Hashable {
    /// `HP` + the seven symbols, upper case, without separators.
    public let text: String
    public let writtenAs: String
    public let utf8Range: Range<Int>
}

/// Finds payment codes anywhere in a transfer description.
///
/// The description is folded to upper-case letters and digits with separators (`DescriptionNormalizer`); bank
/// envelopes are recognised (`BankEnvelope`) only to put hard separators at their edges. Then every `H`
/// followed by `P` is a possible start; the next seven symbols of the code alphabet form a candidate, which
/// counts only if `PaymentCode(parsing:)` accepts it. Codes are never corrected: a symbol outside the alphabet
/// (`O`, `0`, `I`, `1`, `L`) ends the candidate, since a "corrected" code could be another child's.
///
/// Which writings are read (the *shape* of a candidate; its check must pass in every case):
/// - written whole (`HP3K7QX2M`, any case), in any context, glued to words on either side
///   (`unghocphiHP3K7QX2Mlop2A`);
/// - a separator after `HP` only (`hp 3k7qx2m`, `H P3K7QX2M` with a lone `H`): the seven symbols must not
///   run on into more code symbols;
/// - one or two separator runs inside the seven symbols (`hp 3k7-qx.2m`, a PDF wrap `HP3K7 QX2M`): `HP`
///   must start a word and the seven symbols must not run on into more code symbols;
/// - every symbol apart (`H P 3 K 7 Q X 2 M`).
/// Separators inside a code are only white space, `.`, `-`, `_` (soft ones); anything else, or the edge of a
/// bank envelope, stops a candidate. These limits keep ordinary words from adding up to a code
/// ("HP THANG 9 BE AN": `HPTHANG9B` runs on into `E`, so it is not read, whatever its check).
public enum PaymentCodeFinder {
    public struct Result: Sendable, Hashable {
        /// Valid codes, in order of first appearance, each once.
        public let codes: [FoundCode]
        /// Mistyped-looking codes that overlap no valid code, each once.
        public let invalidCandidates: [InvalidCodeCandidate]
    }

    /// Separator runs allowed among the seven symbols after `HP` (besides one right after `HP`), unless every
    /// symbol stands alone.
    public static let maxBodySeparators = 2

    /// The valid payment codes in `description`.
    public static func find(in description: String) -> [FoundCode] {
        if mayHoldCode(description) == false { return [] }
        return search(in: description).codes
    }

    /// Valid codes and mistyped-looking candidates in `description`.
    public static func search(in description: String) -> Result {
        if mayHoldCode(description) == false { return Result(codes: [], invalidCandidates: []) }
        let envelope = BankEnvelope.strip(description)
        return search(DescriptionNormalizer.normalize(description, breaks: envelope.boundaries))
    }

    /// A quick look: a description of plain ASCII without `h`/`H` holds no code.
    static func mayHoldCode(_ description: String) -> Bool {
        var result = true
        _ = description.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where byte == UInt8(ascii: "H") || byte == UInt8(ascii: "h") || byte >= 0x80 { return }
            result = false
        }
        return result
    }

    /// Searches an already normalized description.
    public static func search(_ text: NormalizedDescription) -> Result {
        let windows = candidateWindows(text)
        if windows.isEmpty { return Result(codes: [], invalidCandidates: []) }

        var valid: [(window: Window, code: PaymentCode)] = []
        var invalid: [Window] = []
        for (index, window) in windows.enumerated() {
            // An `HP` inside an earlier candidate written whole (a code's own symbols, or a mistyped code's) is
            // read only when its seven symbols stop where the code symbols stop.
            let nested = windows[..<index].contains { $0.separators == 0 && $0.start < window.start && window.start < $0.end }
            if nested && !window.maximalEnd { continue }
            if let code = PaymentCode(parsing: String(decoding: window.compact, as: UTF8.self)) {
                if window.shapeAccepted { valid.append((window, code)) }
            } else if window.shapeAccepted && window.looksLikeCode {
                invalid.append(window)
            }
        }

        // Overlapping candidates: prefer fewer separators, then the leftmost.
        valid.sort { ($0.window.separators, $0.window.start) < ($1.window.separators, $1.window.start) }
        var taken: [Window] = []
        var chosen: [(window: Window, code: PaymentCode)] = []
        for candidate in valid where !taken.contains(where: { $0.overlaps(candidate.window) }) {
            taken.append(candidate.window)
            chosen.append(candidate)
        }
        chosen.sort { $0.window.start < $1.window.start }

        var codes: [FoundCode] = []
        for (window, code) in chosen {
            if let index = codes.firstIndex(where: { $0.code == code }) {
                let first = codes[index]
                codes[index] = FoundCode(code: code, writtenAs: first.writtenAs, utf8Range: first.utf8Range,
                                         separatorCount: first.separatorCount, occurrences: first.occurrences + 1)
            } else {
                codes.append(FoundCode(code: code, writtenAs: text.originalText(symbols: window.start..<window.end),
                                       utf8Range: text.utf8Range(symbols: window.start..<window.end),
                                       separatorCount: window.separators, occurrences: 1))
            }
        }

        invalid.sort { ($0.separators, $0.start) < ($1.separators, $1.start) }
        var near: [Window] = []
        for window in invalid where !taken.contains(where: { $0.overlaps(window) }) {
            taken.append(window)
            near.append(window)
        }
        near.sort { $0.start < $1.start }
        var candidates: [InvalidCodeCandidate] = []
        for window in near {
            let compact = String(decoding: window.compact, as: UTF8.self)
            if candidates.contains(where: { $0.text == compact }) { continue }
            candidates.append(InvalidCodeCandidate(text: compact, writtenAs: text.originalText(symbols: window.start..<window.end),
                                                   utf8Range: text.utf8Range(symbols: window.start..<window.end)))
        }
        return Result(codes: codes, invalidCandidates: candidates)
    }

    /// `HP` + seven alphabet symbols, with where and how it was written.
    struct Window {
        /// Symbol indices in the normalized text: `start` is the `H`, `end` is past the last symbol.
        var start: Int
        var end: Int
        /// `HP` + the seven symbols, upper case ASCII.
        var compact: [UInt8]
        var splitPrefix: Bool
        var leadSeparator: Bool
        var bodySeparators: Int
        var digits: Int
        /// `H` starts a word.
        var startsWord: Bool
        /// The last symbol ends a word.
        var endsWord: Bool
        /// The last symbol is not followed by another code-alphabet symbol.
        var maximalEnd: Bool

        var separators: Int { (splitPrefix ? 1 : 0) + (leadSeparator ? 1 : 0) + bodySeparators }

        /// Whether this way of writing is one the finder reads (see `PaymentCodeFinder`).
        var shapeAccepted: Bool {
            if separators == 0 { return true }
            if bodySeparators == 0 { return maximalEnd }
            if splitPrefix && leadSeparator && bodySeparators == 6 { return endsWord }
            return bodySeparators <= PaymentCodeFinder.maxBodySeparators && startsWord && maximalEnd
        }

        /// Stricter, for reporting a mistyped code: a digit among the seven (names and words have none) and,
        /// written whole, not running on into more code symbols.
        var looksLikeCode: Bool { digits > 0 && maximalEnd }

        func overlaps(_ other: Window) -> Bool { start < other.end && other.start < end }
    }

    static func candidateWindows(_ text: NormalizedDescription) -> [Window] {
        let symbols = text.symbols
        let count = symbols.count
        var windows: [Window] = []
        let h = UInt8(ascii: "H"), p = UInt8(ascii: "P"), soft = NormalizedDescription.soft
        var index = 0
        while index + 1 < count {
            defer { index += 1 }
            guard symbols[index] == h else { continue }
            let startsWord = index == 0 || text.isSeparator(index - 1)
            var position = index + 1
            var splitPrefix = false
            if symbols[position] != p {
                guard startsWord, symbols[position] == soft, position + 1 < count, symbols[position + 1] == p else { continue }
                splitPrefix = true
                position += 1
            }
            position += 1
            var compact: [UInt8] = [h, p]
            var leadSeparator = false
            var bodySeparators = 0
            var digits = 0
            for slot in 0..<7 {
                if position < count && symbols[position] == soft {
                    if slot == 0 { leadSeparator = true } else { bodySeparators += 1 }
                    position += 1
                }
                guard position < count, isCodeSymbol[Int(symbols[position])] else { break }
                if symbols[position] < UInt8(ascii: "A") { digits += 1 }
                compact.append(symbols[position])
                position += 1
            }
            guard compact.count == 9 else { continue }
            let endsWord = position == count || text.isSeparator(position)
            windows.append(Window(start: index, end: position, compact: compact, splitPrefix: splitPrefix,
                                  leadSeparator: leadSeparator, bodySeparators: bodySeparators, digits: digits,
                                  startsWord: startsWord, endsWord: endsWord,
                                  maximalEnd: endsWord || !isCodeSymbol[Int(symbols[position])]))
        }
        return windows
    }

    /// Symbols of the code alphabet (`PaymentCode.alphabet`), by ASCII value.
    static let isCodeSymbol: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for symbol in PaymentCode.alphabet { table[Int(symbol.asciiValue!)] = true }
        return table
    }()
}
