import Foundation
import TabularInput
import Testing

/// The hand-written byte-level CSV parser: line ends, record numbering,
/// white space at the exact sets the library used, cleaning that matches
/// `precomposedStringWithCanonicalMapping` + `trimmingCharacters` scalar for
/// scalar, and a large file against an independent splitter.
@Suite("CSV parser")
struct CSVParserTests {
    /// What every cell must equal: the definition `CellText.clean` applies.
    static func reference(_ raw: String) -> String {
        raw.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The first row whose cells differ in their scalars (`==` on strings
    /// ignores normalisation), described briefly; `nil` when all agree.
    static func firstDifference(_ actual: [[String]], _ expected: [[String]]) -> String? {
        for (index, (got, want)) in zip(actual, expected).enumerated() where got.map(scalars) != want.map(scalars) {
            return "row index \(index): got \(got.map(scalars)), expected \(want.map(scalars))"
        }
        return actual.count == expected.count ? nil : "\(actual.count) rows, expected \(expected.count)"
    }

    @Test func carriageReturnOnlyLineEndsWithQuotedLineBreaks() throws {
        let table = try readCSV("name;note\r\"An\";\"one\rtwo\"\r\rB\u{00EC}nh;\"x\r\ny\"\r")
        #expect(cells(table) == [["name", "note"], ["An", "one\rtwo"], ["Bình", "x\r\ny"]])
        #expect(numbers(table) == [1, 2, 4])
    }

    @Test func mixedLineEndsEachEndOneRecord() throws {
        let table = try readCSV("a,b\n1,2\r\n3,4\r5,6\n\r\n7,8")
        #expect(cells(table) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"], ["7", "8"]])
        #expect(numbers(table) == [1, 2, 3, 4, 6])
    }

    @Test func quotedCellSpanningLinesKeepsTheRowNumberOfItsStart() throws {
        let text = "name,note\nAn,\"first\nsecond\r\nthird\"\nBình,ok\n\nChi,\"x\"\n"
        let table = try readCSV(text)
        #expect(cells(table) == [["name", "note"], ["An", "first\nsecond\r\nthird"], ["Bình", "ok"], ["Chi", "x"]])
        #expect(numbers(table) == [1, 2, 3, 5])
    }

    @Test func errorsAfterMultiLineCellsNameTheRecord() throws {
        let unclosed = try #require(throws: TabularInputError.self) {
            try readCSV("a,b\n\"x\ny\",1\n\n\"never,closed\nmore\n")
        }
        #expect(unclosed.row == 4)
        #expect(unclosed.message.contains("never closed"))

        let textAfter = try #require(throws: TabularInputError.self) {
            try readCSV("a,b\n\"x\ny\",1\n\"ok\" ,\"bad\" x\n")
        }
        #expect(textAfter.row == 3)
        #expect(textAfter.message.contains("closing quote"))
    }

    @Test func quotedCellsUnescapeAndKeepDelimiters() throws {
        let table = try readCSV("a;b;c\n\"\"\"\";\"x;y\"\"z\"\"\";\"\"\n")
        #expect(cells(table) == [["a", "b", "c"], ["\"", "x;y\"z\"", ""]])
    }

    @Test func spacesBetweenTheQuotesOfAnEscapedQuoteAreAllowed() throws {
        // The library read `"a" "b"` as `a"b`; files that relied on it still read the same.
        let table = try readCSV("h,i\n\"a\" \"b\",c\n")
        #expect(cells(table) == [["h", "i"], ["a\"b", "c"]])
    }

    @Test func delimiterAtTheEndOfTheFileAddsAnEmptyCell() throws {
        #expect(cells(try readCSV("a,b\n1,")) == [["a", "b"], ["1", ""]])
        #expect(cells(try readCSV("a,b\n1,  ")) == [["a", "b"], ["1", ""]])
        #expect(cells(try readCSV("a,b\n\"1\"  ")) == [["a", "b"], ["1"]])
    }

    @Test func tabDelimitedCellsAreNotSplitByTheirSpaces() throws {
        // With tabs as the delimiter, a tab is never skipped as white space.
        let table = try readCSV("a\tb\tc\n\t \"x\ty\" \t\n")
        #expect(cells(table) == [["a", "b", "c"], ["", "x\ty", ""]])
    }

    @Test func firstLineOfWideSpacesIsBlankForDelimiterDetection() throws {
        // NBSP, ideographic space and a tab: blank, so the `;` of the header decide.
        let table = try readCSV("\u{00A0}\u{3000}\t\n\nh;i;j\n1;2,5;3\n")
        #expect(cells(table) == [["h", "i", "j"], ["1", "2,5", "3"]])
        #expect(numbers(table) == [3, 4])
    }

    @Test func nonASCIIWhitespaceAroundQuotedCellsIsSkipped() throws {
        let table = try readCSV("a,b\n\u{00A0}\u{3000}\"x, y\"\u{2003}\u{200B},\u{202F}\"z\"\n")
        #expect(cells(table) == [["a", "b"], ["x, y", "z"]])
    }

    /// Before a quote, exactly the scalars of `CharacterSet.whitespaces` are
    /// skipped (the cell is then quoted); any other scalar makes the cell
    /// unquoted, its quote plain text.
    @Test func exactlyFoundationWhitespacesStartAQuotedCell() throws {
        var text = "h,i,j\n"
        var expected: [[String]] = [["h", "i", "j"]]
        for value in 1...0xFFFF {
            guard let scalar = Unicode.Scalar(value), !"\",\r\n".unicodeScalars.contains(scalar) else { continue }
            let s = String(scalar)
            text += "x,\(s)\"a,b\"\n"
            if CharacterSet.whitespaces.contains(scalar) {
                expected.append(["x", "a,b"])
            } else {
                expected.append(["x", Self.reference("\(s)\"a"), "b\""])
            }
        }
        let table = try readCSV(text)
        #expect(Self.firstDifference(cells(table), expected) == nil)
    }

    /// After a closing quote, the same scalars are skipped; the first that
    /// is not refuses the file.
    @Test func exactlyFoundationWhitespacesMayFollowAClosingQuote() throws {
        var text = "h,i\n"
        for value in 1...0xFFFF {
            guard let scalar = Unicode.Scalar(value), CharacterSet.whitespaces.contains(scalar) else { continue }
            text += "\"a\"\(String(scalar)),b\n"
        }
        let table = try readCSV(text)
        #expect(table.rows.count > 10)
        #expect(table.rows.dropFirst().allSatisfy { $0.cells == ["a", "b"] })

        for notSpace in ["\u{0085}", "\u{2028}", "\u{2029}", "\u{200C}", "\u{FEFF}", "\u{00A1}", "\u{0B}", "x"] {
            let error = try #require(throws: TabularInputError.self) { try readCSV("h,i\n\"a\"\(notSpace),b\n") }
            #expect(error.row == 2)
        }
    }

    /// Every scalar, at both ends of a cell and alone, quoted and unquoted,
    /// comes out exactly as NFC + trimming by Foundation would give it.
    @Test func everyScalarIsCleanedLikeFoundation() throws {
        var text = "h;i;j\n"
        var expected: [[String]] = [["h", "i", "j"]]
        var values = Array(1...0xFFFF)
        values += [0x1_0000, 0x1_D15E, 0x1_F600, 0x2_F800, 0xE_0020, 0x10_FFFD]
        for value in values {
            guard let scalar = Unicode.Scalar(value), !"\";\r\n".unicodeScalars.contains(scalar) else { continue }
            let s = String(scalar)
            text += "\(s)x\(s);\"\(s)y\(s)\";\(s)\n"
            expected.append([Self.reference("\(s)x\(s)"), Self.reference("\(s)y\(s)"), Self.reference(s)])
        }
        let table = try readCSV(text)
        #expect(Self.firstDifference(cells(table), expected) == nil)
    }

    /// Decomposed and mixed text is composed exactly as Foundation does,
    /// including marks after already precomposed Vietnamese letters.
    @Test func combiningMarksAfterAnyBaseAreComposedLikeFoundation() throws {
        let bases = ["a", "e", "o", "u", "y", "A", "E", "I", "\u{00EA}", "\u{01A1}", "\u{01B0}", "\u{0103}", "\u{00E2}",
                     "\u{00F4}", "\u{0110}", "\u{1EB9}", "\u{1EC7}", " ", "1", "\u{3131}", "\u{1100}"]
        var text = "h,i\n"
        var expected: [[String]] = [["h", "i"]]
        for base in bases {
            for mark in 0x0300...0x036F {
                let m = String(Unicode.Scalar(mark)!)
                let cell = "\(base)\(m)\u{0323}\(base)\u{0302}\(m)"
                text += "\(cell),\u{00A0}\(m)\(base)\n"
                expected.append([Self.reference(cell), Self.reference("\u{00A0}\(m)\(base)")])
            }
        }
        let table = try readCSV(text)
        #expect(Self.firstDifference(cells(table), expected) == nil)
    }

    @Test func invalidUTF8AfterAByteOrderMarkIsRefused() throws {
        let broken: [[UInt8]] = [
            [0xC0, 0x80],  // overlong
            [0xED, 0xA0, 0x80],  // a surrogate
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
            [0xE1, 0x80],  // truncated at the end
            [0x80],  // a lone continuation byte
        ]
        for bytes in broken {
            let data = Data([0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8) + bytes)
            let error = try #require(throws: TabularInputError.self) {
                try TabularReader.read(data: data, fileName: "x.csv")
            }
            #expect(error.message.contains("line 2 is not valid UTF-8"))
        }
        let fine = Data([0xEF, 0xBB, 0xBF] + Array("a,b\n\u{1F600},\u{10FFFD}\n".utf8))
        #expect(cells(try TabularReader.read(data: fine, fileName: "x.csv")) == [["a", "b"], ["\u{1F600}", "\u{10FFFD}"]])
    }

    @Test func utf16TextIsParsedWithTheSameRules() throws {
        let text = "Họ tên\tGhi chú\r\n\"Nguyễn\r\nVăn\"\t\"a\"\"b\"\r\n\r\nAn\t1\r\n"
        let data = Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
        let table = try TabularReader.read(data: data, fileName: "x.txt")
        #expect(cells(table) == [["Họ tên", "Ghi chú"], ["Nguyễn\r\nVăn", "a\"b"], ["An", "1"]])
        #expect(numbers(table) == [1, 2, 4])
    }

    /// 100,000 generated records without quoted cells, read by the parser
    /// and by a plain split on LF and `;`, must agree cell for cell and
    /// number for number.
    @Test func largeGeneratedFileMatchesASimpleSplitter() throws {
        var random = SplitMix(seed: 20_250_901)
        let words = ["Nguyễn", "Văn", "Đức", "Trần", "Thị", "Bình", "hoc", "phi", "HP8BU6E28", "1.410.100",
                     "FT25100000123", "25/9/2025", "Lê Văn Cường", "con, cháu", "32\" wide", "Nguye\u{0302}\u{0303}n",
                     "Ha\u{0300}", "₫", "😀", "a-b/c", "0123", "x\ty"]
        let pads = ["", "", "", " ", "  ", "\t", "\u{00A0}", " \u{3000}"]
        var text = "Ngày;Số tham chiếu;Ghi nợ;Ghi có;Mô tả\n"
        for _ in 1..<100_000 {
            switch random.next() % 20 {
            case 0: text += "\n"
            case 1: text += ";;;;\n"
            case 2: text += " ; \t;\r\n"
            default:
                let count = 1 + Int(random.next() % 7)
                var cells: [String] = []
                for _ in 0..<count {
                    var cell = ""
                    if random.next() % 5 != 0 {
                        let length = 1 + Int(random.next() % 4)
                        cell = (0..<length).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
                    }
                    cell = pads[Int(random.next() % UInt64(pads.count))] + cell + pads[Int(random.next() % UInt64(pads.count))]
                    cells.append(cell)
                }
                text += cells.joined(separator: ";") + (random.next() % 4 == 0 ? "\r\n" : "\n")
            }
        }

        // The independent reading: split on scalars (not Characters, where
        // "\r\n" and a letter plus its marks are one), clean with Foundation.
        var expectedRows: [[String]] = []
        var expectedNumbers: [Int] = []
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            let cells = line.split(separator: ";", omittingEmptySubsequences: false)
                .map { Self.reference(String(String.UnicodeScalarView($0))) }
            if cells.contains(where: { !$0.isEmpty }) {
                expectedRows.append(cells)
                expectedNumbers.append(index + 1)
            }
        }

        let table = try readCSV(text, named: "statement.csv")
        #expect(Self.firstDifference(cells(table), expectedRows) == nil)
        #expect(numbers(table) == expectedNumbers)
    }
}

/// A small deterministic generator, so the large file is the same every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
