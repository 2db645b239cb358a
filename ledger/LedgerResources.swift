import Foundation

/// The data files under `ledger/`, shipped with the program as resources.
public enum LedgerResources {
    public static let bundle = Bundle.module

    /// Every migration as (name, SQL), in the order of their numbered file names.
    public static func migrations() throws -> [(name: String, sql: String)] {
        guard let folder = bundle.url(forResource: "migrations", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "ledger/migrations"])
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".sql") }.sorted()
        return try files.map { file in
            (String(file.dropLast(4)), try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
        }
    }

    /// `ledger/chart-of-accounts.json`.
    public static func chartOfAccountsJSON() throws -> Data {
        guard let url = bundle.url(forResource: "chart-of-accounts", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "ledger/chart-of-accounts.json"])
        }
        return try Data(contentsOf: url)
    }

    /// A file under `ledger/templates/` (e.g. the demo school's fee list).
    public static func template(_ name: String) throws -> Data {
        guard let folder = bundle.url(forResource: "templates", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "ledger/templates"])
        }
        return try Data(contentsOf: folder.appendingPathComponent(name))
    }
}
