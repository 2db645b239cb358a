@testable import BankStatements
import Foundation
import LedgerCore
import Testing

/// MT940 reading takes shortcuts on bytes (ASCII trimming of references, a one-line `:86:` read in place, the
/// entry date's year without a search); each must give what the general rule gives, on generated input.
@Suite("MT940 shortcuts")
struct MT940FastPathTests {
    /// A small deterministic generator, so a failure can be replayed.

    static let pieces = ["nop hoc phi", " ", "\t", "\u{0B}", "\u{0C}", "\u{00A0}", "\u{3000}", "Nguyễn", "be\u{0301}",
                         "e\u{0302}\u{0301}", "ĐẶNG", "🙂", "HP8BU6E28", "", "x", "/", "FT25.001"]

    @Test("trimmed(utf8:) and cleanDescription(utf8:) on a slice equal the rules on the same text")
    func bytesEqualText() {
        var g = SeededPicks(seed: 7)
        for _ in 0..<5_000 {
            let text = (0..<g.next(6)).map { _ in Self.pieces[g.next(Self.pieces.count)] }.joined()
            let padded = Array("ab".utf8) + Array(text.utf8) + Array("cd".utf8)
            let slice = padded[2..<(padded.count - 2)]  // a slice that does not start at 0, as in the buffer
            #expect(Array(StandardFormats.trimmed(utf8: slice).utf8) == Array(StandardFormats.trimmed(text).utf8),
                    "\(text.debugDescription)")
            #expect(Array(StandardFormats.cleanDescription(utf8: slice).utf8)
                    == Array(StandardFormats.cleanDescription(text).utf8), "\(text.debugDescription)")
        }
    }

    @Test("the entry date's year equals the nearest of the three candidate years, for every month and day")
    func nearestDate() {
        func searched(month: Int, day: Int, to reference: LocalDate) -> LocalDate? {
            let target = StandardFormats.dayNumber(reference)
            return ((reference.year - 1)...(reference.year + 1))
                .compactMap { LocalDate(year: $0, month: month, day: day) }
                .min { abs(StandardFormats.dayNumber($0) - target) < abs(StandardFormats.dayNumber($1) - target) }
        }
        for year in [2023, 2024, 2025] {
            for refMonth in 1...12 {
                for refDay in 1...31 {
                    guard let reference = LocalDate(year: year, month: refMonth, day: refDay) else { continue }
                    for month in 0...13 {
                        for day in 0...32 {
                            let fast = MT940Parser.nearestDate(month: month, day: day, to: reference)
                            if fast != searched(month: month, day: day, to: reference) {
                                Issue.record("\(month)/\(day) near \(reference)")
                                return
                            }
                        }
                    }
                }
            }
        }
    }

    /// A small MT940 file with non-ASCII text, CR LF or LF, one-line and several-line `:86:` (with 65-character
    /// lines), `:61:` supplementary details and references with spaces around them.
    static func generated(seed: UInt64) -> (text: String, descriptions: [String], references: [String?]) {
        var g = SeededPicks(seed: seed)
        let newline = g.next(2) == 0 ? "\n" : "\r\n"
        var lines = [":20:GEN", ":25:970418/63510000868686", ":60F:C241230VND1000,"]
        var descriptions: [String] = [], references: [String?] = []
        for i in 0..<6 {
            let reference = g.next(3) == 0 ? "" : [" R\(i) ", "R\(i)\u{00A0}", "Ré\(i)", "R\(i)"][g.next(4)]
            let entry = ["", "0102", "1231", "1230"][g.next(4)]
            lines.append(":61:241230\(entry)C100,NTRFNONREF" + (g.next(4) == 0 ? "" : "//\(reference)"))
            references.append(lines.last!.contains("//") && !StandardFormats.trimmed(reference).isEmpty
                              ? StandardFormats.trimmed(reference) : nil)
            // Continuation lines start with a letter: a blank line is skipped, not joined.
            var parts = (0..<(1 + g.next(3))).map { n in
                (n == 0 ? "" : "x") + (0..<g.next(5)).map { _ in pieces[g.next(pieces.count)] }.joined()
            }
            if g.next(3) == 0 { parts[0] = String(repeating: "ễ", count: 65) }
            if g.next(2) == 0 {
                lines.append(":86:" + parts[0])
                lines += parts.dropFirst()
                // The general rule, on text: after a line of exactly 65 characters nothing, else one space.
                var joined = parts[0]
                for (previous, part) in zip(parts, parts.dropFirst()) { joined += (previous.count == 65 ? "" : " ") + part }
                descriptions.append(StandardFormats.cleanDescription(joined))
            } else {
                lines.append("supplementary " + parts[0])
                descriptions.append(StandardFormats.cleanDescription("supplementary " + parts[0]))
            }
        }
        lines += [":62F:C241230VND1600,", "-"]
        return (lines.joined(separator: newline) + newline, descriptions, references)
    }

    @Test("generated files read with the general rules' descriptions and references, streamed in chunks of every size")
    func generatedFiles() throws {
        for seed in UInt64(1)...40 {
            let (text, descriptions, references) = Self.generated(seed: seed)
            let bytes = Array(text.utf8)
            let whole = try MT940Reader.read(Data(bytes), fileName: "g.mt940")
            #expect(whole.lines.map { Array($0.description.utf8) } == descriptions.map { Array($0.utf8) }, "seed \(seed)")
            #expect(whole.lines.map(\.bankReference) == references, "seed \(seed)")
            for size in 1...bytes.count {
                var stream = MT940Reader.stream(source: whole.source, chunks: StreamingReadTests.chunks(bytes, size: size))
                let streamed = try stream.collect()
                if streamed != whole {
                    Issue.record("seed \(seed), chunks of \(size) bytes")
                    return
                }
            }
        }
    }
}
