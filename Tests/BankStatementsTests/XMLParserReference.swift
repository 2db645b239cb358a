@testable import BankStatements
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LedgerCore
import XMLScan

/// The reading `CamtReader` did before `XMLTokenizer`: Foundation's `XMLParser` (libxml2), kept here only as
/// the reference the tokenizer must agree with. It feeds the same `CamtHandler`, so any difference in the
/// statements is a difference in reading XML.
enum XMLParserReference {
    /// The statement through `XMLParser`, or nil with its error when either refused the document.
    static func statement(_ data: Data, fileName: String = "gen.xml") -> Result<Statement, StatementError> {
        let delegate = Delegate(sink: CamtHandler(fileName: fileName))
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = delegate
        let parsed = parser.parse()
        let handler = delegate.sink
        if let failure = handler.error(line: parser.lineNumber) { return .failure(failure) }
        if !parsed || delegate.depth != 0 {
            return .failure(StatementError(fileName: fileName, reason: "XMLParser refused the document"))
        }
        do {
            return .success(try handler.statement(source: SourceFile(name: fileName, sha256: StatementDigest.sha256Hex(data))))
        } catch {
            return .failure(error)
        }
    }

    /// The events `XMLParser` reports, in the words of `EventRecorder`: starts with local names and sorted
    /// attributes (namespace declarations left out), text pieces joined, ends.
    static func events(_ data: Data) -> [String]? {
        let recorder = EventRecorder()
        let delegate = Delegate(sink: recorder)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse(), delegate.depth == 0 else { return nil }
        return recorder.events
    }

    /// `XMLParser`'s callbacks turned into `XMLTokenSink` calls.
    final class Delegate<Sink: XMLTokenSink>: NSObject, XMLParserDelegate {
        var sink: Sink
        var depth = 0
        init(sink: Sink) { self.sink = sink }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            depth += 1
            let local = String(elementName.split(separator: ":").last ?? "")
            let attributes = attributeDict.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
            if !sink.startElement(local, attributes: attributes) { parser.abortParsing() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            var text = string
            text.withUTF8 { sink.characters($0) }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            CDATABlock.withUnsafeBytes { sink.characters($0.bindMemory(to: UInt8.self)) }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            depth -= 1
            if !sink.endElement() { parser.abortParsing() }
        }
    }
}

/// Records what a reader reports, comparable between readers: `<Name a=1 b=2>`, `"text"` (pieces joined),
/// `</Name>`. Namespace declarations are left out, since readers differ on reporting them as attributes.
final class EventRecorder: XMLTokenSink {
    private(set) var events: [String] = []
    private var text: [UInt8] = []
    private var open: [String] = []

    func startElement(_ name: String, attributes: [(name: String, value: String)]) -> Bool {
        flush()
        let shown = attributes.filter { $0.name != "xmlns" && !$0.name.hasPrefix("xmlns:") }
            .sorted { $0.name < $1.name }.map { " \($0.name)=\($0.value.debugDescription)" }.joined()
        events.append("<\(name)\(shown)>")
        open.append(name)
        return true
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        text.append(contentsOf: bytes)
    }

    func endElement() -> Bool {
        flush()
        events.append("</\(open.removeLast())>")
        return true
    }

    private func flush() {
        if !text.isEmpty { events.append(String(decoding: text, as: UTF8.self).debugDescription) }
        text.removeAll()
    }
}
