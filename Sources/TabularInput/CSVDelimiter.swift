import Foundation

/// Picks the field delimiter of a CSV text from its first line.
///
/// Excel writes the "list separator" of the Windows region: `,` in English
/// settings but `;` in Vietnamese ones (where `,` is the decimal separator),
/// and "Unicode Text" exports use tabs. Nobody knows which they have, so the
/// delimiter has to be guessed, and the header line is the most reliable
/// evidence: it has one delimiter per column and rarely contains quotes.
enum CSVDelimiter {
    /// Candidates in tie-break order: a tab is almost never text, and a `;`
    /// in a header is rarer than a `,` in a Vietnamese header.
    static let candidates: [UInt8] = [UInt8(ascii: "\t"), UInt8(ascii: ";"), UInt8(ascii: ",")]

    /// The candidate occurring most often outside quotes on the first line
    /// that is not blank (white space, `CharacterSet.whitespaces`, and tabs
    /// alone make a line blank); `,` when there is none (a single-column file).
    ///
    /// - Parameter bytes: UTF-8 text. Every byte looked for is ASCII, and in
    ///   UTF-8 an ASCII byte is never part of a longer sequence.
    static func detect(in bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let quote = UInt8(ascii: "\""), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        var counts = [0, 0, 0]
        var inQuotes = false
        var lineHasContent = false
        var index = 0
        scan: while let base = bytes.baseAddress, index < bytes.count {
            let byte = base[index]
            index += 1
            if byte == quote {
                inQuotes.toggle()
                lineHasContent = true
            } else if inQuotes {
                continue
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if lineHasContent { break scan }
                counts = [0, 0, 0]
            } else if let candidate = candidates.firstIndex(of: byte) {
                counts[candidate] += 1
                if byte != tab { lineHasContent = true }
            } else if byte >= 0x80 {
                let length = CellText.wideWhitespaceLength(base, bytes.count, at: index - 1, newlines: false)
                if length > 0 {
                    index += length - 1
                } else {
                    lineHasContent = true
                    while index < bytes.count && base[index] & 0xC0 == 0x80 { index += 1 }
                }
            } else if byte != space {
                lineHasContent = true
            }
        }
        let top = counts.max() ?? 0
        guard top > 0 else { return UInt8(ascii: ",") }
        return candidates[counts.firstIndex(of: top)!]
    }
}
