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
    static let candidates: [Unicode.Scalar] = ["\t", ";", ","]

    /// The candidate occurring most often outside quotes on the first line
    /// that is not blank; `,` when there is none (a single-column file).
    static func detect(in text: String) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [:]
        var inQuotes = false
        var lineHasContent = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                inQuotes.toggle()
                lineHasContent = true
            } else if inQuotes {
                continue
            } else if scalar == "\n" || scalar == "\r" {
                if lineHasContent { break }
                counts = [:]
            } else if candidates.contains(scalar) {
                counts[scalar, default: 0] += 1
                if scalar != "\t" { lineHasContent = true }
            } else if !CharacterSet.whitespaces.contains(scalar) {
                lineHasContent = true
            }
        }
        let top = counts.values.max() ?? 0
        guard top > 0 else { return "," }
        return candidates.first { counts[$0, default: 0] == top } ?? ","
    }
}
