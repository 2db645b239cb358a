import Foundation
import LedgerCore

/// Reads SWIFT MT940 customer statements (`:20:` … `:62F:`), bare or inside the SWIFT envelope
/// (`{1:…}{2:…}{4:` … `-}`), with CRLF or LF line ends.
///
/// Fields used: `:25:` account (`BANKCODE/ACCOUNT` keeps the part after the last `/`), `:60F:`/`:60M:` opening
/// balance, `:61:` statement lines, `:86:` the line's free text, `:62F:`/`:62M:` closing balance. `:28C:`, `:64:`,
/// `:65:` and unknown tags are ignored; an `:86:` that does not follow a `:61:` is statement information and is
/// ignored too. Several statements in one file (several `:20:`) must be for one account and are concatenated:
/// the opening balance of the first, the closing balance of the last, the lines of all in file order.
///
/// Choices the standard leaves open:
/// - `:86:` continuation lines: a line of exactly 65 characters (the field's width) was wrapped by the bank's
///   software, often inside a word, so the next line is joined to it with nothing in between; a shorter line
///   was ended on purpose, so the next line is joined with one space.
/// - `:61:` supplementary details (the field's second line) become the description only when no `:86:` follows.
/// - Booking date = the entry date (`MMDD`, its year taken from the value date, the nearest of the previous,
///   same and next year, so `241231` + `0102` is 2025-01-02); without an entry date, the value date.
/// - `RC` (reversal of credit) is a debit and `RD` (reversal of debit) a credit, as SWIFT defines them.
/// - The optional funds code after the mark is accepted only as `D` (the third letter of VND).
/// - Errors: `file: line 14: :61: amount "12.5O0," is not an amount`; a missing field is reported on the line of
///   the `:20:` that opens its statement.
/// - Text: UTF-8 (a byte-order mark is dropped) or UTF-16 with a byte-order mark; anything else (Windows-1258)
///   is refused naming the first line that is not UTF-8.
/// - Period: the date of the first opening balance to the date of the last closing balance.
/// - Every statement must have `:25:`, `:60F:`/`:60M:` and `:62F:`/`:62M:`: a missing closing balance is how a
///   file cut short shows.
/// - Currency: VND only, since `Money` is whole đồng.
public enum MT940Reader {
    public static func read(_ data: Data, fileName: String) throws(StatementError) -> Statement {
        var parser = MT940Parser(fileName: fileName)
        return try parser.parse(data)
    }

    /// Reads the file line by line as `chunks` hands its bytes over (in pieces of any size, nil at the end),
    /// so that memory stays bounded whatever the file's size. Lines, errors and the statement are exactly
    /// those of `read` on the same bytes. `source` carries the SHA-256 of the whole file, computed by the caller.
    public static func stream(source: SourceFile, chunks: @escaping () throws -> [UInt8]?) -> some StatementStream {
        MT940Stream(source: source, chunks: chunks)
    }

    /// Whether the bytes look like MT940: a `:20:` line and an account, balance or sequence line near the start.
    public static func looksLike(_ data: Data) -> Bool {
        let head = StandardFormats.head(data)
        guard let first = StandardFormats.firstSignificantByte(head), first == 0x3A || first == 0x7B else { return false }
        var tags = Set<String>()
        for rawLine in head.split(separator: 0x0A, omittingEmptySubsequences: true) {
            var line = rawLine
            if line.first == 0x7B {  // "{": SWIFT envelope; fields may follow "{4:" on the same line
                guard let start = MT940Parser.indexAfterBlock4(line) else { continue }
                line = line[start...]
            }
            if let (tag, _) = MT940Parser.fieldTag(line) { tags.insert(tag) }
        }
        return tags.contains("20") && !tags.isDisjoint(with: ["25", "28C", "60F", "60M"])
    }
}

struct MT940Parser {
    let fileName: String

    private struct Balance {
        var amount: Money
        var date: LocalDate
    }

    private struct Block {
        var startLine: Int
        var hasAccount = false
        var opening: Balance?
        var closing: Balance?
    }

    // The field being collected: its tag, the line it starts on, and its lines (the first without the tag).
    private var hasField = false
    private var fieldTag = ""
    private var fieldLine = 0
    private var fieldLines: [ArraySlice<UInt8>] = []
    private var previousTag = ""

    private var block: Block?
    private var blockCount = 0
    private var account: String?
    var accountSoFar: String? { account }
    private var accountLine = 0
    private var firstOpening: Balance?
    private var lastClosing: Balance?
    /// Whether the last line of `ready` is the last `:61:` read, whose `:86:` may still follow. It is completed
    /// where it lies: moving each line from a field of its own into `ready` copied it once more per line.
    private var hasPending = false
    /// How many lines at the start of `ready` are complete.
    var completeCount: Int { hasPending ? ready.count - 1 : ready.count }
    /// Lines read and not yet handed over (a few at most while streaming): the complete ones, then the pending one.
    var ready: [StatementLine] = []

    init(fileName: String) { self.fileName = fileName }

    /// Whether `end()` has been called.
    private(set) var ended = false
    /// Whether the account is known, so lines may be handed over (their identity depends on it).
    var knowsAccount: Bool { account != nil }

    mutating func parse(_ data: Data) throws(StatementError) -> Statement {
        let bytes = try MT940Parser.textBytes(Array(data), fileName: fileName)
        var lineNumber = 0
        var lineStart = 0
        let end = bytes.count
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < end && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd + 1
            if lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            lineNumber += 1
            try take(bytes[lineStart..<lineEnd], line: lineNumber)
            lineStart = next
        }
        try self.end()
        var statement = try header(source: SourceFile(name: fileName, sha256: StatementDigest.sha256Hex(data)))
        statement.lines = ready
        return statement
    }

    /// After the last line: closes the last field and statement.
    mutating func end() throws(StatementError) {
        try finishField()
        try closeBlock()
        hasPending = false
        ended = true
    }

    /// The statement without its lines, once `end()` has been called.
    func header(source: SourceFile) throws(StatementError) -> Statement {
        guard let account, let firstOpening, let lastClosing else {
            throw failure(nil, nil, "no MT940 statement found (no :20:, :25:, :60F: … fields)")
        }
        return Statement(
            account: account, currency: "VND", periodStart: firstOpening.date, periodEnd: lastClosing.date,
            openingBalance: firstOpening.amount, closingBalance: lastClosing.amount, lines: [], format: "mt940",
            source: source)
    }

    /// The file's bytes as UTF-8: a UTF-8 byte-order mark is dropped, UTF-16 with a byte-order mark converted.
    static func textBytes(_ data: [UInt8], fileName: String) throws(StatementError) -> [UInt8] {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: Data(data), encoding: .utf16) else {
                throw StatementError(fileName: fileName, reason: "the file starts like UTF-16 text but is not")
            }
            return Array(text.utf8)
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes
    }

    // MARK: Lines

    mutating func take(_ rawLine: ArraySlice<UInt8>, line: Int) throws(StatementError) {
        var text = rawLine
        if !StandardFormats.isASCII(text), String(validating: text, as: UTF8.self) == nil {
            throw failure(line, nil, "the text is not UTF-8")
        }
        if text.first == 0x7B {  // "{": envelope blocks 1, 2, 3 and 5; the fields start after "{4:"
            guard let start = MT940Parser.indexAfterBlock4(text) else { return }
            text = text[start...]
        }
        if text.first == 0x2D, text.count == 1 || text[text.startIndex + 1] == 0x7D {  // "-" or "-}": end of message
            try finishField()
            return
        }
        if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        if let (tag, contentStart) = MT940Parser.fieldTag(text) {
            try finishField()
            hasField = true
            fieldTag = tag
            fieldLine = line
            fieldLines.removeAll(keepingCapacity: true)
            fieldLines.append(text[contentStart...])
        } else {
            guard hasField else { throw failure(line, nil, "text outside any MT940 field") }
            fieldLines.append(text)
        }
    }

    /// The index just after `{4:` in an envelope line, if the line opens block 4.
    static func indexAfterBlock4(_ line: ArraySlice<UInt8>) -> Int? {
        var i = line.startIndex
        while i + 2 < line.endIndex {
            if line[i] == 0x7B && line[i + 1] == 0x34 && line[i + 2] == 0x3A { return i + 3 }
            i += 1
        }
        return nil
    }

    /// `:61:` → ("61", index after the second colon). Tags are two digits and an optional capital letter
    /// (`20`, `28C`, `60F`), or `NS`.
    static func fieldTag(_ line: ArraySlice<UInt8>) -> (String, Int)? {
        let s = line.startIndex
        guard line.count >= 4, line[s] == 0x3A else { return nil }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isCapital(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        let a = line[s + 1], b = line[s + 2]
        guard (isDigit(a) && isDigit(b)) || (a == 0x4E && b == 0x53) else { return nil }
        if line[s + 3] == 0x3A { return (String(decoding: line[(s + 1)...(s + 2)], as: UTF8.self), s + 4) }
        if line.count >= 5, isCapital(line[s + 3]), line[s + 4] == 0x3A {
            return (String(decoding: line[(s + 1)...(s + 3)], as: UTF8.self), s + 5)
        }
        return nil
    }

    // MARK: Fields

    private mutating func finishField() throws(StatementError) {
        guard hasField else { return }
        hasField = false
        let tag = fieldTag
        defer { previousTag = tag }
        switch tag {
        // Statement lines first: a failed comparison of two small strings is not free, and they are most fields.
        case "61":
            openBlockIfNeeded()
            let line = try readStatementLine()
            ready.append(line)
            hasPending = true
        case "86":
            if previousTag == "61", hasPending {
                let description = StandardFormats.cleanDescription(utf8: joinedInformation())
                ready[ready.count - 1].description = description
            }
        case "20":
            try closeBlock()
            block = Block(startLine: fieldLine)
        case "25":
            openBlockIfNeeded()
            try readAccount()
        case "60F", "60M":
            openBlockIfNeeded()
            if block?.opening != nil { throw failure(fieldLine, tag, "a second opening balance in one statement") }
            let opening = try readBalance()
            block?.opening = opening
        case "62F", "62M":
            openBlockIfNeeded()
            if block?.closing != nil { throw failure(fieldLine, tag, "a second closing balance in one statement") }
            let closing = try readBalance()
            block?.closing = closing
        default:
            break  // :28C:, :64:, :65:, :13D:, :NS: … carry nothing the statement needs
        }
    }

    private mutating func openBlockIfNeeded() {
        if block == nil { block = Block(startLine: fieldLine) }
    }

    /// Ends the statement being read: it must have named its account and both balances.
    private mutating func closeBlock() throws(StatementError) {
        guard let current = block else { return }
        block = nil
        guard current.hasAccount else {
            throw failure(current.startLine, "25", "missing: the statement that starts on this line names no account")
        }
        guard let opening = current.opening else {
            throw failure(current.startLine, "60F", "missing: the statement that starts on this line has no opening balance")
        }
        guard let closing = current.closing else {
            throw failure(current.startLine, "62F",
                          "missing: the statement that starts on this line has no closing balance (is the file cut short?)")
        }
        blockCount += 1
        if firstOpening == nil { firstOpening = opening }
        lastClosing = closing
    }

    private mutating func readAccount() throws(StatementError) {
        let text = StandardFormats.trimmed(String(decoding: fieldLines[0], as: UTF8.self))
        let number = StandardFormats.trimmed(String(text.split(separator: "/", omittingEmptySubsequences: false).last ?? ""))
        guard !number.isEmpty else { throw failure(fieldLine, "25", "account \"\(text)\" has no account number") }
        if let account, account != number {
            throw failure(fieldLine, "25",
                          "account \"\(number)\" differs from \"\(account)\" on line \(accountLine): a file is one account's statement")
        }
        account = number
        accountLine = fieldLine
        block?.hasAccount = true
    }

    /// `C240910VND524700,`: debit/credit mark, date YYMMDD, currency, amount. A debit balance is negative.
    private func readBalance() throws(StatementError) -> Balance {
        let b = Array(trimmedTrailing(fieldLines[0]))
        let text = String(decoding: b, as: UTF8.self)
        guard let mark = b.first, mark == 0x43 || mark == 0x44 else {
            throw failure(fieldLine, fieldTag, "balance \"\(text)\" does not start with C or D")
        }
        guard b.count >= 7, let date = MT940Parser.yymmdd(b[1..<7]) else {
            throw failure(fieldLine, fieldTag,
                          "date \"\(String(decoding: b.dropFirst().prefix(6), as: UTF8.self))\" is not a date (YYMMDD)")
        }
        let currency = String(decoding: b.dropFirst(7).prefix(3), as: UTF8.self)
        guard currency == "VND" else {
            throw failure(fieldLine, fieldTag, "currency \"\(currency)\" is not supported: only VND (đồng) is")
        }
        let amountBytes = b.dropFirst(10)
        switch StandardFormats.dong(amountBytes, decimalSeparator: 0x2C) {
        case .success(let value):
            return Balance(amount: Money(dong: mark == 0x44 ? -value : value), date: date)
        case .failure(let problem):
            throw failure(fieldLine, fieldTag,
                          StandardFormats.reason(problem, amount: String(decoding: amountBytes, as: UTF8.self)))
        }
    }

    /// `:61:2409100910C1334520,NTRFNONREF//5243.90051` and an optional second line of supplementary details.
    /// Read on the field's bytes where they lie in the buffer (offsets from `s`): copying each `:61:` into an
    /// array of its own was a tenth of reading a file.
    private func readStatementLine() throws(StatementError) -> StatementLine {
        let b = trimmedTrailing(fieldLines[0])
        let s = b.startIndex, count = b.count
        func at(_ i: Int) -> UInt8 { b[s + i] }
        func text(_ range: Range<Int>) -> String {
            String(decoding: b[(s + max(0, min(range.lowerBound, count)))..<(s + min(range.upperBound, count))],
                   as: UTF8.self)
        }
        func isDigit(_ i: Int) -> Bool { i < count && at(i) >= 0x30 && at(i) <= 0x39 }

        guard count >= 6, let valueDate = MT940Parser.yymmdd(b[s..<(s + 6)]) else {
            throw failure(fieldLine, "61", "value date \"\(text(0..<6))\" is not a date (YYMMDD)")
        }
        var i = 6
        var bookingDate = valueDate
        if isDigit(i) && isDigit(i + 1) && isDigit(i + 2) && isDigit(i + 3) {
            let month = Int(at(i) - 0x30) * 10 + Int(at(i + 1) - 0x30)
            let day = Int(at(i + 2) - 0x30) * 10 + Int(at(i + 3) - 0x30)
            guard let entry = MT940Parser.nearestDate(month: month, day: day, to: valueDate) else {
                throw failure(fieldLine, "61", "entry date \"\(text(i..<(i + 4)))\" is not a date (MMDD)")
            }
            bookingDate = entry
            i += 4
        }

        let direction: Direction
        switch (i < count ? at(i) : 0, i + 1 < count ? at(i + 1) : 0) {
        case (0x52, 0x43): direction = .debit; i += 2  // RC: reversal of a credit
        case (0x52, 0x44): direction = .credit; i += 2  // RD: reversal of a debit
        case (0x43, _): direction = .credit; i += 1
        case (0x44, _): direction = .debit; i += 1
        default:
            throw failure(fieldLine, "61", "debit/credit mark \"\(text(i..<(i + 2)))\" is not C, D, RC or RD")
        }
        // Funds code: the third letter of the currency, so only "D" (VND). Any other letter is left to the
        // amount and refused there: "CI334520," is a mistyped amount, not funds code I and 334,520 đồng.
        if i < count, at(i) == 0x44 { i += 1 }

        // The amount runs up to the transaction type, which starts with N, F or S.
        var j = i
        while j < count, at(j) != 0x4E, at(j) != 0x46, at(j) != 0x53 { j += 1 }
        let amount: Int64
        switch StandardFormats.dong(b[(s + i)..<(s + j)], decimalSeparator: 0x2C) {
        case .success(let value): amount = value
        case .failure(let problem): throw failure(fieldLine, "61", StandardFormats.reason(problem, amount: text(i..<j)))
        }
        guard amount > 0 else { throw failure(fieldLine, "61", "amount \"\(text(i..<j))\" is zero") }
        guard j + 4 <= count else {
            throw failure(fieldLine, "61", "transaction type (N, F or S and three characters) missing after the amount")
        }
        j += 4

        var bankReference: String?
        if let slashes = (j..<max(j, count - 1)).first(where: { at($0) == 0x2F && at($0 + 1) == 0x2F }) {
            let reference = StandardFormats.trimmed(utf8: b[(s + slashes + 2)...])
            if !reference.isEmpty { bankReference = reference }
        }

        let description = fieldLines.count == 1 ? "" : StandardFormats.cleanDescription(
            fieldLines.dropFirst().map { String(decoding: $0, as: UTF8.self) }.joined(separator: " "))
        return StatementLine(
            bookingDate: bookingDate, valueDate: valueDate, direction: direction, amount: Money(dong: amount),
            bankReference: bankReference, description: description, position: fieldLine)
    }

    /// The `:86:` lines as one text (UTF-8): a line of exactly 65 characters continues on the next without a
    /// break; after a shorter line, one space. Characters, not bytes: a Vietnamese letter takes two or three
    /// bytes, and an ASCII line (the usual one) has as many characters as bytes.
    /// A one-line `:86:` (the usual one) is its line's bytes as they lie in the buffer, copied nowhere.
    private func joinedInformation() -> ArraySlice<UInt8> {
        if fieldLines.count == 1 { return fieldLines[0] }
        var text: [UInt8] = []
        var previousLength = 65
        for (index, bytes) in fieldLines.enumerated() {
            if index > 0 && previousLength != 65 { text.append(0x20) }
            text.append(contentsOf: bytes)
            previousLength = StandardFormats.isASCII(bytes) ? bytes.count : String(decoding: bytes, as: UTF8.self).count
        }
        return text[...]
    }

    private func trimmedTrailing(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return bytes[bytes.startIndex..<end]
    }

    // MARK: Dates

    static func yymmdd(_ bytes: ArraySlice<UInt8>) -> LocalDate? {
        guard bytes.count == 6, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        func two(_ at: Int) -> Int { Int(bytes[bytes.startIndex + at] - 0x30) * 10 + Int(bytes[bytes.startIndex + at + 1] - 0x30) }
        return LocalDate(year: 2000 + two(0), month: two(2), day: two(4))
    }

    /// The date with this month and day nearest to `reference`, in its year or the one before or after:
    /// value date 2024-12-31 with entry date `0102` is 2025-01-02.
    static func nearestDate(month: Int, day: Int, to reference: LocalDate) -> LocalDate? {
        // The usual case: the same month as the value date. Within the reference's own year that is at most
        // 30 days away, and any other year's date at least 334, so no search is needed.
        if month == reference.month, let same = LocalDate(year: reference.year, month: month, day: day) { return same }
        let target = StandardFormats.dayNumber(reference)
        var best: LocalDate?
        var bestDistance = Int.max
        for year in (reference.year - 1)...(reference.year + 1) {
            guard let candidate = LocalDate(year: year, month: month, day: day) else { continue }
            let distance = abs(StandardFormats.dayNumber(candidate) - target)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }

    /// `file: line 14: :61: amount "12.5O0," is not an amount`. The field holds the tag without its closing
    /// colon (`:61`), because `StatementError.description` puts ": " after the field.
    private func failure(_ line: Int?, _ tag: String?, _ reason: String) -> StatementError {
        StatementError(fileName: fileName, place: line.map { "line \($0)" }, field: tag.map { ":\($0)" }, reason: reason)
    }
}

/// `MT940Reader.stream`: the parser fed line by line from chunks of bytes.
struct MT940Stream: StatementStream {
    let source: SourceFile
    private let chunks: () throws -> [UInt8]?
    private var parser: MT940Parser
    private var buffer: [UInt8] = []
    private var offset = 0
    private var lineNumber = 0
    private var started = false
    private var exhausted = false
    private var handedOver = 0
    private var finalHeader: Statement?

    init(source: SourceFile, chunks: @escaping () throws -> [UInt8]?) {
        self.source = source
        self.chunks = chunks
        self.parser = MT940Parser(fileName: source.name)
    }

    var account: String { parser.accountSoFar ?? "" }
    var estimatedLineCount: Int? { nil }

    var header: Statement {
        finalHeader ?? Statement(account: account, lines: [], format: "mt940", source: source)
    }

    mutating func next() throws -> StatementLine? {
        while true {
            if handedOver < parser.completeCount, parser.knowsAccount || parser.ended {
                let line = parser.ready[handedOver]
                handedOver += 1
                // Handed-over lines are dropped 64 at a time, not one by one: each removal moves the pending
                // line to the front.
                if handedOver == parser.completeCount && handedOver >= 64 {
                    parser.ready.removeSubrange(0..<handedOver)  // keeps the pending line, if any
                    handedOver = 0
                }
                return line
            }
            if parser.ended {
                if finalHeader == nil { finalHeader = try parser.header(source: source) }
                return nil
            }
            try readLine()
        }
    }

    /// Feeds the parser the next line of the file, reading a chunk when the buffer holds no whole line.
    private mutating func readLine() throws {
        while true {
            if let newline = nextLineFeed() {
                var lineEnd = newline
                if lineEnd > offset && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                lineNumber += 1
                try parser.take(buffer[offset..<lineEnd], line: lineNumber)
                offset = newline + 1
                return
            }
            if exhausted {
                if offset < buffer.count {
                    var lineEnd = buffer.count
                    if buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                    lineNumber += 1
                    try parser.take(buffer[offset..<lineEnd], line: lineNumber)
                    offset = buffer.count
                } else {
                    try parser.end()
                }
                return
            }
            try refill()
        }
    }

    /// The index of the next LF at or after `offset`, found by `memchr`.
    private func nextLineFeed() -> Int? {
        guard offset < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes in
            memchr(bytes.baseAddress! + offset, 0x0A, bytes.count - offset)
                .map { UnsafeRawPointer($0) - UnsafeRawPointer(bytes.baseAddress!) }
        }
    }

    private mutating func refill() throws {
        if !started {
            started = true
            var first: [UInt8] = []
            while first.count < 4, let more = try chunks() { first += more }
            if first.starts(with: [0xFF, 0xFE]) || first.starts(with: [0xFE, 0xFF]) {
                // UTF-16 cannot be cut into lines before it is converted: read whole (such files are small).
                while let more = try chunks() { first += more }
                buffer = try MT940Parser.textBytes(first, fileName: source.name)
                exhausted = true
                return
            }
            if first.starts(with: [0xEF, 0xBB, 0xBF]) { first.removeFirst(3) }
            buffer = first
            if first.count < 4 { exhausted = true }
            return
        }
        guard let more = try chunks() else {
            exhausted = true
            return
        }
        // Kept in place: the unread tail moves to the front and the chunk follows, in the same storage.
        buffer.removeSubrange(0..<offset)
        buffer.append(contentsOf: more)
        offset = 0
    }
}
