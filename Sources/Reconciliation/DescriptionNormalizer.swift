import VietnameseText

/// A transfer description reduced to what matching needs: upper-case ASCII letters and digits, with every run
/// of other characters collapsed into one separator, and for each of those a way back to the original text.
///
/// Separators come in two kinds. A *soft* one is made only of white space, `.`, `-` and `_` — what people,
/// banks and PDF line wraps put inside a payment code — and a payment code may span it. A *hard* one holds any
/// other character (`(`, `/`, `:`, an emoji…) or a boundary between a bank envelope and the payer's text, and
/// nothing is read across it.
public struct NormalizedDescription: Sendable, Hashable {
    /// The description as the bank wrote it.
    public let original: String
    /// `A`–`Z`, `0`–`9`, `NormalizedDescription.soft` or `NormalizedDescription.hard`; never two separators in
    /// a row, never a separator first or last.
    let symbols: [UInt8]
    /// For each symbol, where it came from in `original`, as UTF-8 offsets (`starts[i]..<ends[i]`).
    let starts: [Int32]
    let ends: [Int32]

    static let soft = UInt8(ascii: " ")
    static let hard = UInt8(ascii: "|")

    /// The folded text: `"Học phí  lớp 3A (đợt 1)"` → `"HOC PHI LOP 3A DOT 1"`.
    public var text: String { String(decoding: symbols.map { $0 == Self.hard ? Self.soft : $0 }, as: UTF8.self) }

    /// The original text behind the normalized symbols `range` (indices into the folded text's symbols),
    /// e.g. `"hp 3k7-qx.2m"` for the nine symbols of a spaced-out code.
    func originalText(symbols range: Range<Int>) -> String {
        let bytes = utf8Range(symbols: range)
        if let text = original.utf8.withContiguousStorageIfAvailable({
            String(decoding: UnsafeBufferPointer(rebasing: $0[bytes]), as: UTF8.self)
        }) {
            return text
        }
        return String(decoding: Array(original.utf8)[bytes], as: UTF8.self)
    }

    func utf8Range(symbols range: Range<Int>) -> Range<Int> {
        Int(starts[range.lowerBound])..<Int(ends[range.upperBound - 1])
    }

    var count: Int { symbols.count }
    func isSeparator(_ index: Int) -> Bool { symbols[index] == Self.soft || symbols[index] == Self.hard }
}

/// Folds a description (diacritics, `đ → d`, case, punctuation, spaces) and remembers where each symbol came from.
public enum DescriptionNormalizer {
    /// Normalizes `description`. `breaks` are UTF-8 offsets (sorted) where a hard separator is forced even
    /// between two letters — the edges of bank envelopes, so that no code is read across them.
    public static func normalize(_ description: String, breaks: [Int] = []) -> NormalizedDescription {
        var normalized: NormalizedDescription?
        var utf8 = description.utf8
        if utf8.withContiguousStorageIfAvailable({ normalized = normalize(bytes: $0, description, breaks) }) == nil {
            var copy = description
            copy.makeContiguousUTF8()
            utf8 = copy.utf8
            _ = utf8.withContiguousStorageIfAvailable { normalized = normalize(bytes: $0, description, breaks) }
        }
        return normalized!
    }

    private static func normalize(bytes: UnsafeBufferPointer<UInt8>, _ description: String, _ breaks: [Int]) -> NormalizedDescription {
        // Every symbol or separator consumes at least one byte, except a separator forced by a break.
        let capacity = bytes.count + breaks.count + 1
        var starts: [Int32] = []
        var ends: [Int32] = []
        var count = 0
        let symbols = [UInt8](unsafeUninitializedCapacity: capacity) { symbolBuffer, symbolCount in
            starts = [Int32](unsafeUninitializedCapacity: capacity) { startBuffer, startCount in
                ends = [Int32](unsafeUninitializedCapacity: capacity) { endBuffer, endCount in
                    count = asciiClass.withUnsafeBufferPointer { ascii in
                        scalarTable.withUnsafeBufferPointer { scalars in
                            scan(bytes, breaks, ascii, scalars, symbolBuffer, startBuffer, endBuffer)
                        }
                    }
                    endCount = count
                }
                startCount = count
            }
            symbolCount = count
        }
        return NormalizedDescription(original: description, symbols: symbols, starts: starts, ends: ends)
    }

    /// Writes the symbols and separators of `bytes` into the buffers; returns how many.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ breaks: [Int], _ ascii: UnsafeBufferPointer<UInt8>,
                             _ scalars: UnsafeBufferPointer<UInt8>, _ symbols: UnsafeMutableBufferPointer<UInt8>,
                             _ starts: UnsafeMutableBufferPointer<Int32>, _ ends: UnsafeMutableBufferPointer<Int32>) -> Int {
        let soft = NormalizedDescription.soft, hard = NormalizedDescription.hard
        var written = 0
        /// 0: none; else the separator kind waiting to be written before the next symbol.
        var pending: UInt8 = 0
        var pendingStart: Int32 = 0
        var offset = 0
        var breakIndex = 0
        let count = bytes.count

        @inline(__always) func emit(_ symbol: UInt8, _ start: Int, _ end: Int) {
            if pending != 0 {
                if written > 0 {
                    symbols[written] = pending
                    starts[written] = pendingStart
                    ends[written] = Int32(start)
                    written += 1
                }
                pending = 0
            }
            symbols[written] = symbol
            starts[written] = Int32(start)
            ends[written] = Int32(end)
            written += 1
        }
        @inline(__always) func separate(_ kind: UInt8, _ start: Int) {
            if pending == 0 { pending = kind; pendingStart = Int32(start) } else if kind == hard { pending = kind }
        }

        while offset < count {
            while breakIndex < breaks.count && breaks[breakIndex] <= offset {
                if breaks[breakIndex] == offset { separate(hard, offset) }
                breakIndex += 1
            }
            let byte = bytes[offset]
            if byte < 0x80 {
                let cls = ascii[Int(byte)]
                if cls == soft || cls == hard { separate(cls, offset) } else { emit(cls, offset, offset + 1) }
                offset += 1
                continue
            }
            // Decode one scalar (Swift strings are always well-formed UTF-8).
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            let end = min(offset + length, count)
            for next in (offset + 1)..<end { value = value << 6 | UInt32(bytes[next] & 0x3F) }
            let cls = value < tableLimit ? scalars[Int(value)] : scalarClass(value)
            switch cls {
            case ignore:
                // A combining mark (decomposed input) belongs to the letter before it: no separator.
                if pending == 0, written > 0 { ends[written - 1] = Int32(end) }
            case soft, hard: separate(cls, offset)
            default: emit(cls, offset, end)
            }
            offset = end
        }
        return written
    }

    static let ignore: UInt8 = 0

    /// `A`–`Z` or `0`–`9` (not a separator, not `ignore`).
    @inline(__always) static func isSymbol(_ value: UInt8) -> Bool {
        (value >= UInt8(ascii: "A") && value <= UInt8(ascii: "Z")) || (value >= UInt8(ascii: "0") && value <= UInt8(ascii: "9"))
    }

    /// For each ASCII byte: the symbol it stands for (upper case), or the kind of separator it makes.
    static let asciiClass: [UInt8] = (0..<128).map { value -> UInt8 in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return byte
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - 32
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"): return NormalizedDescription.soft
        default: return NormalizedDescription.hard
        }
    }

    /// The first scalar value past the table: Latin letters with Vietnamese marks all lie below it.
    static let tableLimit: UInt32 = 0x1F00

    /// For each scalar U+0080…U+1EFF: the ASCII symbol it folds to (via `BankASCII.fold`, so `ễ → E`, `đ → D`),
    /// `ignore` for a combining mark, or the separator kind.
    static let scalarTable: [UInt8] = (0..<Int(tableLimit)).map { value -> UInt8 in
        guard value >= 0x80, let scalar = Unicode.Scalar(UInt32(value)) else { return NormalizedDescription.hard }
        let properties = scalar.properties
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark { return ignore }
        if properties.isWhitespace { return NormalizedDescription.soft }
        let folded = BankASCII.fold(String(Character(scalar))).utf8
        if folded.count == 1, let only = folded.first, only < 0x80, isSymbol(asciiClass[Int(only)]) { return asciiClass[Int(only)] }
        return NormalizedDescription.hard
    }

    static func scalarClass(_ value: UInt32) -> UInt8 {
        if value < tableLimit { return scalarTable[Int(value)] }
        switch value {
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F: return ignore
        case 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return NormalizedDescription.soft
        default: return NormalizedDescription.hard
        }
    }
}
