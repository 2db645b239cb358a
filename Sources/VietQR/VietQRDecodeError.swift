/// Why ``VietQRDecoder`` rejected a payload.
///
/// Each message names the field by its full path (`38/01/01`) and states what was declared
/// versus what was found, so a malformed generator can be fixed from the message alone.
public enum VietQRDecodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The payload is the empty string.
    case empty
    /// Fewer than four characters remain where a field header (ID + length) should start.
    case truncatedHeader(container: String?, offset: Int, remainder: String)
    /// A field ID is not two ASCII digits.
    case nonNumericID(container: String?, offset: Int, found: String)
    /// A field length is not two ASCII digits.
    case nonNumericLength(field: String, offset: Int, found: String)
    /// A field declares length `00`; EMVCo omits empty fields instead.
    case zeroLength(field: String)
    /// A declared length disagrees with the characters up to the end of its container.
    case lengthMismatch(field: String, declared: Int, following: Int)
    /// The same ID appears twice in one container.
    case duplicateField(String)
    /// A character outside printable ASCII, outside field `64`.
    case nonPrintableCharacter(field: String, offset: Int, character: String)
    /// The payload does not start with field `00`.
    case formatIndicatorNotFirst(found: String)
    /// Field `63` is not the last field.
    case crcNotLast(followedBy: String)
    /// A mandatory field is absent.
    case missingField(String, name: String)
    /// Field `63` is not four hex digits.
    case malformedCRC(String)
    /// The CRC of the content differs from field `63` (both as uppercase hex).
    case crcMismatch(computed: String, declared: String)
    /// A field is well formed but its value breaks a VietQR rule.
    case invalidValue(field: String, value: String, reason: String)

    public var description: String {
        switch self {
        case .empty:
            return "payload is empty"
        case .truncatedHeader(let container, let offset, let remainder):
            let place = container.map { "inside field \($0)" } ?? "payload"
            return "\(place): \(remainder.unicodeScalars.count) leftover character(s) \"\(remainder)\" at offset \(offset), too few for a field header (2-digit ID + 2-digit length)"
        case .nonNumericID(let container, let offset, let found):
            let place = container.map { "inside field \($0)" } ?? "payload"
            return "\(place): field ID \"\(found)\" at offset \(offset) is not two digits (a previous length is probably wrong)"
        case .nonNumericLength(let field, let offset, let found):
            return "field \(field): length \"\(found)\" at offset \(offset) is not two digits"
        case .zeroLength(let field):
            return "field \(field): declared length 00; empty fields must be omitted"
        case .lengthMismatch(let field, let declared, let following):
            let count = following < declared ? "only \(following)" : "\(following)"
            return "field \(field): declared length \(declared) but \(count) character\(following == 1 ? "" : "s") follow\(following == 1 ? "s" : "")"
        case .duplicateField(let field):
            return "field \(field) appears more than once"
        case .nonPrintableCharacter(let field, let offset, let character):
            return "field \(field): character \(character) at offset \(offset) is not printable ASCII; only field 64 may carry Unicode"
        case .formatIndicatorNotFirst(let found):
            return "field 00 (payload format indicator) must come first, but the payload starts with field \(found)"
        case .crcNotLast(let next):
            return "field 63 (CRC) must be last, but field \(next) follows it"
        case .missingField(let field, let name):
            return "mandatory field \(field) (\(name)) is missing"
        case .malformedCRC(let found):
            return "field 63: CRC \"\(found)\" is not 4 hex digits"
        case .crcMismatch(let computed, let declared):
            return "bad CRC: the content's CRC is \(computed) but the payload's is \(declared)"
        case .invalidValue(let field, let value, let reason):
            return "field \(field): \"\(value)\" \(reason)"
        }
    }
}
