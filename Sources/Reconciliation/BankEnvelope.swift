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
        layers: for _ in 0..<maxLayers {
            for rule in rules {
                guard let (newLower, newUpper) = rule.apply(bytes, lower, upper) else { continue }
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

    static func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: inout Int, _ upper: inout Int) {
        while lower < upper && isWhite(bytes[lower]) { lower += 1 }
        while upper > lower && isWhite(bytes[upper - 1]) { upper -= 1 }
    }
}

/// One named envelope shape: a prefix the payer's text follows, a suffix it precedes, or both.
public struct EnvelopeRule: Sendable {
    /// Short, stable, shown in decision reasons ("… found after bank envelope MBVCB").
    public let name: String
    /// The bank (or channel) that writes this shape.
    public let bank: String
    let prefix: [EnvelopePiece]?
    let suffix: [EnvelopePiece]?
    /// When there is a prefix: must the suffix be there too? (Otherwise a missing suffix means the bank cut
    /// the description short, which is common.)
    let suffixRequired: Bool

    init(_ name: String, bank: String, prefix: [EnvelopePiece]? = nil, suffix: [EnvelopePiece]? = nil,
         suffixRequired: Bool = false) {
        precondition(prefix != nil || suffix != nil, "envelope rule \(name) has neither prefix nor suffix")
        self.name = name
        self.bank = bank
        self.prefix = prefix
        self.suffix = suffix
        self.suffixRequired = suffixRequired
    }

    /// The payer's range inside `lower..<upper` once this envelope is taken off, or nil when it does not fit
    /// or would take nothing off.
    func apply(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int) -> (Int, Int)? {
        var start = lower
        if let prefix {
            guard let end = EnvelopePiece.match(prefix, bytes, lower, upper), end > lower else { return nil }
            start = end
        }
        var end = upper
        if let suffix {
            if let found = EnvelopePiece.findSuffix(suffix, bytes, start, upper) {
                end = found
            } else if prefix == nil || suffixRequired {
                return nil
            }
        }
        return (start, end)
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
    /// Anything up to and including the first occurrence of this literal (lower-case), on the same line.
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
    /// allowed), searching no further left than `lower`.
    static func findSuffix(_ pieces: [EnvelopePiece], _ bytes: UnsafeBufferPointer<UInt8>, _ lower: Int, _ limit: Int) -> Int? {
        var start = limit - 1
        let first = pieces.first
        while start >= lower {
            defer { start -= 1 }
            if case .literal(let literal)? = first, lowered(bytes[start]) != literal[0] { continue }
            guard var end = match(pieces, bytes, start, limit) else { continue }
            while end < limit && isWhite(bytes[end]) { end += 1 }
            if end == limit { return start }
        }
        return nil
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
                guard limit - position >= literal.count, bytes[position] != UInt8(ascii: "\n") else { return nil }
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
