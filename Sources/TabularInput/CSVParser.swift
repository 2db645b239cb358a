import Foundation

/// RFC 4180 parsing of UTF-8 bytes into rows, in a single pass.
///
/// Why hand-written: this used to be the CSV.swift library plus a separate
/// pass checking its quoting, and together they read a bank statement CSV at
/// about 35,000 lines/s (23,000 lines/s for the whole statement read in
/// `hocphi-bench-statements`): a type-erased iterator of Unicode scalars, a
/// `String.UnicodeScalarView` grown one scalar at a time, `CharacterSet`
/// look-ups per scalar, the text walked twice. Statement imports must stream
/// millions of bank lines (the target is ≥ 3,000,000 lines/s), so the parser
/// works on the UTF-8 bytes of the decoded text instead (over 4,000,000
/// lines/s on the same file when written): every byte that matters to CSV
/// (`,` `;` tab, `"`, CR, LF, space) is ASCII, and in UTF-8 an ASCII byte is
/// never part of a longer sequence, so fields can be cut on bytes and each
/// cell `String` is built once from its byte slice.
///
/// The rules are exactly those of the library and its check, so files read
/// the same as before:
/// - A record ends at LF, CR or CRLF outside quotes, or at the end of the
///   file; the end of the file starts no record of its own.
/// - Spaces and tabs (Unicode `whitespaces`, minus the delimiter) before a
///   field and after a closing quote are skipped.
/// - A field whose first other character is `"` is quoted: it runs to the
///   next `"` not followed (after optional spaces) by another `"`; `""` is a
///   literal quote, and delimiters, CR and LF inside are text. The library
///   also read `"a" "b"` as `a"b`, so spaces between the two quotes of an
///   escaped quote are allowed here too.
/// - After a closing quote only spaces, then a delimiter, a line end or the
///   end of the file may follow. Anything else is refused naming the record:
///   the library silently dropped a character there.
/// - A quote never closed is refused naming the record it opened in: the
///   library silently put the rest of the file into that one cell.
/// - A `"` anywhere else is text (`32" wide`).
/// - Records are numbered from 1, blank ones included, which is the row
///   number Excel shows for the file; a quoted cell spanning lines keeps the
///   whole record on the number where it starts. Records whose cells are all
///   empty are left out (their numbers are not reused).
/// - Cells are cleaned as `CellText.clean` does (NFC, then trimmed).
enum CSVParser {
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let quote = UInt8(ascii: "\"")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// The non-blank records of `bytes` (valid UTF-8), numbered as above.
    ///
    /// - Parameter delimiter: an ASCII byte other than `"`, CR and LF.
    static func rows(in bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) throws(ReadFailure) -> [TableRow] {
        try rows(in: bytes, delimiter: delimiter, after: 0, final: true).rows
    }

    /// The same over a piece of a file (`CSVRowStream`): records are numbered on from `after` (the number of the
    /// last record of the pieces before), and unless the piece is the `final` one, a record that reaches its end
    /// is left for the next piece (it may go on there, or its CR be followed by an LF), so every record is cut
    /// from bytes that hold it whole and reads exactly as in the whole file.
    /// - Returns: the rows, how many bytes they used (the rest starts the next piece), and the last record's number.
    static func rows(in bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, after: Int,
                     final: Bool) throws(ReadFailure) -> (rows: [TableRow], consumed: Int, lastRecord: Int) {
        precondition(delimiter < 0x80 && delimiter != quote && delimiter != lineFeed && delimiter != carriageReturn)
        guard let base = bytes.baseAddress else { return ([], 0, after) }
        let count = bytes.count
        let tabIsSpace = delimiter != tab
        var rows: [TableRow] = []
        // The unescaped text of a quoted cell holding `""`, reused.
        var unescaped: [UInt8] = []
        var record = after
        var width = 0  // cells in the previous record: the likely count in the next one
        var index = 0
        while index < count {
            let recordStart = index
            record += 1
            var cells: [String] = []
            cells.reserveCapacity(width)
            var blank = true
            while true {
                index = skipSpaces(base, count, from: index, tabIsSpace: tabIsSpace)
                var endsRecord = true
                let cell: String
                if index == count {
                    cell = ""  // the file ends right after a delimiter (or spaces)
                } else if base[index] == quote {
                    var segment = index + 1  // start of the text not yet copied
                    var escaped = false
                    while true {
                        guard let close = find(quote, base, count, from: segment) else {
                            if !final { return (rows, recordStart, record - 1) }
                            throw ReadFailure(row: record, "a quoted cell is never closed: its opening \" has no "
                                + "closing \", so the rest of the file would end up in one cell")
                        }
                        let after = skipSpaces(base, count, from: close + 1, tabIsSpace: tabIsSpace)
                        if after < count && base[after] == quote {  // an escaped quote ("")
                            if !escaped { unescaped.removeAll(keepingCapacity: true) }
                            unescaped.append(contentsOf: UnsafeBufferPointer(start: base + segment, count: close - segment))
                            unescaped.append(quote)
                            escaped = true
                            segment = after + 1
                            continue
                        }
                        if after == count {
                            index = after
                        } else {
                            switch base[after] {
                            case lineFeed:
                                index = after + 1
                            case carriageReturn:
                                index = after + 1
                                if index < count && base[index] == lineFeed { index += 1 }
                            case delimiter:
                                index = after + 1
                                endsRecord = false
                            default:
                                throw ReadFailure(row: record, "there is text after the closing quote of a quoted "
                                    + "cell (a \" inside a quoted cell must be written twice, as \"\")")
                            }
                        }
                        let tail = UnsafeBufferPointer(start: base + segment, count: close - segment)
                        if escaped {
                            unescaped.append(contentsOf: tail)
                            cell = unescaped.withUnsafeBufferPointer(CellText.clean(utf8:))
                        } else {
                            cell = CellText.clean(utf8: tail)
                        }
                        break
                    }
                } else {
                    let start = index
                    index = fieldEnd(base, count, from: index, delimiter: delimiter)
                    cell = CellText.clean(utf8: UnsafeBufferPointer(start: base + start, count: index - start))
                    if index < count {
                        let terminator = base[index]
                        index += 1
                        if terminator == delimiter {
                            endsRecord = false
                        } else if terminator == carriageReturn && index < count && base[index] == lineFeed {
                            index += 1
                        }
                    }
                }
                if !cell.isEmpty { blank = false }
                cells.append(cell)
                if endsRecord { break }
            }
            if !final && index >= count { return (rows, recordStart, record - 1) }
            width = cells.count
            if !blank { rows.append(TableRow(number: record, cells: cells)) }
        }
        return (rows, count, record)
    }

    /// The index of the first delimiter, CR or LF at or after `start`, or
    /// `count`. Eight bytes at a time: a byte equal to `b` is a zero byte of
    /// `word ^ (b * 0x0101…)`, and `(v - 0x0101…) & ~v & 0x8080…` marks zero
    /// bytes of `v` exactly up to the first one (borrows can only add marks
    /// above it), so the lowest mark is the first stop byte.
    @inline(__always)
    static func fieldEnd(_ base: UnsafePointer<UInt8>, _ count: Int, from start: Int, delimiter: UInt8) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let delimiters = ones &* UInt64(delimiter)
        let lineFeeds = ones &* UInt64(lineFeed), carriageReturns = ones &* UInt64(carriageReturn)
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let a = word ^ delimiters, b = word ^ lineFeeds, c = word ^ carriageReturns
            let marks = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & highs
            if marks != 0 { return index + marks.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < count {
            let byte = base[index]
            if byte == delimiter || byte == lineFeed || byte == carriageReturn { return index }
            index += 1
        }
        return count
    }

    /// The index of the first `byte` at or after `start`, or `nil`.
    @inline(__always)
    static func find(_ byte: UInt8, _ base: UnsafePointer<UInt8>, _ count: Int, from start: Int) -> Int? {
        guard start < count, let hit = memchr(base + start, Int32(byte), count - start) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// The index after the spaces starting at `start`: the scalars of
    /// `CharacterSet.whitespaces`, which the library skipped, less the tab
    /// when it is the delimiter.
    @inline(__always)
    static func skipSpaces(_ base: UnsafePointer<UInt8>, _ count: Int, from start: Int, tabIsSpace: Bool) -> Int {
        var index = start
        while index < count {
            let byte = base[index]
            if byte == space || (byte == tab && tabIsSpace) {
                index += 1
            } else if byte >= 0x80,
                      case let length = CellText.wideWhitespaceLength(base, count, at: index, newlines: false),
                      length > 0 {
                index += length
            } else {
                break
            }
        }
        return index
    }
}
