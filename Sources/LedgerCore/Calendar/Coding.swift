/// Values are written in JSON the way the contract writes them in CSV: money as a plain integer of đồng,
/// dates as `YYYY-MM-DD`, months as `YYYY-MM`, instants as ISO 8601 — so golden files and `--json` output
/// read like the rest of the program's output.
extension Money {
    public init(from decoder: any Decoder) throws {
        self.init(dong: try decoder.singleValueContainer().decode(Int64.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(dong)
    }
}

/// A value whose JSON form is its canonical text (`description`), read back by `init?(canonical:)`.
public protocol CanonicalTextCodable: Codable, CustomStringConvertible {
    init?(canonical text: String)
    static var canonicalForm: String { get }
}

extension CanonicalTextCodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(canonical: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not \(Self.canonicalForm)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension LocalDate: CanonicalTextCodable {
    public init?(canonical text: String) { self.init(text) }
    public static var canonicalForm: String { "a date YYYY-MM-DD" }
}

extension YearMonth: CanonicalTextCodable {
    public init?(canonical text: String) { self.init(text) }
    public static var canonicalForm: String { "a month YYYY-MM" }
}

extension Timestamp: CanonicalTextCodable {
    public init?(canonical text: String) { self.init(iso: text) }
    public static var canonicalForm: String { "an ISO 8601 UTC instant" }
}
