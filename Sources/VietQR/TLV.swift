/// One EMVCo data object: a two-digit ID, a two-digit length, and that many characters of value.
///
/// Why lengths are counted, never trusted: the NAPAS spec's own §6.1.1 example declares length 12
/// for a 13-digit account, and its CRC is computed over that malformed string — so a checksum
/// match proves nothing about structure. Parsing here checks every declared length against what
/// actually follows and names the exact nested field (`38/01/01`) when they disagree.
public struct TLVField: Sendable, Hashable, Codable {
    /// Two ASCII digits, `00`…`99`.
    public let id: String
    /// 1…99 characters. Nested templates (`38`, `62`) hold further serialized fields here.
    public let value: String

    /// A field ready to serialize; refuses what no valid payload can carry.
    public init(id: String, value: String) throws(VietQRError) {
        guard id.utf8.count == 2, id.utf8.allSatisfy(\.isASCIIDigit) else { throw .invalidFieldID(id) }
        let length = value.unicodeScalars.count
        guard length > 0 else { throw .emptyValue(field: id) }
        guard length <= 99 else { throw .valueTooLong(field: id, length: length) }
        self.id = id
        self.value = value
    }

    /// For values the parser has already measured.
    init(unchecked id: String, value: String) {
        self.id = id
        self.value = value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .id)
        let value = try container.decode(String.self, forKey: .value)
        do {
            try self.init(id: id, value: value)
        } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// `ID` + zero-padded two-digit length + value, e.g. `5802VN`.
    public var serialized: String {
        let length = value.unicodeScalars.count
        return id + (length < 10 ? "0" : "") + String(length) + value
    }

    /// The concatenation of `fields`, serialized in the order given.
    public static func serialize(_ fields: [TLVField]) -> String {
        fields.map(\.serialized).joined()
    }

    /// Splits `text` into one level of fields, checking every ID and length.
    ///
    /// Nested templates are left serialized in ``value``; parse them again to descend.
    public static func parse(_ text: String) throws(VietQRDecodeError) -> [TLVField] {
        let scalars = Array(text.unicodeScalars)
        return try TLVParser.parse(scalars[...], container: nil).map(\.field)
    }
}

/// A field found by the parser, with where its value starts so errors can point at it.
struct ParsedField {
    var field: TLVField
    /// Offset (in characters from the start of the whole payload) of the field's ID.
    var offset: Int
    /// The value's characters, indexed like the whole payload.
    var value: ArraySlice<Unicode.Scalar>

    var id: String { field.id }
}

/// The one-level TLV splitter shared by ``TLVField/parse(_:)`` and ``VietQRDecoder``.
enum TLVParser {
    /// Splits `scalars` (a slice of the whole payload, so indices are payload offsets) into fields.
    ///
    /// - Parameter container: the path of the enclosing field (`"38/01"`), `nil` at the top level;
    ///   it prefixes the field paths in errors.
    static func parse(
        _ scalars: ArraySlice<Unicode.Scalar>, container: String?
    ) throws(VietQRDecodeError) -> [ParsedField] {
        var fields: [ParsedField] = []
        var position = scalars.startIndex
        let end = scalars.endIndex
        while position < end {
            let remaining = end - position
            guard remaining >= 4 else {
                // A few characters too many after the last field almost always mean its declared
                // length is too short (the NAPAS §6.1.1 trap), so blame that field.
                if let last = fields.last {
                    let declared = last.value.count
                    throw .lengthMismatch(
                        field: path(container, last.id), declared: declared, following: declared + remaining)
                }
                throw .truncatedHeader(container: container, offset: position, remainder: string(scalars[position..<end]))
            }
            let idScalars = scalars[position..<position + 2]
            let lengthScalars = scalars[position + 2..<position + 4]
            guard idScalars.allSatisfy(\.isASCIIDigit) else {
                throw .nonNumericID(container: container, offset: position, found: string(idScalars))
            }
            let id = string(idScalars)
            let fieldPath = path(container, id)
            guard lengthScalars.allSatisfy(\.isASCIIDigit) else {
                throw .nonNumericLength(field: fieldPath, offset: position + 2, found: string(lengthScalars))
            }
            let declared = lengthScalars.reduce(0) { $0 * 10 + Int($1.value - 0x30) }
            guard declared > 0 else { throw .zeroLength(field: fieldPath) }
            let valueStart = position + 4
            let available = end - valueStart
            guard declared <= available else {
                throw .lengthMismatch(field: fieldPath, declared: declared, following: available)
            }
            guard !fields.contains(where: { $0.id == id }) else { throw .duplicateField(fieldPath) }
            let value = scalars[valueStart..<valueStart + declared]
            fields.append(ParsedField(field: TLVField(unchecked: id, value: string(value)), offset: position, value: value))
            position = valueStart + declared
        }
        return fields
    }

    static func path(_ container: String?, _ id: String) -> String {
        container.map { "\($0)/\(id)" } ?? id
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

extension UInt8 {
    /// `0`…`9` in ASCII.
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
    /// `0`…`9`, `A`…`Z`, `a`…`z` in ASCII.
    var isASCIIAlphanumeric: Bool {
        isASCIIDigit || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
    }
}

extension Unicode.Scalar {
    /// `0`…`9` in ASCII (not other scripts' digits, which `Character.isNumber` would accept).
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
}
