/// The text a bank wraps around the payer's own words in a transfer description, and how to take it off.
///
/// `BankEnvelope.rules` (in `BankEnvelopeRules.swift`) is an ordered list of named shapes. `strip` applies the
/// first rule that fits, then looks again at what is left (envelopes nest: `CT nhanh 247 den: MBVCB.….…`),
/// at most `maxLayers` times. A rule that does not fit leaves the text alone, so an unknown bank costs nothing
/// but a longer payer text: payment codes are searched in the whole description anyway.
///
/// Matching is hand-written byte scanning over ASCII (the envelopes banks write are ASCII), case-insensitive,
/// without backtracking except inside `.optional`. Swift `Regex` is not `Sendable` on Linux, so it cannot live
/// in a static rule table, and it would be far slower on millions of lines.
public enum BankEnvelope {
    /// What `strip` found.
    public struct Match: Sendable, Hashable {
        /// The payer's own text, trimmed of surrounding white space.
        public let payerText: String
        /// Where `payerText` lies in the description, as UTF-8 offsets.
        public let payerUTF8Range: Range<Int>
        /// The names of the rules that were applied, in the order they were taken off; empty when no envelope was
        /// recognised.
        public let names: [String]
        /// UTF-8 offsets where an envelope part meets another part or the payer's text (sorted).
        public let boundaries: [Int]

        /// The envelope's name for a decision reason, e.g. `"MBVCB"` or `"VietinBank NAPAS + VietinBank bracket"`.
        public var name: String? { names.isEmpty ? nil : names.joined(separator: " + ") }
    }

    /// How many envelope layers are taken off at most.
    public static let maxLayers = 6

    public static func strip(_ description: String) -> Match {
        var result: Match?
        var utf8 = description.utf8
        if utf8.withContiguousStorageIfAvailable({ result = strip(bytes: $0, description: description) }) == nil {
            var copy = description
            copy.makeContiguousUTF8()
            utf8 = copy.utf8
            _ = utf8.withContiguousStorageIfAvailable { result = strip(bytes: $0, description: description) }
        }
        return result!
    }

    static func strip(bytes: UnsafeBufferPointer<UInt8>, description: String) -> Match {
        var lower = 0
        var upper = bytes.count
        trim(bytes, &lower, &upper)
        var names: [String] = []
        var boundaries: [Int] = []
        let rules = Self.rules
        let index = Self.ruleIndex
        // Which ASCII bytes occur at all (non-ASCII ones count as present): a suffix whose first byte does not
        // occur cannot be there.
        var low: UInt64 = 0, high: UInt64 = 0
        for byte in bytes {
            if byte < 64 { low |= 1 << UInt64(byte) } else if byte < 128 { high |= 1 << UInt64(byte - 64) }
        }
        let present = ByteSet(ascii: (low, high))
        layers: for _ in 0..<maxLayers {
            guard lower < upper else { break }
            // Only the rules that can fit this text's first and last byte, in their order.
            var candidates = index.byFirstByte[Int(bytes[lower])] & index.byLastByte[Int(bytes[upper - 1])]
            while candidates != 0 {
                let rule = rules[candidates.trailingZeroBitCount]
                candidates &= candidates - 1
                guard let (newLower, newUpper) = rule.apply(bytes, lower, upper, present: present) else { continue }
                names.append(rule.name)
                var trimmedLower = newLower, trimmedUpper = newUpper
                trim(bytes, &trimmedLower, &trimmedUpper)
                if newLower > lower { boundaries.append(newLower) }
                if newUpper < upper { boundaries.append(newUpper) }
                lower = trimmedLower
                upper = max(trimmedLower, trimmedUpper)
                continue layers
            }
            break
        }
        boundaries.sort()
        let payer = String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
        return Match(payerText: payer, payerUTF8Range: lower..<upper, names: names, boundaries: boundaries)
    }

    /// For each byte, the rules (bit i for `rules[i]`) that can apply to a text starting / ending with it.
    struct RuleIndex: Sendable {
        var byFirstByte: [UInt64]
        var byLastByte: [UInt64]
    }

    static let ruleIndex: RuleIndex = {
        precondition(rules.count <= 64, "the rule index holds 64 rules")
        var index = RuleIndex(byFirstByte: Array(repeating: 0, count: 256), byLastByte: Array(repeating: 0, count: 256))
        for (number, rule) in rules.enumerated() {
            let bit = UInt64(1) << UInt64(number)
            // A rule without a prefix may start anywhere; one with an optional suffix may end anywhere.
            let first = rule.prefix == nil ? ByteSet.all : rule.prefixFirst
            let last = rule.suffix == nil || (rule.prefix != nil && !rule.suffixRequired) ? ByteSet.all : rule.suffixLast
            for byte in 0..<256 {
                if first.contains(UInt8(byte)) { index.byFirstByte[byte] |= bit }
                if last.contains(UInt8(byte)) { index.byLastByte[byte] |= bit }
            }
        }
        return index
    }()

    static func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: inout Int, _ upper: inout Int) {
        while lower < upper && isWhite(bytes[lower]) { lower += 1 }
        while upper > lower && isWhite(bytes[upper - 1]) { upper -= 1 }
    }
}

/// One named envelope shape: a prefix the payer's text follows, a suffix it precedes, or both.
public final class EnvelopeRule: Sendable {
    /// Short, stable, shown in decision reasons ("… found after bank envelope MBVCB").
    public let name: String
    /// The bank (or channel) that writes this shape.
    public let bank: String
    let prefix: [EnvelopePiece]?
    let suffix: [EnvelopePiece]?
    /// When there is a prefix: must the suffix be there too? (Otherwise a missing suffix means the bank cut
    /// the description short, which is common.)
    let suffixRequired: Bool

    /// Quick rejections, worked out from the pieces: the bytes a prefix can start with, and the bytes a
    /// suffix can start and end with (it must end where the text ends).
    let prefixFirst: ByteSet
    let suffixFirst: ByteSet
    let suffixLast: ByteSet

    init(_ name: String, bank: String, prefix: [EnvelopePiece]? = nil, suffix: [EnvelopePiece]? = nil,
         suffixRequired: Bool = false) {
        precondition(prefix != nil || suffix != nil, "envelope rule \(name) has neither prefix nor suffix")
        self.name = name
        self.bank = bank
        self.prefix = prefix
        self.suffix = suffix
        self.suffixRequired = suffixRequired
        prefixFirst = prefix.map { EnvelopePiece.firstBytes($0[...]) } ?? .all
        suffixFirst = suffix.map { EnvelopePiece.firstBytes($0[...]) } ?? .all
        suffixLast = suffix.map { EnvelopePiece.lastBytes($0[...]) } ?? .all
    }

    /// The payer's range inside `lower..<upper` once this envelope is taken off, or nil when it does not fit
    /// or would take nothing off.
    func apply(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int, present: ByteSet) -> (Int, Int)? {
        guard lower < upper else { return nil }
        var start = lower
        if let prefix {
            guard prefixFirst.contains(bytes[lower]),
                  let end = EnvelopePiece.match(prefix, bytes, lower, upper), end > lower else { return nil }
            start = end
        }
        var end = upper
        if let suffix {
            if start < upper, suffixLast.contains(bytes[upper - 1]), suffixFirst.intersects(present),
               let found = EnvelopePiece.findSuffix(suffix, first: suffixFirst, bytes, start, upper) {
                end = found
            } else if prefix == nil || suffixRequired {
                return nil
            }
        }
        return (start, end)
    }
}

/// A set of bytes, for quick rejections.
struct ByteSet: Sendable, Hashable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    static let all: ByteSet = { var set = ByteSet(); for byte in 0...255 { set.insert(UInt8(byte)) }; return set }()
    static let digits = ByteSet((UInt8(ascii: "0")...UInt8(ascii: "9")).map { $0 })
    static let letters = ByteSet((UInt8(ascii: "a")...UInt8(ascii: "z")).flatMap { [$0, $0 - 32] })
    static let white = ByteSet([UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")])

    init() {}
    init(_ bytes: [UInt8]) { for byte in bytes { insert(byte) } }
    /// The ASCII bytes of these two masks, and every non-ASCII byte.
    init(ascii: (UInt64, UInt64)) { words = (ascii.0, ascii.1, ~0, ~0) }

    @inline(__always) func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    func intersects(_ other: ByteSet) -> Bool {
        (words.0 & other.words.0) | (words.1 & other.words.1) | (words.2 & other.words.2) | (words.3 & other.words.3) != 0
    }

    func union(_ other: ByteSet) -> ByteSet {
        var result = self
        result.words = (words.0 | other.words.0, words.1 | other.words.1, words.2 | other.words.2, words.3 | other.words.3)
        return result
    }

    /// Both cases of a letter.
    static func anyCase(_ byte: UInt8) -> ByteSet {
        isLetter(byte) ? ByteSet([byte | 0x20, byte & ~0x20]) : ByteSet([byte])
    }

    static func == (lhs: ByteSet, rhs: ByteSet) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }
    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0); hasher.combine(words.1); hasher.combine(words.2); hasher.combine(words.3)
    }
}

/// A piece of an envelope shape. Letters in literals match either case; quantified pieces are greedy.
enum EnvelopePiece: Sendable {
    /// Exactly these ASCII characters (stored lower-case), any case.
    case literal([UInt8])
    case digits(ClosedRange<Int>)
    /// At least `min` digits, where a PDF line wrap may have put single spaces between them ("1905 7").
    case wrappedDigits(min: Int)
    case alphanumerics(ClosedRange<Int>)
    /// One or more ASCII letters.
    case letters
    /// One or more characters other than white space.
    case nonSpaces
    /// Zero or more white-space characters.
    case spaces
    /// One or more white-space characters.
    case space
    /// One of these characters.
    case oneOf([UInt8])
    /// The next character is not a letter or digit (or the text ends): a word ends here.
    case wordEnd
    /// These pieces, or nothing.
    case optional([EnvelopePiece])
    /// Anything up to and including the first occurrence of this literal (lower-case).
    case through([UInt8])
    /// Everything to the end.
    case rest

    static func text(_ literal: String) -> EnvelopePiece { .literal(Array(literal.lowercased().utf8)) }
    static func skip(through literal: String) -> EnvelopePiece { .through(Array(literal.lowercased().utf8)) }
    static func oneOf(_ characters: String) -> EnvelopePiece { .oneOf(Array(characters.utf8)) }

    /// Where `pieces` stop matching when started at `start`, not going past `limit`; nil if they do not match.
    static func match(_ pieces: [EnvelopePiece], _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ limit: Int) -> Int? {
        var position = start
        for piece in pieces {
            guard let next = piece.match(bytes, position, limit) else { return nil }
            position = next
        }
        return position
    }

    /// The start of the rightmost place where `pieces` match and run to `limit` (trailing white space
    /// allowed), searching no further left than `lower`. `first`: the bytes the pieces can start with.
    ///
    /// A suffix that runs to the end (`.rest`: "`-CTLNHIDI…`", "`.CT tu …`") is searched from the left instead,
    /// as its marker sits nearer the payer's text than the end, and its first occurrence is the bank's.
    static func findSuffix(_ pieces: [EnvelopePiece], first: ByteSet, _ bytes: UnsafeBufferPointer<UInt8>,
                           _ lower: Int, _ limit: Int) -> Int? {
        if case .rest? = pieces.last {
            var start = lower
            while start < limit {
                defer { start += 1 }
                if first.contains(bytes[start]), match(pieces, bytes, start, limit) != nil { return start }
            }
            return nil
        }
        var start = limit - 1
        while start >= lower {
            defer { start -= 1 }
            guard first.contains(bytes[start]), var end = match(pieces, bytes, start, limit) else { continue }
            while end < limit && isWhite(bytes[end]) { end += 1 }
            if end == limit { return start }
        }
        return nil
    }

    /// The bytes `pieces` can start with (all bytes when they can match nothing at all).
    static func firstBytes(_ pieces: ArraySlice<EnvelopePiece>) -> ByteSet {
        guard let piece = pieces.first else { return .all }
        let rest = pieces.dropFirst()
        switch piece {
        case .literal(let literal): return literal.isEmpty ? firstBytes(rest) : ByteSet.anyCase(literal[0])
        case .digits(let range): return range.lowerBound == 0 ? ByteSet.digits.union(firstBytes(rest)) : .digits
        case .wrappedDigits(let minimum): return minimum == 0 ? ByteSet.digits.union(firstBytes(rest)) : .digits
        case .alphanumerics(let range):
            let set = ByteSet.digits.union(.letters)
            return range.lowerBound == 0 ? set.union(firstBytes(rest)) : set
        case .letters: return .letters
        case .space: return .white
        case .spaces: return ByteSet.white.union(firstBytes(rest))
        case .oneOf(let characters): return ByteSet(characters)
        case .wordEnd: return firstBytes(rest)
        case .optional(let inner): return firstBytes(inner[...]).union(firstBytes(rest))
        case .nonSpaces, .through, .rest: return .all
        }
    }

    /// The bytes `pieces` can end with (all bytes when unknown).
    static func lastBytes(_ pieces: ArraySlice<EnvelopePiece>) -> ByteSet {
        guard let piece = pieces.last else { return .all }
        let rest = pieces.dropLast()
        switch piece {
        case .literal(let literal): return literal.isEmpty ? lastBytes(rest) : ByteSet.anyCase(literal[literal.count - 1])
        case .digits(let range): return range.lowerBound == 0 ? ByteSet.digits.union(lastBytes(rest)) : .digits
        case .wrappedDigits(let minimum): return minimum == 0 ? ByteSet.digits.union(lastBytes(rest)) : .digits
        case .alphanumerics(let range):
            let set = ByteSet.digits.union(.letters)
            return range.lowerBound == 0 ? set.union(lastBytes(rest)) : set
        case .letters: return .letters
        case .oneOf(let characters): return ByteSet(characters)
        case .wordEnd: return lastBytes(rest)
        case .optional(let inner): return lastBytes(inner[...]).union(lastBytes(rest))
        case .space, .spaces, .nonSpaces, .through, .rest: return .all
        }
    }

    private func match(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ limit: Int) -> Int? {
        var position = start
        switch self {
        case .literal(let literal):
            guard limit - position >= literal.count else { return nil }
            for expected in literal {
                guard lowered(bytes[position]) == expected else { return nil }
                position += 1
            }
        case .digits(let range):
            while position < limit && position - start < range.upperBound && isDigit(bytes[position]) { position += 1 }
            guard position - start >= range.lowerBound else { return nil }
        case .wrappedDigits(let minimum):
            var count = 0
            while position < limit {
                if isDigit(bytes[position]) {
                    count += 1
                    position += 1
                } else if count > 0, bytes[position] == UInt8(ascii: " "), position + 1 < limit, isDigit(bytes[position + 1]) {
                    position += 1
                } else {
                    break
                }
            }
            guard count >= minimum else { return nil }
        case .alphanumerics(let range):
            while position < limit && position - start < range.upperBound && isAlphanumeric(bytes[position]) { position += 1 }
            guard position - start >= range.lowerBound else { return nil }
        case .letters:
            while position < limit && isLetter(bytes[position]) { position += 1 }
            guard position > start else { return nil }
        case .nonSpaces:
            while position < limit && !isWhite(bytes[position]) { position += 1 }
            guard position > start else { return nil }
        case .spaces:
            while position < limit && isWhite(bytes[position]) { position += 1 }
        case .space:
            while position < limit && isWhite(bytes[position]) { position += 1 }
            guard position > start else { return nil }
        case .oneOf(let characters):
            guard position < limit, characters.contains(bytes[position]) else { return nil }
            position += 1
        case .wordEnd:
            guard position == limit || !isAlphanumeric(bytes[position]) else { return nil }
        case .optional(let pieces):
            if let end = EnvelopePiece.match(pieces, bytes, position, limit) { position = end }
        case .through(let literal):
            while true {
                guard limit - position >= literal.count else { return nil }
                if EnvelopePiece.literal(literal).match(bytes, position, limit) != nil { return position + literal.count }
                position += 1
            }
        case .rest:
            position = limit
        }
        return position
    }
}

@inline(__always) func isWhite(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
}
@inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
@inline(__always) func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
@inline(__always) func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
@inline(__always) func lowered(_ byte: UInt8) -> UInt8 { isLetter(byte) ? byte | 0x20 : byte }
