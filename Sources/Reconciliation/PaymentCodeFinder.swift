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

/// `HP` followed by seven symbols of the code alphabet whose check fails as one wrong symbol or one swap of
/// neighbours would make it fail, written like a code (whole, with a digit): almost surely a mistyped code.
/// Never matched to anything and never corrected; the line goes to review
/// ("code HP… fails its check digit — probably mistyped").
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

        var valid: [Candidate] = []
        var invalid: [Window] = []
        for (index, window) in windows.enumerated() {
            // An `HP` inside an earlier candidate written whole (a code's own symbols, or a mistyped code's) is
            // read only when its seven symbols stop where the code symbols stop.
            if index > 0 && !window.maximalEnd
                && windows[..<index].contains(where: { $0.separators == 0 && $0.start < window.start && window.start < $0.end }) {
                continue
            }
            guard window.shapeAccepted else { continue }
            // The arithmetic is checked here first, for speed; `PaymentCode(parsing:)` has the last word.
            if window.checks, let code = PaymentCode(parsing: window.text) {
                valid.append(Candidate(window: window, code: code))
            } else if window.looksLikeCode {
                invalid.append(window)
            }
        }

        // Overlapping candidates: prefer fewer separators, then the leftmost.
        var taken: [Window] = []
        var codes: [FoundCode] = []
        if valid.count > 1 {
            valid.sort { ($0.window.separators, $0.window.start) < ($1.window.separators, $1.window.start) }
            var chosen: [Candidate] = []
            for candidate in valid where !taken.contains(where: { $0.overlaps(candidate.window) }) {
                taken.append(candidate.window)
                chosen.append(candidate)
            }
            valid = chosen.sorted { $0.window.start < $1.window.start }
        } else if let only = valid.first {
            taken.append(only.window)
        }
        for candidate in valid {
            if let index = codes.firstIndex(where: { $0.code == candidate.code }) {
                let first = codes[index]
                codes[index] = FoundCode(code: candidate.code, writtenAs: first.writtenAs, utf8Range: first.utf8Range,
                                         separatorCount: first.separatorCount, occurrences: first.occurrences + 1)
            } else {
                let symbols = candidate.window.start..<candidate.window.end
                codes.append(FoundCode(code: candidate.code, writtenAs: text.originalText(symbols: symbols),
                                       utf8Range: text.utf8Range(symbols: symbols),
                                       separatorCount: candidate.window.separators, occurrences: 1))
            }
        }
        if invalid.isEmpty { return Result(codes: codes, invalidCandidates: []) }

        invalid.sort { ($0.separators, $0.start) < ($1.separators, $1.start) }
        var near: [Window] = []
        for window in invalid where !taken.contains(where: { $0.overlaps(window) }) {
            taken.append(window)
            near.append(window)
        }
        near.sort { $0.start < $1.start }
        var candidates: [InvalidCodeCandidate] = []
        for window in near {
            let compact = window.text
            if candidates.contains(where: { $0.text == compact }) { continue }
            candidates.append(InvalidCodeCandidate(text: compact, writtenAs: text.originalText(symbols: window.start..<window.end),
                                                   utf8Range: text.utf8Range(symbols: window.start..<window.end)))
        }
        return Result(codes: codes, invalidCandidates: candidates)
    }

    struct Candidate {
        var window: Window
        var code: PaymentCode
    }

    /// `HP` + seven alphabet symbols, with where and how it was written.
    struct Window {
        /// Symbol indices in the normalized text: `start` is the `H`, `end` is past the last symbol.
        var start: Int
        var end: Int
        /// `HP` + the seven symbols, upper case ASCII (in the first nine lanes).
        var compact: SIMD16<UInt8>
        var splitPrefix: Bool
        var leadSeparator: Bool
        var bodySeparators: Int
        var digits: Int
        /// (Σ wᵢ, Σ i·wᵢ) mod 31 over the seven symbols; both vanish for a codeword (as in `PaymentCode`).
        var syndromes: (Int, Int)
        var checks: Bool { syndromes == (0, 0) }
        /// `H` starts a word.
        var startsWord: Bool
        /// The last symbol ends a word.
        var endsWord: Bool
        /// The last symbol is not followed by another code-alphabet symbol.
        var maximalEnd: Bool

        var separators: Int { (splitPrefix ? 1 : 0) + (leadSeparator ? 1 : 0) + bodySeparators }

        /// `HP` + the seven symbols, e.g. `"HP3K7QX2M"`.
        var text: String {
            String(unsafeUninitializedCapacity: 9) { buffer in
                for lane in 0..<9 { buffer[lane] = compact[lane] }
                return 9
            }
        }

        /// Whether this way of writing is one the finder reads (see `PaymentCodeFinder`).
        var shapeAccepted: Bool {
            if separators == 0 { return true }
            if bodySeparators == 0 { return maximalEnd }
            if splitPrefix && leadSeparator && bodySeparators == 6 { return endsWord }
            return bodySeparators <= PaymentCodeFinder.maxBodySeparators && startsWord && maximalEnd
        }

        /// Stricter, for reporting a mistyped code:
        /// - its check fails the way one wrong symbol or one swap of neighbours makes it fail (below);
        /// - a digit among the seven (words and names have none);
        /// - not running on into more code symbols, and no separator among the seven unless all stand apart
        ///   ("HP thang 5C" is words, not a code).
        /// Nothing is corrected: this only decides whether the line's reason says "probably mistyped".
        var looksLikeCode: Bool {
            digits > 0 && maximalEnd && (bodySeparators == 0 || bodySeparators == 6) && oneErrorAway
        }

        /// One wrong symbol e at position j (1…7) leaves syndromes (e, j·e), so s₁/s₀ is a position; a swap of
        /// neighbours a, b leaves (0, a − b). A random string of symbols has one of these shapes about a quarter
        /// of the time; a mistyped code always.
        var oneErrorAway: Bool {
            if syndromes.0 == 0 { return syndromes.1 != 0 }
            let position = syndromes.1 * PaymentCodeFinder.inverse[syndromes.0] % 31
            return (1...7).contains(position)
        }

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
            var compact = SIMD16<UInt8>(repeating: 0)
            compact[0] = h
            compact[1] = p
            var filled = 2
            var leadSeparator = false
            var bodySeparators = 0
            var digits = 0
            var sum = 0, weighted = 0
            for slot in 0..<7 {
                if position < count && symbols[position] == soft {
                    if slot == 0 { leadSeparator = true } else { bodySeparators += 1 }
                    position += 1
                }
                guard position < count, isCodeSymbol[Int(symbols[position])] else { break }
                if symbols[position] < UInt8(ascii: "A") { digits += 1 }
                let value = Int(symbolValue[Int(symbols[position])])
                sum += value
                weighted += (slot + 1) * value
                compact[filled] = symbols[position]
                filled += 1
                position += 1
            }
            guard filled == 9 else { continue }
            let endsWord = position == count || text.isSeparator(position)
            windows.append(Window(start: index, end: position, compact: compact, splitPrefix: splitPrefix,
                                  leadSeparator: leadSeparator, bodySeparators: bodySeparators, digits: digits,
                                  syndromes: (sum % 31, weighted % 31),
                                  startsWord: startsWord, endsWord: endsWord,
                                  maximalEnd: endsWord || !isCodeSymbol[Int(symbols[position])]))
        }
        return windows
    }

    /// Multiplicative inverses modulo 31 (index 0 unused).
    static let inverse: [Int] = (0..<31).map { value in value == 0 ? 0 : (1..<31).first { value * $0 % 31 == 1 }! }

    /// Each symbol's value (its place in `PaymentCode.alphabet`), by ASCII value; -1 outside the alphabet.
    static let symbolValue: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (value, symbol) in PaymentCode.alphabet.enumerated() { table[Int(symbol.asciiValue!)] = Int8(value) }
        return table
    }()

    /// Symbols of the code alphabet (`PaymentCode.alphabet`), by ASCII value.
    static let isCodeSymbol: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for symbol in PaymentCode.alphabet { table[Int(symbol.asciiValue!)] = true }
        return table
    }()
}
