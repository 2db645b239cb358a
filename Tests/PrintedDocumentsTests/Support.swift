import Foundation
import LedgerCore
import PrintedDocuments
import QRImage
import Testing

/// The renderer as the command line builds it: QR symbols from libqrencode through the QR adapter.
let renderer = PDFRenderer(qrSymbol: { try QRImage.matrix(for: $0) })

/// A folder of its own under the system's temporary directory; `body` runs in it and it is removed after.
func inTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hocphi-pdf-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

struct ToolFailure: Error, CustomStringConvertible {
    let description: String
}

/// A tool from poppler-utils or zbar-tools. A missing tool fails the test (never skips it): these tests are how
/// we know a person's PDF reader and a phone's scanner read what we print.
func tool(_ name: String, package: String) throws -> URL {
    let url = URL(fileURLWithPath: "/usr/bin/\(name)")
    guard FileManager.default.isExecutableFile(atPath: url.path) else {
        throw ToolFailure(description: "/usr/bin/\(name) is not installed: run scripts/install-deps (Debian package \(package))")
    }
    return url
}

/// Runs a tool to completion and returns its standard output; a non-zero exit fails with its standard error
/// unless `allowing` lists that status (zbarimg exits 4 when it finds no symbol).
@discardableResult
func run(_ name: String, package: String, _ arguments: [String], allowing: Set<Int32> = []) throws -> String {
    let process = Process()
    process.executableURL = try tool(name, package: package)
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes at once, so a tool that fills one while we wait on the other cannot block.
    let errors = ErrorBuffer()
    let reader = Thread { errors.set(err.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errorText = errors.wait()
    guard process.terminationStatus == 0 || allowing.contains(process.terminationStatus) else {
        throw ToolFailure(description: "\(name) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(errorText)")
    }
    return String(decoding: output, as: UTF8.self)
}

/// The standard error of a tool, read on another thread.
private final class ErrorBuffer: @unchecked Sendable {  // guarded by `done`
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    func set(_ data: Data) {
        self.data = data
        done.signal()
    }
    func wait() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}

/// What `pdftotext` reads from a PDF (optionally one page range), in layout mode or reading order.
func pdfText(_ pdf: URL, layout: Bool = true, pages: ClosedRange<Int>? = nil) throws -> String {
    var arguments = layout ? ["-layout"] : []
    if let pages { arguments += ["-f", String(pages.lowerBound), "-l", String(pages.upperBound)] }
    return try run("pdftotext", package: "poppler-utils", arguments + ["-enc", "UTF-8", pdf.path, "-"])
}

/// Text with every run of white space (line ends and layout columns included) made one space, in NFC: how to
/// look for a wrapped sentence in what pdftotext prints.
func normalised(_ text: String) -> String {
    text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// `pdfinfo`'s fields ("Pages", "Page size", "Keywords"…).
func pdfInfo(_ pdf: URL) throws -> [String: String] {
    var fields: [String: String] = [:]
    for line in try run("pdfinfo", package: "poppler-utils", [pdf.path]).split(separator: "\n") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return fields
}

/// Every page rasterised by poppler at `dpi`, as PNG files in `folder`, in page order.
func rasterise(_ pdf: URL, dpi: Int = 150, into folder: URL) throws -> [URL] {
    let prefix = folder.appendingPathComponent("page").path
    try run("pdftoppm", package: "poppler-utils", ["-png", "-r", String(dpi), pdf.path, prefix])
    return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        .filter { $0.lastPathComponent.hasPrefix("page") && $0.pathExtension == "png" }
        .sorted { $0.lastPathComponent < $1.lastPathComponent }
}

/// Every QR code zbar finds in an image, one payload each (our payloads are single-line ASCII).
func qrCodes(in png: URL) throws -> [String] {
    let out = try run("zbarimg", package: "zbar-tools", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png.path],
                      allowing: [4])
    return out.split(separator: "\n").map(String.init)
}

/// Writes the bytes to `name` in `folder`.
func write(_ bytes: [UInt8], _ name: String, in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
}

/// The page size `pdfinfo` reports ("419.528 x 595.276 pts (A5)"), in points.
func pageSize(_ info: [String: String]) throws -> (width: Double, height: Double) {
    let numbers = (info["Page size"] ?? "").split(separator: " ").compactMap { Double($0) }
    guard numbers.count >= 2 else { throw ToolFailure(description: "pdfinfo gives no page size: \(info)") }
    return (numbers[0], numbers[1])
}

/// How many clearly red pixels the first page has at 50 dpi (pdftoppm's default output, PPM: a header, then RGB bytes).
func redPixels(_ pdf: URL, in folder: URL) throws -> Int {
    let prefix = folder.appendingPathComponent("red-\(UUID().uuidString)").path
    try run("pdftoppm", package: "poppler-utils", ["-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf.path, prefix])
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: prefix + ".ppm")))
    // "P6\n<width> <height>\n255\n": the pixels start after the third line end.
    var newlines = 0, start = 0
    while newlines < 3 && start < bytes.count {
        if bytes[start] == 0x0A { newlines += 1 }
        start += 1
    }
    var red = 0
    var index = start
    while index + 2 < bytes.count {
        if bytes[index] > 170 && bytes[index + 1] < 120 && bytes[index + 2] < 120 { red += 1 }
        index += 3
    }
    return red
}
