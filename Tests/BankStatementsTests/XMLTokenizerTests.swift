@testable import BankStatements
import Foundation
import LedgerCore
import XMLScan
import Testing

/// `XMLTokenizer` against Foundation's `XMLParser` (the reader camt used before): the same events and the same
/// statements on generated documents, and every malformed document refused with its line.
@Suite("XML tokenizer")
struct XMLTokenizerTests {
    static func tokenized(_ data: Data) -> Result<[String], XMLSyntaxError> {
        let recorder = EventRecorder()
        return data.withUnsafeBytes { raw in
            var tokenizer = XMLTokenizer(bytes: raw.bindMemory(to: UInt8.self), sink: recorder)
            do throws(XMLSyntaxError) {
                _ = try tokenizer.run()
                return .success(recorder.events)
            } catch {
                return .failure(error)
            }
        }
    }

    static func read(_ data: Data) -> Result<Statement, StatementError> {
        do { return .success(try CamtReader.read(data, fileName: "gen.xml")) } catch { return .failure(error) }
    }

    @Test("generated camt documents: the same events and the same statement as XMLParser", arguments: 0..<300)
    func generated(seed: Int) throws {
        var generator = GeneratedCamt(seed: UInt64(seed))
        let data = Data(generator.document().utf8)
        let reference = try #require(XMLParserReference.events(data), "XMLParser refused generated document \(seed)")
        #expect(try Self.tokenized(data).get() == reference)
        let ours = Self.read(data)
        #expect(ours == XMLParserReference.statement(data, fileName: "gen.xml"))
        if case .failure(let error) = ours { Issue.record("generated document \(seed) was refused: \(error)") }
    }

    @Test("XML's spellings read as XMLParser reads them",
          arguments: [
            #"<a x="1" y='2'>t</a>"#,
            "<a  y = '2'\n\tx=\"1\"  >t</a >",
            "<ns:a xmlns:ns='u'><ns:b/><c></c></ns:a>",
            "<a>&lt;&gt;&amp;&quot;&apos;</a>",
            "<a>&#233;&#xE9;&#x1EA7;&#128512;</a>",
            "<a><![CDATA[<b>&amp;</b>]]>after</a>",
            "<a>x<!-- a comment - with dash -->y<?pi data?>z</a>",
            "<?xml version='1.0' encoding='UTF-8'?>\n<!-- c -->\n<a>\r\nline\rnext\r\n</a>\n<!-- after -->\n",
            "<a b='&amp;&#x41;&lt;' c=\"tab\there\nnl\">t</a>",
            "<a>  spaced   \n  text  </a>",
            "<a>Tra\u{0302}\u{0300}n — ]] &gt; ok</a>",
            "\u{FEFF}<a/>",
          ])
    func spellings(document: String) throws {
        let data = Data(document.utf8)
        let reference = try #require(XMLParserReference.events(data))
        #expect(try Self.tokenized(data).get() == reference)
    }

    /// A camt statement whose body holds `fault`, and the line the fault is on.
    static func faulty(_ fault: String, before: String = "") -> (text: String, line: Int) {
        let text = CamtReaderTests.statement(before + "\n" + fault + "\n")
        let line = text.prefix(upTo: text.range(of: fault)!.lowerBound).filter { $0 == "\n" }.count + 1
        return (text, line)
    }

    @Test("malformed XML is refused with the line of the fault",
          arguments: [
            ("<NtryRef>2</NtryRf>", "an end tag does not match its start tag"),
            (#"<Ntry><Amt Ccy="VND">1</Amt></Stmt>"#, "an end tag does not match its start tag"),
            ("<Ustrd>a &nbsp; b</Ustrd>", "an undeclared entity"),
            ("<Ustrd>a & b</Ustrd>", "\"&\" starts no entity or character reference"),
            ("<Ustrd>&#0;</Ustrd>", "a character reference to a character XML does not allow"),
            ("<Ustrd>&#xD800;</Ustrd>", "a character reference to a character XML does not allow"),
            ("<Ustrd>&#12a;</Ustrd>", "a bad character reference"),
            ("<Ustrd>&#x;</Ustrd>", "a bad character reference"),
            ("<Amt Ccy=VND>1</Amt>", "an attribute value must be quoted"),
            (#"<Amt Ccy="VND" Ccy="VND">1</Amt>"#, "attribute Ccy is given twice"),
            (#"<Amt Ccy="VND"x="1">1</Amt>"#, "attributes must be separated by spaces"),
            (#"<Amt Ccy="V<D">1</Amt>"#, "\"<\" in an attribute value"),
            ("<Ustrd>bell \u{07}</Ustrd>", "an invalid character"),
            ("<Ustrd><![CDATA[bell \u{07}]]></Ustrd>", "an invalid character"),
            ("<!-- a -- b -->", "\"--\" inside a comment"),
            ("<Ustrd>a ]]> b</Ustrd>", "\"]]>\" in text"),
            ("<Ntry <Amt>", "a name expected"),
            ("<Ntry/ >", "\">\" expected"),
            ("<!ENTITY x 'y'>", "\"<!\" starts no comment or CDATA section"),
            ("<?xml version='1.0'?>", "the XML declaration is allowed only at the very start"),
          ])
    func malformed(fault: String, reason: String) {
        let (text, line) = Self.faulty(fault)
        let error = CamtReaderTests.failure(text)
        #expect(error?.description == "stmt.xml: line \(line): XML is malformed: \(reason)")
        if case .success = XMLParserReference.statement(Data(text.utf8)) {
            Issue.record("XMLParser accepted it: the case is not malformed")
        }
    }

    @Test("outside the root: a second root, text after it, a DOCTYPE")
    func outsideRoot() {
        let document = CamtReaderTests.statement(CamtReaderTests.entry())
        #expect(CamtReaderTests.failure(document + "<Document/>")?.reason
                == "XML is malformed: the document is cut short, or has content after its end")
        #expect(CamtReaderTests.failure(document + "\ntrailing")?.description
                == "stmt.xml: line 12: XML is malformed: the document is cut short, or has content after its end")
        #expect(CamtReaderTests.failure("<!DOCTYPE Document [<!ENTITY x 'y'>]>\n" + document)?.description
                == "stmt.xml: line 1: XML is malformed: a DOCTYPE is not accepted in a statement")
        #expect(CamtReaderTests.failure("")?.reason == "XML is malformed: the document is empty or not XML")
        #expect(CamtReaderTests.failure(document + "\n<!-- end -->\n") == nil, "comments after the root are XML")
    }

    @Test("a generated document cut at any byte is refused with a line, never read")
    func truncatedAnywhere() throws {
        var generator = GeneratedCamt(seed: 7)
        let data = Data(generator.document().utf8)
        let rootEnd = try #require(data.lastIndex(of: UInt8(ascii: ">")))
        for cut in stride(from: 0, to: rootEnd, by: 1) {
            switch Self.read(data.prefix(cut)) {
            case .success: Issue.record("a document cut at byte \(cut) of \(data.count) was read")
            case .failure(let error):
                #expect(error.place?.hasPrefix("line ") == true, "cut at \(cut): \(error)")
            }
        }
        #expect(throws: Never.self) { try CamtReader.read(data, fileName: "gen.xml") }
    }

    @Test("a byte that is not UTF-8 is refused with its line")
    func invalidUTF8() {
        var data = Data(Self.faulty("<Ustrd>caf\u{E9}</Ustrd>").text.utf8)
        let (_, line) = Self.faulty("<Ustrd>caf\u{E9}</Ustrd>")
        let at = data.firstRange(of: Data("\u{E9}".utf8))!
        data.replaceSubrange(at, with: [0xE9])  // Latin-1 é, undeclared
        let error = Self.failure(data)
        #expect(error?.description == "stmt.xml: line \(line): the text is not UTF-8")
    }

    static func failure(_ data: Data) -> StatementError? {
        StandardSamples.failure { () throws(StatementError) -> Statement in try CamtReader.read(data, fileName: "stmt.xml") }
    }

    @Test("UTF-16 and declared ISO-8859-1 read as UTF-8 does; other encodings are refused by name")
    func encodings() throws {
        let text = CamtReaderTests.statement(CamtReaderTests.entry(rest: "<AddtlNtryInf>caf\u{E9} cr\u{E8}me</AddtlNtryInf>"))
        let expected = try CamtReaderTests.read(text)
        #expect(expected.lines.first?.description == "café crème")
        let utf16 = try #require(text.data(using: .utf16))  // with its byte-order mark
        #expect(try CamtReader.read(utf16, fileName: "stmt.xml").lines == expected.lines)
        let latin1Text = text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"")
        let latin1 = try #require(latin1Text.data(using: .isoLatin1))
        #expect(try CamtReader.read(latin1, fileName: "stmt.xml").lines == expected.lines)
        let ebcdic = Data(text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"EBCDIC-US\"").utf8)
        #expect(Self.failure(ebcdic)?.description == "stmt.xml: line 1: encoding \"EBCDIC-US\" is not supported: save the file as UTF-8")
    }
}
