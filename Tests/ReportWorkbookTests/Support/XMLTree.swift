import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element, small enough to query in tests: the tests read the workbook's parts
/// themselves, so they check what is in the file, not what a reader library makes of it.
final class Node {
    /// The local name ("c" for both `<c>` and `<x:c>`).
    let name: String
    let attributes: [String: String]
    fileprivate(set) var children: [Node] = []
    fileprivate(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(attribute: String) -> String? { attributes[attribute] }

    /// Children with this name.
    func children(_ name: String) -> [Node] { children.filter { $0.name == name } }

    func child(_ name: String) -> Node? { children.first { $0.name == name } }

    /// All descendants with this name, in document order.
    func descendants(_ name: String) -> [Node] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
    }

    /// The text of this element and everything under it.
    var allText: String { text + children.map(\.allText).joined() }

    static func parse(_ data: Data) throws -> Node {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let builder = TreeBuilder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw XMLTreeError(message: parser.parserError.map { "\($0)" } ?? "no root element")
        }
        return root
    }
}

struct XMLTreeError: Error, CustomStringConvertible {
    let message: String
    var description: String { "invalid XML: \(message)" }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: Node?
    private var stack: [Node] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        let node = Node(name: local, attributes: attributes)
        if let parent = stack.last { parent.children.append(node) } else { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}
