import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import TabularInput
import XMLScan

/// The reading the XLSX parts had before `XMLTokenizer`: Foundation's `XMLParser` (libxml2), kept here only as
/// the reference the tokenizer must agree with. It feeds the same sinks, so any difference in the rows is a
/// difference in reading XML.
enum XMLParserReference {
    /// The rows of `sheetXML` (with its shared strings) through `XMLParser`, or nil when it refused the XML.
    static func rows(sheetXML: Data, sharedStringsXML: Data) -> Result<[TableRow], ReadFailure>? {
        guard let strings = parse(sharedStringsXML, into: SharedStringsHandler()) else { return nil }
        guard let sheet = parse(sheetXML, into: SheetHandler(sharedStrings: strings.strings)) else { return nil }
        if let failure = sheet.failure { return .failure(failure) }
        return .success(sheet.rows)
    }

    private static func parse<Sink: XMLTokenSink>(_ data: Data, into sink: Sink) -> Sink? {
        let delegate = Delegate(sink: sink)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() || delegate.stopped else { return nil }
        return delegate.sink
    }

    /// `XMLParser`'s callbacks turned into `XMLTokenSink` calls.
    final class Delegate<Sink: XMLTokenSink>: NSObject, XMLParserDelegate {
        var sink: Sink
        var stopped = false
        init(sink: Sink) { self.sink = sink }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            guard !stopped else { return }
            let local = String(elementName.split(separator: ":").last ?? "")
            let attributes = attributeDict.map { (name: $0.key, value: $0.value) }
            if !sink.startElement(local, attributes: attributes) { stop(parser) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stopped else { return }
            var text = string
            text.withUTF8 { sink.characters($0) }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard !stopped else { return }
            CDATABlock.withUnsafeBytes { sink.characters($0.bindMemory(to: UInt8.self)) }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            guard !stopped else { return }
            if !sink.endElement() { stop(parser) }
        }

        private func stop(_ parser: XMLParser) {
            stopped = true
            parser.abortParsing()
        }
    }
}
