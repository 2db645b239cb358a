/// What `XMLTokenizer` hands over as it reads: element starts and ends, and character data. Generic, so the
/// compiler specialises the tokenizer for its one sink and the calls cost nothing; a struct sink is held inline.
public protocol XMLTokenSink {
    /// `<ns:Name a="1">`: the local name (prefix stripped) and the attributes as written (qualified names,
    /// values with entities replaced), in document order. Returns false to stop reading.
    mutating func startElement(_ name: String, attributes: [(name: String, value: String)]) -> Bool
    /// Text or CDATA, entities already replaced and line ends normalised; may come in several pieces.
    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>)
    /// The end of the innermost open element (also sent for `<Name/>`); its name is the start's, checked by the
    /// tokenizer, so not built again. Returns false to stop reading.
    mutating func endElement() -> Bool
}

/// A fault in the document's XML, at a byte offset of the bytes given to the tokenizer.
public struct XMLSyntaxError: Error, Equatable, Sendable {
    public let offset: Int
    public let reason: String

    @inlinable public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }
}

/// A small, strict, non-validating XML 1.0 reader over UTF-8 bytes, written for camt statements and shared with
/// the XLSX reader: Foundation's `XMLParser` (libxml2 behind a delegate, a `String` per callback) read about
/// 96,000 camt entries/s, and this reads each byte once, building strings only for names and the text a sink
/// keeps. Its members are `@inlinable` so that each reader's module specialises it for its own sink.
///
/// It reads elements, attributes (either quote, any order), text, the five predefined entities, character
/// references (`&#233;`, `&#xE9;`), CDATA sections, comments and processing instructions, and normalises line
/// ends (`\r\n`, `\r` → `\n`) as XML requires. A DTD is refused: camt files have none, and entities declared in
/// one are a known attack. Everything XML forbids that a camt file could meet — unclosed or mismatched tags,
/// undeclared entities, bad references, control characters, text outside the root, a second root, a cut
/// file — is an `XMLSyntaxError` at its offset, never skipped. The bytes must be valid UTF-8 (checked by the
/// caller, with `UTF8Validation`).
public struct XMLTokenizer<Sink: XMLTokenSink> {
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    /// The sink, with what it gathered once `run` returns.
    public var sink: Sink
    @usableFromInline var i = 0
    /// The qualified names of the open elements, as ranges of `bytes`, to match end tags byte for byte.
    @usableFromInline var open: [Range<Int>] = []
    @usableFromInline var attributes: [(name: String, value: String)] = []
    /// Scratch for text that needs rewriting (entities, `\r`) before it reaches the sink.
    @usableFromInline var scratch: [UInt8] = []
    @usableFromInline var sawRoot = false

    @inlinable public init(bytes: UnsafeBufferPointer<UInt8>, sink: Sink) {
        self.bytes = bytes
        self.sink = sink
    }

    /// The offset reached: where reading stopped, whether by a fault or the sink.
    @inlinable public var offset: Int { i }

    /// Reads the whole document. Returns false if the sink stopped it.
    @inlinable public mutating func run() throws(XMLSyntaxError) -> Bool {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        if bytes.count == 0 || bytes.allSatisfy(isXMLSpace) {
            throw XMLSyntaxError(offset: i, reason: "the document is empty or not XML")
        }
        while i < bytes.count {
            if bytes[i] == 0x3C {  // <
                guard try markup() else { return false }
            } else {
                try text()
            }
        }
        if !open.isEmpty || !sawRoot {
            throw XMLSyntaxError(offset: bytes.count, reason: "the document is cut short, or has content after its end")
        }
        return true
    }

    // MARK: Markup

    @inlinable mutating func markup() throws(XMLSyntaxError) -> Bool {
        let start = i
        guard i + 1 < bytes.count else { throw cutInTag(start) }
        switch bytes[i + 1] {
        case 0x2F: return try endTag()  // </
        case 0x3F: try processingInstruction()  // <?
        case 0x21:  // <!
            if matches("<!--") {
                try comment()
            } else if matches("<![CDATA[") {
                try cdata()
            } else if matches("<!DOCTYPE") {
                throw XMLSyntaxError(offset: i, reason: "a DOCTYPE is not accepted in a statement")
            } else {
                throw XMLSyntaxError(offset: i, reason: "\"<!\" starts no comment or CDATA section")
            }
        default: return try startTag()
        }
        return true
    }

    @inlinable mutating func startTag() throws(XMLSyntaxError) -> Bool {
        if sawRoot && open.isEmpty {
            throw XMLSyntaxError(offset: i, reason: "the document is cut short, or has content after its end")
        }
        let tagStart = i
        i += 1
        let name = try self.name()
        attributes.removeAll(keepingCapacity: true)
        while true {
            let hadSpace = skipSpace()
            guard i < bytes.count else { throw cutInTag(tagStart) }
            let b = bytes[i]
            if b == 0x3E || b == 0x2F { break }  // > or /
            guard hadSpace else { throw XMLSyntaxError(offset: i, reason: "attributes must be separated by spaces") }
            let attributeName = try self.name()
            _ = skipSpace()
            guard i < bytes.count else { throw cutInTag(tagStart) }
            guard bytes[i] == 0x3D else { throw XMLSyntaxError(offset: i, reason: "\"=\" expected after an attribute name") }
            i += 1
            _ = skipSpace()
            let value = try attributeValue(tagStart)
            let qualified = string(attributeName)
            if attributes.contains(where: { $0.name == qualified }) {
                throw XMLSyntaxError(offset: attributeName.lowerBound, reason: "attribute \(qualified) is given twice")
            }
            attributes.append((qualified, value))
        }
        let selfClosing = bytes[i] == 0x2F
        if selfClosing {
            guard i + 1 < bytes.count else { throw cutInTag(tagStart) }
            guard bytes[i + 1] == 0x3E else { throw XMLSyntaxError(offset: i + 1, reason: "\">\" expected") }
            i += 1
        }
        i += 1
        sawRoot = true
        let local = localName(name)
        guard sink.startElement(local, attributes: attributes) else { return false }
        if selfClosing { return sink.endElement() }
        open.append(name)
        return true
    }

    @inlinable mutating func endTag() throws(XMLSyntaxError) -> Bool {
        let tagStart = i
        i += 2
        let name = try self.name()
        _ = skipSpace()
        guard i < bytes.count else { throw cutInTag(tagStart) }
        guard bytes[i] == 0x3E else { throw XMLSyntaxError(offset: i, reason: "\">\" expected") }
        guard let expected = open.last, equal(expected, name) else {
            throw XMLSyntaxError(offset: tagStart, reason: "an end tag does not match its start tag")
        }
        i += 1
        open.removeLast()
        return sink.endElement()
    }

    @inlinable mutating func attributeValue(_ tagStart: Int) throws(XMLSyntaxError) -> String {
        guard i < bytes.count else { throw cutInTag(tagStart) }
        let quote = bytes[i]
        guard quote == 0x22 || quote == 0x27 else {
            throw XMLSyntaxError(offset: i, reason: "an attribute value must be quoted")
        }
        i += 1
        scratch.removeAll(keepingCapacity: true)
        while true {
            guard i < bytes.count else { throw cutInTag(tagStart) }
            let b = bytes[i]
            switch b {
            case quote:
                i += 1
                return String(decoding: scratch, as: UTF8.self)
            case 0x3C: throw XMLSyntaxError(offset: i, reason: "\"<\" in an attribute value")
            case 0x26: try reference()
            case 0x0D:  // \r\n or \r is one space, as are \t and \n (attribute-value normalisation)
                scratch.append(0x20)
                i += (i + 1 < bytes.count && bytes[i + 1] == 0x0A) ? 2 : 1
            case 0x09, 0x0A:
                scratch.append(0x20)
                i += 1
            default:
                guard b >= 0x20 else { throw invalidCharacter() }
                scratch.append(b)
                i += 1
            }
        }
    }

    @inlinable mutating func comment() throws(XMLSyntaxError) {
        let start = i
        i += 4
        while i + 1 < bytes.count {
            if bytes[i] == 0x2D && bytes[i + 1] == 0x2D {  // --
                guard i + 2 < bytes.count else { break }
                guard bytes[i + 2] == 0x3E else { throw XMLSyntaxError(offset: i, reason: "\"--\" inside a comment") }
                i += 3
                return
            }
            try checkCharacter()
            i += 1
        }
        throw XMLSyntaxError(offset: start, reason: "the document ends inside a comment (is the file cut short?)")
    }

    @inlinable mutating func processingInstruction() throws(XMLSyntaxError) {
        let start = i
        i += 2
        let target = try name()
        let isDeclaration = target.count == 3 && string(target).lowercased() == "xml"
        if isDeclaration && (start != 0 && !(start == 3 && bytes.starts(with: [0xEF, 0xBB, 0xBF]))) {
            throw XMLSyntaxError(offset: start, reason: "the XML declaration is allowed only at the very start")
        }
        while i + 1 < bytes.count {
            if bytes[i] == 0x3F && bytes[i + 1] == 0x3E {  // ?>
                i += 2
                return
            }
            try checkCharacter()
            i += 1
        }
        throw XMLSyntaxError(offset: start, reason: "the document ends inside a processing instruction (is the file cut short?)")
    }

    @inlinable mutating func cdata() throws(XMLSyntaxError) {
        let start = i
        guard !open.isEmpty else { throw XMLSyntaxError(offset: i, reason: "text outside the root element") }
        i += 9
        let from = i
        while i + 2 < bytes.count {
            if bytes[i] == 0x5D && bytes[i + 1] == 0x5D && bytes[i + 2] == 0x3E {  // ]]>
                try deliver(from..<i, rewrite: false)
                i += 3
                return
            }
            try checkCharacter()
            i += 1
        }
        throw XMLSyntaxError(offset: start, reason: "the document ends inside a CDATA section (is the file cut short?)")
    }

    // MARK: Text

    /// Character data up to the next `<`: handed over in place when it needs no rewriting, the usual case.
    @inlinable mutating func text() throws(XMLSyntaxError) {
        let from = i
        var rewrite = false
        while i < bytes.count {
            let b = bytes[i]
            if b > 0x3E { i += 1; continue }  // letters, most punctuation, UTF-8
            if b == 0x3C { break }
            switch b {
            case 0x26, 0x0D: rewrite = true
            case 0x3E:
                if i >= from + 2 && bytes[i - 1] == 0x5D && bytes[i - 2] == 0x5D {
                    throw XMLSyntaxError(offset: i - 2, reason: "\"]]>\" in text")
                }
            case 0x09, 0x0A: break
            default: if b < 0x20 { throw invalidCharacter() }
            }
            i += 1
        }
        if open.isEmpty {
            if let stray = bytes[from..<i].firstIndex(where: { !isXMLSpace($0) }) {
                throw XMLSyntaxError(offset: stray, reason: sawRoot ? "the document is cut short, or has content after its end"
                                        : "text outside the root element")
            }
            return
        }
        try deliver(from..<i, rewrite: rewrite)
    }

    /// Hands `range` to the sink, replacing references and line ends when `rewrite` says there are some.
    @inlinable mutating func deliver(_ range: Range<Int>, rewrite: Bool) throws(XMLSyntaxError) {
        if range.isEmpty { return }
        guard rewrite || bytes[range].contains(0x0D) else {
            sink.characters(UnsafeBufferPointer(rebasing: bytes[range]))
            return
        }
        let end = i
        scratch.removeAll(keepingCapacity: true)
        i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            if b == 0x26 && rewrite {
                try reference()
            } else if b == 0x0D {
                scratch.append(0x0A)
                i += (i + 1 < range.upperBound && bytes[i + 1] == 0x0A) ? 2 : 1
            } else {
                scratch.append(b)
                i += 1
            }
        }
        i = end
        scratch.withUnsafeBufferPointer { sink.characters($0) }
    }

    /// `&amp;`, `&#233;` or `&#xE9;` at `i`, appended to `scratch` as UTF-8.
    @inlinable mutating func reference() throws(XMLSyntaxError) {
        let start = i
        i += 1
        var end = i
        while end < bytes.count && end - start < 12 && bytes[end] != 0x3B { end += 1 }  // ;
        guard end < bytes.count, bytes[end] == 0x3B else {
            throw XMLSyntaxError(offset: start, reason: "\"&\" starts no entity or character reference")
        }
        let body = bytes[i..<end]
        i = end + 1
        if body.first == 0x23 {  // #
            let hex = body.dropFirst().first == 0x78  // x
            let digits = body.dropFirst(hex ? 2 : 1)
            var value: UInt32 = 0
            for d in digits {
                let digit: UInt32
                switch d {
                case 0x30...0x39: digit = UInt32(d - 0x30)
                case 0x61...0x66 where hex: digit = UInt32(d - 0x61 + 10)
                case 0x41...0x46 where hex: digit = UInt32(d - 0x41 + 10)
                default: throw XMLSyntaxError(offset: start, reason: "a bad character reference")
                }
                value = value * (hex ? 16 : 10) + digit
                if value > 0x10FFFF { break }
            }
            if digits.isEmpty { throw XMLSyntaxError(offset: start, reason: "a bad character reference") }
            guard Self.isXMLCharacter(value), let scalar = Unicode.Scalar(value) else {
                throw XMLSyntaxError(offset: start, reason: "a character reference to a character XML does not allow")
            }
            scratch.append(contentsOf: String(Character(scalar)).utf8)
            return
        }
        switch String(decoding: body, as: UTF8.self) {
        case "lt": scratch.append(0x3C)
        case "gt": scratch.append(0x3E)
        case "amp": scratch.append(0x26)
        case "apos": scratch.append(0x27)
        case "quot": scratch.append(0x22)
        default: throw XMLSyntaxError(offset: start, reason: "an undeclared entity")
        }
    }

    // MARK: Bytes

    /// A name at `i`: ASCII letters, digits, `_ : - .`, and any non-ASCII (already checked to be UTF-8).
    @inlinable mutating func name() throws(XMLSyntaxError) -> Range<Int> {
        let start = i
        while i < bytes.count {
            let b = bytes[i]
            let letter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
            if letter || b == 0x5F || b == 0x3A || b >= 0x80 || (i > start && ((b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E)) {
                i += 1
            } else {
                break
            }
        }
        if i == start {
            if i >= bytes.count { throw XMLSyntaxError(offset: i, reason: "the document ends inside a tag (is the file cut short?)") }
            throw XMLSyntaxError(offset: i, reason: "a name expected")
        }
        return start..<i
    }

    @inlinable func localName(_ name: Range<Int>) -> String {
        var start = name.lowerBound
        for k in name where bytes[k] == 0x3A { start = k + 1 }
        return string(start..<name.upperBound)
    }

    @inlinable func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    @inlinable func equal(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && bytes[a].elementsEqual(bytes[b])
    }

    @inlinable func matches(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { bytes[i..<(i + count)].elementsEqual($0) }
    }

    @inlinable mutating func skipSpace() -> Bool {
        let start = i
        while i < bytes.count && isXMLSpace(bytes[i]) { i += 1 }
        return i > start
    }

    @inlinable func checkCharacter() throws(XMLSyntaxError) {
        let b = bytes[i]
        if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { throw invalidCharacter() }
    }

    @inlinable func invalidCharacter() -> XMLSyntaxError {
        XMLSyntaxError(offset: i, reason: "an invalid character")
    }

    /// A tag (opened at `start`) that the bytes end inside: located at the end, where the cut is.
    @inlinable func cutInTag(_ start: Int) -> XMLSyntaxError {
        XMLSyntaxError(offset: bytes.count, reason: "the document ends inside a tag (is the file cut short?)")
    }

    /// XML 1.0's `Char`: tab, line feed, carriage return, and the rest of Unicode above the C0 controls,
    /// without surrogates, U+FFFE and U+FFFF.
    @inlinable static func isXMLCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}

/// XML's white space. A free function so that closures over it capture no generic metatype, which is not
/// `Sendable`.
@inlinable func isXMLSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
