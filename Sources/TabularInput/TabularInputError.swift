/// Why a file could not be read, phrased for the person who chose the file.
///
/// It always names the file (people import several at once) and, when the
/// problem sits in one place, the row as numbered in the spreadsheet.
public struct TabularInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Last path component of the file.
    public let fileName: String
    /// The 1-based row the problem is in, or `nil` when it concerns the whole file.
    public let row: Int?
    /// What is wrong, in plain words, without the file name or row prefix.
    public let message: String

    public init(fileName: String, row: Int? = nil, message: String) {
        self.fileName = fileName
        self.row = row
        self.message = message
    }

    /// "roster.csv: row 7: …" or "roster.csv: …".
    public var description: String {
        if let row {
            return "\(fileName): row \(row): \(message)"
        }
        return "\(fileName): \(message)"
    }
}

/// A problem found while parsing, before the file name is known to the parser.
///
/// Parsers throw this so they stay independent of where the bytes came from;
/// `TabularReader` adds the file name when it turns it into a `TabularInputError`.
struct ReadFailure: Error, Sendable, Equatable {
    let row: Int?
    let message: String

    init(row: Int? = nil, _ message: String) {
        self.row = row
        self.message = message
    }

    func error(fileName: String) -> TabularInputError {
        TabularInputError(fileName: fileName, row: row, message: message)
    }
}
