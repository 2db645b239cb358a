import Foundation

/// Reads a UTF-8 CSV file's rows while its bytes arrive in chunks, so a statement export of a million rows is
/// never held whole: memory is one chunk plus the record that straddles two chunks.
///
/// Rows are exactly those `TabularReader` reads from the whole file when the file is UTF-8 (a byte-order mark
/// is dropped) — the delimiter is guessed from the first chunk's first line, records are numbered the same
/// and cut by the same parser (`CSVParser`), which leaves a record reaching the end of a chunk for the next.
/// Other encodings (UTF-16, Windows-1258) must be converted whole first, so callers check `canStream` on the
/// file's first bytes and whether the whole file is valid UTF-8 (`UTF8Check`) before choosing this reader.
public struct CSVRowStream {
    public let fileName: String
    private let chunks: () throws -> [UInt8]?
    private var buffer: [UInt8] = []
    private var delimiter: UInt8?
    private var record = 0
    private var exhausted = false
    private var rows: [TableRow] = []
    private var rowIndex = 0
    private var any = false
    private var startChecked = false

    public init(fileName: String, chunks: @escaping () throws -> [UInt8]?) {
        self.fileName = fileName
        self.chunks = chunks
    }

    /// Whether a file starting with `head` is text this reader takes: not a workbook, not HTML, not UTF-16/32.
    public static func canStream(head: [UInt8]) -> Bool {
        let data = Data(head)
        if data.isEmpty || data.starts(with: TabularReader.zipSignature) || data.starts(with: TabularReader.compoundFileSignature) { return false }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return false }
        return !HTMLTableReader.looksLikeHTML(data)
    }

    /// The next non-blank row, or nil at the end of the file.
    public mutating func next() throws(TabularInputError) -> TableRow? {
        while rowIndex == rows.count {
            if exhausted {
                if !any { throw TabularInputError(fileName: fileName, message: "the file is empty") }
                return nil
            }
            do {
                try parseMore()
            } catch let failure as ReadFailure {
                throw failure.error(fileName: fileName)
            } catch let error as TabularInputError {
                throw error
            } catch {
                throw TabularInputError(fileName: fileName, message: "the file cannot be read: \(error)")
            }
        }
        defer { rowIndex += 1 }
        any = true
        return rows[rowIndex]
    }

    private mutating func parseMore() throws {
        if let more = try chunks() {
            buffer.append(contentsOf: more)
            if !startChecked {
                // A UTF-8 byte-order mark is dropped, once three bytes are there to tell.
                if buffer.count < 3 { return }
                if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
                startChecked = true
            }
            // A first chunk that ends inside the first line would guess the delimiter from part of it.
            if delimiter == nil && !buffer.contains(0x0A) && !buffer.contains(0x0D) { return }
        } else {
            exhausted = true
            if !startChecked && buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
            startChecked = true
        }
        let final = exhausted
        let previous = record
        let delimiterGuess = delimiter
        let result = try buffer.withUnsafeBufferPointer { bytes throws(ReadFailure) -> (rows: [TableRow], consumed: Int, lastRecord: Int, delimiter: UInt8) in
            let delimiter = delimiterGuess ?? CSVDelimiter.detect(in: bytes)
            if memchr(bytes.baseAddress!, 0, bytes.count) != nil {
                throw ReadFailure("the file contains NUL characters, so it is not CSV text "
                    + "(it may be a binary file, or UTF-16 text without a byte-order mark); "
                    + "save it as “CSV UTF-8” or .xlsx")
            }
            let parsed = try CSVParser.rows(in: bytes, delimiter: delimiter, after: previous, final: final)
            return (parsed.rows, parsed.consumed, parsed.lastRecord, delimiter)
        }
        delimiter = result.delimiter
        record = result.lastRecord
        rows = result.rows
        rowIndex = 0
        buffer.removeFirst(result.consumed)
    }
}

/// Checks that a file is UTF-8 while its bytes go by in chunks (a sequence cut between two chunks is fine).
public struct UTF8Check {
    private var carry: [UInt8] = []
    public private(set) var valid = true

    public init() {}

    /// A chunk is checked where it lies: only a sequence cut by the chunk's start (the carried bytes and the
    /// continuation bytes that open this chunk) is put together in a small array; copying the whole chunk
    /// behind the carry cost as much as the check. A chunk too short to hold both ends is joined whole.
    public mutating func add(_ chunk: [UInt8]) {
        guard valid else { return }
        if chunk.count < 8 {
            let bytes = carry + chunk
            let cut = Self.completeEnd(bytes)
            valid = bytes[..<cut].withUnsafeBufferPointer(TextDecoding.isValidUTF8)
            carry = Array(bytes[cut...])
            return
        }
        let cut = Self.completeEnd(chunk)
        // Continuation bytes opening the chunk belong to the carried sequence (at most three of them).
        var lead = 0
        while lead < 3, chunk[lead] & 0xC0 == 0x80 { lead += 1 }
        if !carry.isEmpty || lead > 0 {
            valid = (carry + chunk[0..<lead]).withUnsafeBufferPointer(TextDecoding.isValidUTF8)
        }
        valid = valid && chunk.withUnsafeBufferPointer { bytes in
            TextDecoding.isValidUTF8(UnsafeBufferPointer(rebasing: bytes[lead..<cut]))
        }
        carry = Array(chunk[cut...])
    }

    /// Where the bytes stop being whole sequences: before an incomplete sequence at the end, kept for the next chunk.
    private static func completeEnd(_ bytes: [UInt8]) -> Int {
        var cut = bytes.count
        var back = 0
        while back < 3, cut > 0, bytes[cut - 1] & 0xC0 == 0x80 { cut -= 1; back += 1 }
        if cut > 0, bytes[cut - 1] >= 0xC0 { cut -= 1 } else { cut = bytes.count }
        return cut
    }

    /// After the last chunk: whether the whole file was UTF-8.
    public mutating func finish() -> Bool {
        if !carry.isEmpty { valid = valid && carry.withUnsafeBufferPointer(TextDecoding.isValidUTF8) }
        carry = []
        return valid
    }
}
