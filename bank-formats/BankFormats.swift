import Foundation

/// The data files under `bank-formats/`, shipped with the program as resources: the NAPAS bank directory and
/// one declarative file per bank statement export.
public enum BankFormatsResources {
    public static let bundle = Bundle.module

    /// `banks.json`.
    public static func banksJSON() throws -> Data {
        guard let url = bundle.url(forResource: "banks", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "bank-formats/banks.json"])
        }
        return try Data(contentsOf: url)
    }

    /// Every `formats/*.json` as (file name, bytes), in name order.
    public static func statementFormats() throws -> [(fileName: String, data: Data)] {
        guard let folder = bundle.url(forResource: "formats", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "bank-formats/formats"])
        }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) }
    }
}
