import Foundation

/// Turns a statement file's bytes into a `Statement`: finds its format by content (or takes the one named),
/// then hands the bytes to that format's reader. The command line and the web application both read files
/// through this one place.
///
/// Standard formats are recognised by their own syntax (MT940 tags, camt XML, webhook JSON); bank exports
/// (XLSX, CSV, HTML tables saved as .xls) by their titles and header columns, as the files in
/// `bank-formats/formats/` describe them. Spreadsheet bytes become rows through `readTable`, passed in by the
/// caller, because reading XLSX and CSV is an adapter's job.
public struct StatementFileReader: Sendable {
    public let formats: [StatementFormat]
    public let readTable: @Sendable (Data, String) throws -> InputTable

    public init(formats: [StatementFormat], readTable: @escaping @Sendable (Data, String) throws -> InputTable) {
        self.formats = formats
        self.readTable = readTable
    }

    /// The standard formats, by the names `--format` accepts.
    public static let standardFormats: [(name: String, description: String)] = [
        ("mt940", "SWIFT MT940 customer statement (:25:, :60F:, :61:, :86:, :62F:)"),
        ("camt.053", "ISO 20022 camt.053 bank-to-customer statement (also camt.054 notifications)"),
        ("webhook", "bank-feed webhook JSON (one object or an array; deduplicated on id/referenceCode)"),
    ]

    /// Every format `--format` accepts, with what it reads.
    public var catalogue: [(name: String, description: String)] {
        Self.standardFormats + formats.map { ($0.name, $0.description) }
    }

    /// - Parameters:
    ///   - format: a name from `catalogue`, or nil to detect the format from the content.
    ///   - account: the school's account, for bank feeds that do not state it.
    public func read(_ data: Data, fileName: String, format: String?, account: String) throws -> Statement {
        if data.isEmpty { throw StatementError(fileName: fileName, reason: "the file is empty") }
        switch format?.lowercased() {
        case "mt940": return try MT940Reader.read(data, fileName: fileName)
        case "camt.053", "camt.054", "camt": return try CamtReader.read(data, fileName: fileName)
        case "webhook": return try WebhookReader.read(data, fileName: fileName, account: account)
        case nil:
            if MT940Reader.looksLike(data) { return try MT940Reader.read(data, fileName: fileName) }
            if CamtReader.looksLike(data) { return try CamtReader.read(data, fileName: fileName) }
            if WebhookReader.looksLike(data) { return try WebhookReader.read(data, fileName: fileName, account: account) }
        default: break
        }
        let table = try readTable(data, fileName)
        let source = SourceFile(name: fileName, sha256: StatementDigest.sha256Hex(data))
        if let format {
            guard let named = formats.first(where: { $0.name == format.lowercased() }) else {
                throw StatementError(fileName: fileName, field: "--format",
                                     reason: "\"\(format)\" is not a known format; see `hocphi statements formats`")
            }
            return try TabularStatementReader(format: named).read(table, source: source)
        }
        guard let detected = formats.first(where: { TabularStatementReader(format: $0).matches(table) }) else {
            throw StatementError(fileName: fileName,
                                 reason: "not a statement format HocPhi knows; name one with --format (see `hocphi statements formats`)")
        }
        return try TabularStatementReader(format: detected).read(table, source: source)
    }
}
