/// Reads `xl/sharedStrings.xml`, the table most text cells point into.
///
/// A string is either one `<t>` or rich text: several `<r><t>` runs (e.g. a
/// name with the family name in bold) that read as one string. Phonetic
/// guides (`<rPh>`, used for Japanese) are not part of the text and skipped.
final class SharedStringsHandler: SAXHandler {
    private(set) var strings: [String] = []

    private var current = ""
    private var isInItem = false
    private var isInText = false
    private var phoneticDepth = 0

    func start(_ element: Substring, attributes: [String: String]) -> SAXStep {
        switch element {
        case "sst":
            if let count = attributes["uniqueCount"].flatMap(Int.init), count > 0 {
                strings.reserveCapacity(min(count, 1_000_000))
            }
        case "si":
            isInItem = true
            current = ""
        case "t":
            isInText = isInItem && phoneticDepth == 0
        case "rPh":
            phoneticDepth += 1
        default:
            break
        }
        return .proceed
    }

    func end(_ element: Substring) -> SAXStep {
        switch element {
        case "si":
            strings.append(OOXMLText.unescape(current))
            isInItem = false
        case "t":
            isInText = false
        case "rPh":
            phoneticDepth -= 1
        default:
            break
        }
        return .proceed
    }

    func characters(_ text: String) {
        if isInText { current += text }
    }
}
