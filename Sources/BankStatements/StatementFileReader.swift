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

    /// Whether `open` reads a file starting with `head` as MT940 (named so, or detected): such a file is
    /// never cut into table rows.
    public static func readsAsMT940(head: Data, format: String?) -> Bool {
        let name = format?.lowercased()
        return name == "mt940" || (name == nil && MT940Reader.looksLike(head))
    }

    /// Opens a statement file to be read line by line (`Ledger.importStatement(streaming:)`), so memory stays
    /// bounded whatever its size: MT940 is parsed from the bytes as they come, a bank's CSV export from its
    /// rows as the adapter cuts them. Other files (XLSX, HTML, camt, webhook JSON, CSV in a legacy encoding)
    /// are read whole as by `read` and handed over from memory. Formats are detected from the file's first bytes
    /// and first 40 rows, as `read` does; the lines, errors and statement are those `read` gives.
    public func open(_ file: StatementFileSource, format: String?, account: String) throws -> any StatementStream {
        let source = SourceFile(name: file.name, sha256: file.sha256)
        if file.head.isEmpty { throw StatementError(fileName: file.name, reason: "the file is empty") }
        let name = format?.lowercased()
        if Self.readsAsMT940(head: file.head, format: format) {
            return MT940Reader.stream(source: source, chunks: file.chunks())
        }
        let tabularNamed = name.map { named in formats.contains { $0.name == named } } ?? true
        guard tabularNamed, name != nil || (!CamtReader.looksLike(file.head) && !WebhookReader.looksLike(file.head)),
              let rows = file.rows?() else {
            return StatementLines(try read(try file.whole(), fileName: file.name, format: format, account: account))
        }
        var head: [InputTable.Row] = []
        while head.count < 40, let row = try rows() { head.append(row) }
        let table = InputTable(fileName: file.name, rows: head)
        let reader: TabularStatementReader
        if let name {
            reader = TabularStatementReader(format: formats.first { $0.name == name }!)
        } else {
            guard let detected = formats.first(where: { TabularStatementReader(format: $0).matches(table) }) else {
                throw StatementError(fileName: file.name,
                                     reason: "not a statement format HocPhi knows; name one with --format (see `hocphi statements formats`)")
            }
            reader = TabularStatementReader(format: detected)
        }
        return try reader.stream(fileName: file.name, source: source, head: head, rest: rows)
    }
}

/// A statement file as an adapter offers it for streaming: its name, the SHA-256 of all its bytes, its first
/// bytes (for detection), and ways to read it — in chunks from the start, as table rows when the adapter can
/// cut this file into rows as it goes (nil when it cannot, e.g. a workbook), or whole.
public struct StatementFileSource {
    public let name: String
    public let sha256: String
    /// The first bytes of the file (8 KiB or more), empty for an empty file.
    public let head: Data
    /// A new pass over the bytes: each call of the returned function gives the next chunk, nil at the end.
    public let chunks: () -> () throws -> [UInt8]?
    /// A new pass over the rows (number and cells, as `readTable` gives them), or nil.
    public let rows: (() -> () throws -> InputTable.Row?)?
    public let whole: () throws -> Data

    public init(name: String, sha256: String, head: Data, chunks: @escaping () -> () throws -> [UInt8]?,
                rows: (() -> () throws -> InputTable.Row?)?, whole: @escaping () throws -> Data) {
        self.name = name
        self.sha256 = sha256
        self.head = head
        self.chunks = chunks
        self.rows = rows
        self.whole = whole
    }
}
