import LedgerCore

/// Everything the match rules need from one transfer description, read once.
///
/// ```swift
/// let reading = DescriptionReading("MBVCB.6987845941.hp 3k7-qx.2m nguyen van an lop 3A.CT tu 0181… toi 0011…")
/// reading.envelopeName        // "MBVCB"
/// reading.codes.map(\.code)   // [HP3K7QX2M]
/// reading.classMentions       // [3A]
/// reading.reason(for: reading.codes[0])
/// // "code HP3K7QX2M found after bank envelope MBVCB (written \"hp 3k7-qx.2m\")"
/// ```
public struct DescriptionReading: Sendable, Hashable {
    /// The description as the bank wrote it.
    public let description: String
    /// The payer's own words, without the bank's envelope.
    public let payerText: String
    /// The envelope rules that were taken off, in that order (empty when none was recognised).
    public let envelope: [String]
    /// Valid payment codes found anywhere in the description, in order of first appearance, each once.
    public let codes: [FoundCode]
    /// `HP` + seven code symbols whose check fails (and overlapping no valid code).
    public let invalidCandidates: [InvalidCodeCandidate]
    /// Class names mentioned in the payer's text ("LOP 3A", "lop3a", "3A"), each once.
    public let classMentions: [ClassMention]
    /// The payer's text folded for name matching: upper-case ASCII words separated by single spaces, payment
    /// codes and mistyped codes removed ("HP3K7QX2M Nguyễn Văn An lớp 3A" → "NGUYEN VAN AN LOP 3A").
    public let foldedText: String

    public init(_ description: String) {
        let envelope = BankEnvelope.strip(description)
        let normalized = DescriptionNormalizer.normalize(description, breaks: envelope.boundaries)
        let found = PaymentCodeFinder.search(normalized)
        self.description = description
        payerText = envelope.payerText
        self.envelope = envelope.names
        codes = found.codes
        invalidCandidates = found.invalidCandidates

        // The payer's symbols, with every (valid or mistyped) code written in them blanked out.
        let payer = envelope.payerUTF8Range
        let codeRanges = found.codes.map(\.utf8Range) + found.invalidCandidates.map(\.utf8Range)
        var words: [UInt8] = []
        for index in 0..<normalized.count {
            let start = Int(normalized.starts[index])
            guard payer.contains(start) else { continue }
            let symbol = normalized.symbols[index]
            let inCode = !normalized.isSeparator(index) && codeRanges.contains { $0.contains(start) }
            if inCode || normalized.isSeparator(index) {
                if let last = words.last, last != NormalizedDescription.soft { words.append(NormalizedDescription.soft) }
            } else {
                words.append(symbol)
            }
        }
        if words.last == NormalizedDescription.soft { words.removeLast() }
        foldedText = String(decoding: words, as: UTF8.self)
        classMentions = ClassMention.find(in: foldedText)
    }

    /// The envelope's name for a decision reason, e.g. `"MBVCB"`; nil when none was recognised.
    public var envelopeName: String? { envelope.isEmpty ? nil : envelope.joined(separator: " + ") }

    /// Why `code` is taken from this description, for the journal:
    /// `code HP3K7QX2M found after bank envelope MBVCB`, plus how it was written when that differs.
    public func reason(for code: FoundCode) -> String {
        var reason = "code \(code.code.text) found"
        if let envelopeName { reason += " after bank envelope \(envelopeName)" } else { reason += " in the description" }
        if code.writtenAs != code.code.text { reason += " (written \"\(code.writtenAs)\")" }
        return reason
    }

    /// Why a line with a mistyped-looking code goes to review.
    public func reason(for candidate: InvalidCodeCandidate) -> String {
        "code \(candidate.text) fails its check digit — probably mistyped"
    }
}

/// A class named in the payer's text: grade 1–5 and a letter, maybe a number (`3A`, `5B2`).
public struct ClassMention: Sendable, Hashable, CustomStringConvertible {
    /// Upper case, e.g. `"3A"`, `"5B2"`.
    public let name: String
    public let grade: Int
    /// Written after the word "lớp" ("LOP 3A", "lop3a") rather than alone ("3A").
    public let afterWordLop: Bool

    public var description: String { name }

    /// Class mentions in folded text (upper-case words separated by single spaces).
    static func find(in folded: String) -> [ClassMention] {
        var found: [ClassMention] = []
        func add(_ mention: ClassMention?) {
            guard let mention else { return }
            if let index = found.firstIndex(where: { $0.name == mention.name }) {
                if mention.afterWordLop && !found[index].afterWordLop { found[index] = mention }
            } else {
                found.append(mention)
            }
        }
        let bytes = Array(folded.utf8)
        let space = UInt8(ascii: " ")
        var wordStart = 0
        while wordStart < bytes.count {
            var wordEnd = wordStart
            while wordEnd < bytes.count && bytes[wordEnd] != space { wordEnd += 1 }
            // "LOP3A", "UNGHOCPHILOP3A", or "LOP" then "3A".
            var sawLop = false
            var search = wordStart
            while search + 3 <= wordEnd {
                guard bytes[search] == UInt8(ascii: "L"), bytes[search + 1] == UInt8(ascii: "O"),
                      bytes[search + 2] == UInt8(ascii: "P") else { search += 1; continue }
                sawLop = true
                let after = search + 3
                if after < wordEnd {
                    add(parse(bytes[after..<wordEnd], afterWordLop: true, whole: false))
                } else if wordEnd + 1 < bytes.count {
                    var next = wordEnd + 1
                    while next < bytes.count && bytes[next] != space { next += 1 }
                    add(parse(bytes[(wordEnd + 1)..<next], afterWordLop: true, whole: false))
                }
                search = after
            }
            if !sawLop { add(parse(bytes[wordStart..<wordEnd], afterWordLop: false, whole: true)) }
            wordStart = wordEnd + 1
        }
        return found
    }

    /// `3A`, `3A1`, `5B12`: a grade digit 1–5, one letter, at most two digits. Alone (`whole`), the word must
    /// be exactly that; after "LOP" it may run on into other letters ("LOP3ANGUYEN…" → 3A).
    static func parse(_ word: ArraySlice<UInt8>, afterWordLop: Bool, whole: Bool) -> ClassMention? {
        var index = word.startIndex
        guard index < word.endIndex, (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(word[index]) else { return nil }
        let grade = Int(word[index] - UInt8(ascii: "0"))
        index += 1
        guard index < word.endIndex, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(word[index]) else { return nil }
        index += 1
        var end = index
        while end < word.endIndex, end - index < 2, isDigit(word[end]) { end += 1 }
        if end < word.endIndex && isDigit(word[end]) { return nil }          // "3A123": not a class
        if whole && end != word.endIndex { return nil }
        return ClassMention(name: String(decoding: word[word.startIndex..<end], as: UTF8.self), grade: grade,
                            afterWordLop: afterWordLop)
    }
}
