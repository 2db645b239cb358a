import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a SAX handler wants after an event.
enum SAXStep {
    /// Keep reading.
    case proceed
    /// Everything needed has been read; stop without error (saves parsing
    /// the rest of a large part).
    case stop
    /// The content is wrong; stop and report this.
    case fail(ReadFailure)
}

/// A plain-Swift SAX handler. Element names arrive without their namespace
/// prefix: some generators (the .NET Open XML SDK) write `<x:row>`.
protocol SAXHandler: AnyObject {
    func start(_ element: Substring, attributes: [String: String]) -> SAXStep
    func end(_ element: Substring) -> SAXStep
    func characters(_ text: String)
}

extension SAXHandler {
    func end(_ element: Substring) -> SAXStep { .proceed }
    func characters(_ text: String) {}
}

enum XMLParts {
    /// Runs `handler` over `data`; `part` names the workbook part in messages.
    static func parse(_ data: Data, part: String, with handler: any SAXHandler) throws(ReadFailure) {
        let parser = XMLParser(data: data)
        // Workbooks never need external entities, and resolving them is a
        // classic way to make a parser read local files.
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let delegate = SAXDelegate(handler)
        parser.delegate = delegate
        let succeeded = parser.parse()
        if let failure = delegate.failure { throw failure }
        // libxml2 may recover from an error and go on, so a parse that the
        // handler stopped early can still have met broken XML before.
        if delegate.xmlError != nil || (!succeeded && !delegate.stoppedEarly) {
            let reason = (delegate.xmlError ?? parser.parserError).map { " (\($0.localizedDescription))" } ?? ""
            throw ReadFailure("the workbook is damaged: its part \(part) is not valid XML "
                + "near line \(delegate.errorLine ?? parser.lineNumber)\(reason)")
        }
    }

    /// "x:row" → "row".
    static func localName(_ qualifiedName: String) -> Substring {
        guard let colon = qualifiedName.lastIndex(of: ":") else { return qualifiedName[...] }
        return qualifiedName[qualifiedName.index(after: colon)...]
    }

    /// The relationship id attribute (`r:id`), whatever prefix the file binds
    /// to the relationships namespace.
    static func relationshipID(in attributes: [String: String]) -> String? {
        attributes.first { $0.key.hasSuffix(":id") }?.value
    }
}

/// Bridges `XMLParser` to a `SAXHandler`.
///
/// Delegate callbacks cannot throw, so this records the first failure and
/// aborts. Keeping the one `NSObject` delegate here (instead of each handler
/// being one) also avoids a Linux pitfall: delegate methods a subclass adds
/// are not called through its superclass's protocol conformance.
private final class SAXDelegate: NSObject, XMLParserDelegate {
    let handler: any SAXHandler
    private(set) var failure: ReadFailure?
    private(set) var stoppedEarly = false
    private(set) var xmlError: (any Error)?
    private(set) var errorLine: Int?

    init(_ handler: any SAXHandler) {
        self.handler = handler
    }

    private var isDone: Bool { failure != nil || stoppedEarly || xmlError != nil }

    private func apply(_ step: SAXStep, _ parser: XMLParser) {
        switch step {
        case .proceed: return
        case .stop: stoppedEarly = true
        case .fail(let failure): self.failure = failure
        }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard !isDone else { return }
        apply(handler.start(XMLParts.localName(elementName), attributes: attributes), parser)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?) {
        guard !isDone else { return }
        apply(handler.end(XMLParts.localName(elementName)), parser)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !isDone else { return }
        handler.characters(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !isDone else { return }
        handler.characters(String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        // Errors after our own abort are the abort itself, not broken XML.
        guard !isDone else { return }
        xmlError = parseError
        errorLine = parser.lineNumber
        parser.abortParsing()
    }
}
