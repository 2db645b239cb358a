import XMLScan

/// Reads `xl/sharedStrings.xml`, the table most text cells point into.
///
/// A string is either one `<t>` or rich text: several `<r><t>` runs (e.g. a
/// name with the family name in bold) that read as one string. Phonetic
/// guides (`<rPh>`, used for Japanese) are not part of the text and skipped.
/// Strings are kept as written; the sheet cleans each once, not per cell.
struct SharedStringsHandler: PartSink {
    private(set) var strings: [String] = []
    var failure: ReadFailure? { nil }

    /// The open elements that matter; the tokenizer reports ends without names.
    private enum Tag { case item, text, phonetic, other }
    private var open: [Tag] = []
    private var current: [UInt8] = []
    private var isInItem = false
    private var isInText = false
    private var phoneticDepth = 0

    mutating func startElement(_ name: String, attributes: XMLAttributes) -> Bool {
        var tag = Tag.other
        switch name {
        case "sst":
            if let count = XMLParts.attribute("uniqueCount", in: attributes).flatMap(Int.init), count > 0 {
                strings.reserveCapacity(min(count, 1_000_000))
            }
        case "si":
            tag = .item
            isInItem = true
            current.removeAll(keepingCapacity: true)
        case "t":
            tag = .text
            isInText = isInItem && phoneticDepth == 0
        case "rPh":
            tag = .phonetic
            phoneticDepth += 1
        default:
            break
        }
        open.append(tag)
        return true
    }

    mutating func endElement() -> Bool {
        switch open.removeLast() {
        case .item:
            strings.append(OOXMLText.unescape(utf8: current))
            isInItem = false
        case .text:
            isInText = false
        case .phonetic:
            phoneticDepth -= 1
        case .other:
            break
        }
        return true
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if isInText { current.append(contentsOf: bytes) }
    }
}
