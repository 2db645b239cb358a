import Foundation

/// Writes a produced file whole or not at all (`.atomic`: a temporary file renamed into place), so a failed
/// command never leaves half a PDF where the user expects one.
enum OutputFile {
    static func write(_ bytes: [UInt8], to path: String) throws { try write(Data(bytes), to: path) }

    static func write(_ data: Data, to path: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
            throw CommandFailure("\(path): cannot write the file: \(reason)")
        }
    }
}
