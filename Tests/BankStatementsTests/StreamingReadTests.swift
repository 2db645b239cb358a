import BankFormats
import BankStatements
import Foundation
import LedgerCore
import TabularInput
import Testing

/// Streamed reading (`MT940Reader.stream`, `CSVRowStream` + `TabularStatementReader.stream`) gives exactly what
/// reading the whole file gives, wherever the chunks are cut — including inside a quoted cell, between CR and
/// LF, and inside a UTF-8 sequence.
@Suite("Statements read as a stream")
struct StreamingReadTests {
    static let chunkSizes = [1, 2, 3, 7, 64, 1 << 20]

    static func chunks(_ bytes: [UInt8], size: Int) -> () throws -> [UInt8]? {
        var offset = 0
        return {
            guard offset < bytes.count else { return nil }
            defer { offset += size }
            return Array(bytes[offset..<min(bytes.count, offset + size)])
        }
    }

    @Test("MT940 samples stream into the statement read whole", arguments: StandardSamples.mt940)
    func mt940Samples(file: String) throws {
        let data = try StandardSamples.data(file)
        let whole = try MT940Reader.read(data, fileName: file)
        for size in Self.chunkSizes {
            var stream = MT940Reader.stream(source: whole.source, chunks: Self.chunks(Array(data), size: size))
            #expect(try stream.collect() == whole, "chunks of \(size) bytes")
        }
    }

    @Test("an MT940 error on the last line is the same error, after every earlier line was handed over")
    func mt940LastLineError() throws {
        var text = ":20:T\n:25:63510000868686\n:60F:C250901VND1000,\n"
        for i in 0..<500 { text += ":61:2509010901C100,NTRFNONREF//R\(i)\n:86:line \(i)\n" }
        text += ":61:2509010901C1O0,NTRFNONREF//BAD\n:62F:C250901VND51100,\n-\n"
        let data = Data(text.utf8)
        let expected = StandardSamples.failure { () throws(StatementError) in try MT940Reader.read(data, fileName: "t.mt940") }
        var stream = MT940Reader.stream(source: SourceFile(name: "t.mt940", sha256: ""), chunks: Self.chunks(Array(data), size: 100))
        var handed = 0
        do {
            while try stream.next() != nil { handed += 1 }
            Issue.record("the bad line was not refused")
        } catch let error as StatementError {
            #expect(error == expected)
        }
        #expect(handed == 499, "the 500th good line still waits for a possible :86: when the bad line comes")
    }

    @Test("bank CSV samples stream into the statement read whole",
          arguments: ["bidv", "agribank", "vietcombank", "vietinbank", "mb", "techcombank"])
    func csvSamples(name: String) throws {
        let url = TabularGoldenTests.samples.appendingPathComponent("\(name).csv")
        let bytes = Array(try Data(contentsOf: url))
        let format = try #require(try TabularGoldenTests.formats().first { $0.name == name })
        let source = SourceFile(name: "\(name).csv", sha256: String(repeating: "0", count: 64))
        let whole = try TabularStatementReader(format: format).read(try TabularGoldenTests.table(url), source: source)
        for size in Self.chunkSizes {
            var csv = CSVRowStream(fileName: "\(name).csv", chunks: Self.chunks(bytes, size: size))
            let next = { () throws -> InputTable.Row? in try csv.next().map { InputTable.Row(number: $0.number, cells: $0.cells) } }
            var head: [InputTable.Row] = []
            while head.count < 40, let row = try next() { head.append(row) }
            var stream = try TabularStatementReader(format: format).stream(fileName: "\(name).csv", source: source, head: head, rest: next)
            #expect(try stream.collect() == whole, "chunks of \(size) bytes")
        }
    }

    @Test("CSV rows streamed equal the rows of the whole file, however the chunks fall")
    func csvRows() throws {
        let text = "\u{FEFF}a;b;c\r\n1;\"two\r\nlines\";3\r\n\r\n;;\n\"x \"\" y\";Nguyễn Văn Ánh;  z  \r\n last;\"q\"  ;\n\"end\""
        let bytes = Array(text.utf8)
        let whole = try TabularReader.read(data: Data(bytes), fileName: "t.csv").rows
        for size in Self.chunkSizes {
            var csv = CSVRowStream(fileName: "t.csv", chunks: Self.chunks(bytes, size: size))
            var rows: [TableRow] = []
            while let row = try csv.next() { rows.append(row) }
            #expect(rows == whole, "chunks of \(size) bytes")
        }
        var check = UTF8Check()
        for size in [1, 2, 3] {
            check = UTF8Check()
            var pass = Self.chunks(bytes, size: size)
            while let chunk = try pass() { check.add(chunk) }
            let valid = check.finish()
            #expect(valid, "valid UTF-8 in chunks of \(size)")
            pass = Self.chunks(bytes + [0xC3], size: size)
            check = UTF8Check()
            while let chunk = try pass() { check.add(chunk) }
            let cut = check.finish()
            #expect(!cut, "a cut sequence at the very end is not UTF-8")
        }
    }
    @Test("UTF8Check in chunks of every size agrees with checking the whole bytes, valid or not")
    func utf8CheckEveryChunkSize() throws {
        let pieces: [[UInt8]] = [Array("ab;\r\n".utf8), Array("Nguyễn".utf8), Array("🙂".utf8), Array("đ".utf8),
                                 [0x80], [0xC3], [0xE1, 0xBA], [0xF0, 0x9F, 0x99], [0xFF], [0xED, 0xA0, 0x80]]
        var picks = SeededPicks(seed: 99)
        for round in 0..<300 {
            // Mostly valid text, with an invalid piece in about every third round.
            let bytes = (0..<(1 + picks.next(12))).flatMap { _ -> [UInt8] in
                round % 3 == 0 ? pieces[picks.next(pieces.count)] : pieces[picks.next(4)]
            } + Array(repeating: UInt8(ascii: "x"), count: picks.next(20))
            let whole = String(validating: bytes, as: UTF8.self) != nil
            for size in 1...bytes.count {
                var check = UTF8Check()
                let pass = Self.chunks(bytes, size: size)
                while let chunk = try pass() { check.add(chunk) }
                if check.finish() != whole {
                    Issue.record("\(bytes) in chunks of \(size): expected \(whole)")
                    return
                }
            }
        }
    }
}

