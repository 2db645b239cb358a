import Foundation
import ZIPFoundation

/// The ZIP container of an XLSX file, opened in memory, with its parts
/// looked up by path.
///
/// Not `Sendable`: it wraps ZIPFoundation's `Archive` (a class over a C file
/// handle) and lives only for the duration of one read.
struct XLSXPackage {
    /// Upper bound for one uncompressed part. A real roster sheet is a few
    /// MB; the bound keeps a "ZIP bomb" from exhausting memory.
    static let maximumPartSize = 256 * 1024 * 1024

    private let archive: Archive
    /// Entries by lower-cased path: part names are case-insensitive in OPC.
    private let entries: [String: Entry]

    init(data: Data) throws(ReadFailure) {
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ReadFailure("the file starts like an XLSX workbook (a ZIP archive) but cannot be opened; "
                + "it is probably damaged or incompletely copied")
        }
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            let key = entry.path.lowercased()
            if entries[key] == nil { entries[key] = entry }
        }
        self.entries = entries
    }

    func contains(_ path: String) -> Bool {
        entries[path.lowercased()] != nil
    }

    /// The bytes of a part, or `nil` if the archive has no such part.
    func part(_ path: String) throws(ReadFailure) -> Data? {
        guard let entry = entries[path.lowercased()] else { return nil }
        let tooLarge = ReadFailure("the workbook part \(path) is larger than "
            + "\(Self.maximumPartSize / 1024 / 1024) MB uncompressed; this is not a roster or fee list")
        guard entry.uncompressedSize <= UInt64(Self.maximumPartSize) else { throw tooLarge }
        var data = Data()
        data.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                // The declared size may lie; count what actually comes out.
                guard data.count + chunk.count <= Self.maximumPartSize else { throw PartTooLarge() }
                data.append(chunk)
            }
        } catch is PartTooLarge {
            throw tooLarge
        } catch {
            throw ReadFailure("the workbook is damaged: its part \(path) cannot be decompressed")
        }
        return data
    }

    private struct PartTooLarge: Error {}
}
