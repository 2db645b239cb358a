import Foundation
import XMLScan

/// A reader of one workbook part, fed by `XMLTokenizer`. It returns false from an event to stop reading,
/// either because it has all it needs or because the content is wrong; in the second case it says why here.
protocol PartSink: XMLTokenSink {
    var failure: ReadFailure? { get }
}

/// Element names reach sinks without their namespace prefix (the .NET Open XML SDK writes `<x:row>`);
/// attributes keep theirs (`r:id`).
typealias XMLAttributes = [(name: String, value: String)]

enum XMLParts {
    /// Runs `sink` over `data` and returns it with what it gathered; `part` names the workbook part in messages.
    ///
    /// The tokenizer replaced Foundation's `XMLParser` here because the bridge cost a `String` and a dictionary
    /// per element and callback: a 100,000-row sheet read at about 28,000 rows/s. It refuses a DOCTYPE, so
    /// external entities (a classic way to make a parser read local files) never come into play.
    static func parse<Sink: PartSink>(_ data: Data, part: String, into sink: Sink) throws(ReadFailure) -> Sink {
        let utf8 = try self.utf8(data, part: part)
        let (result, fault) = utf8.withUnsafeBytes { raw -> (Sink, XMLSyntaxError?) in
            var tokenizer = XMLTokenizer(bytes: raw.bindMemory(to: UInt8.self), sink: sink)
            do throws(XMLSyntaxError) {
                _ = try tokenizer.run()
                return (tokenizer.sink, nil)
            } catch {
                return (tokenizer.sink, error)
            }
        }
        if let failure = result.failure { throw failure }
        if let fault {
            throw damaged(part, line: line(of: fault.offset, in: utf8), reason: fault.reason)
        }
        return result
    }

    /// The value of the attribute written `name` (prefix included), if present.
    static func attribute(_ name: String, in attributes: XMLAttributes) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The relationship id attribute (`r:id`), whatever prefix the file binds
    /// to the relationships namespace.
    static func relationshipID(in attributes: XMLAttributes) -> String? {
        attributes.first { $0.name.hasSuffix(":id") }?.value
    }

    /// The part as valid UTF-8, the tokenizer's input. Excel writes UTF-8; UTF-16 (by its byte-order mark),
    /// which XML also allows, is converted.
    private static func utf8(_ data: Data, part: String) throws(ReadFailure) -> Data {
        var converted = data
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw damaged(part, line: 1, reason: "the text is not UTF-16, as its byte-order mark says")
            }
            converted = Data(text.utf8)
        }
        if let bad = UTF8Validation.firstInvalid(converted) {
            throw damaged(part, line: line(of: bad, in: converted), reason: "the text is not UTF-8")
        }
        return converted
    }

    private static func damaged(_ part: String, line: Int, reason: String) -> ReadFailure {
        ReadFailure("the workbook is damaged: its part \(part) is not valid XML near line \(line) (\(reason))")
    }

    /// The 1-based line of byte `offset`. Only for errors, so a plain count.
    private static func line(of offset: Int, in data: Data) -> Int {
        data.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }
}
