import CCairo
import Foundation
import QRImage
import Testing
import VietQR

/// A folder of its own under the system's temporary directory, removed by the caller.
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hocphi-qrimage-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// A tool found on `PATH`, or a failure that says how to install it.
func tool(_ name: String, package: String) throws -> URL {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw ToolMissing(description: "\(name) is not installed: run scripts/install-deps (Debian package \(package))")
}

struct ToolMissing: Error, CustomStringConvertible {
    let description: String
}

struct ToolRun {
    let status: Int32
    let out: Data
    let err: String
}

/// Runs a program and collects what it prints (outputs here are small, so reading one pipe after the other is safe).
func execute(_ executable: URL, _ arguments: [String]) throws -> ToolRun {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ToolRun(status: process.terminationStatus, out: outData, err: String(decoding: errData, as: UTF8.self))
}

/// What the real decoder reads from an image file: `zbarimg --quiet --raw FILE` (it ends each symbol with a newline).
func zbarRead(_ file: URL) throws -> ToolRun {
    try execute(tool("zbarimg", package: "zbar-tools"), ["--quiet", "--raw", file.path])
}

/// An SVG rasterised by an independent renderer (librsvg), at the size the SVG declares.
func rasterise(svg: URL, to png: URL) throws {
    let run = try execute(tool("rsvg-convert", package: "librsvg2-bin"), ["--format", "png", "--output", png.path, svg.path])
    guard run.status == 0 else { throw ToolMissing(description: "rsvg-convert failed (\(run.status)): \(run.err)") }
}

/// The pixels of a PNG file as cairo reads it back: 0xRRGGBB per pixel.
struct Pixels {
    let width: Int
    let height: Int
    let rgb: [UInt32]

    init(png file: URL) throws {
        guard let surface = cairo_image_surface_create_from_png(file.path) else { throw ToolMissing(description: "no surface") }
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ToolMissing(description: "cairo cannot read \(file.lastPathComponent): \(String(cString: cairo_status_to_string(status)))")
        }
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32 else {
            throw ToolMissing(description: "unexpected cairo format \(format)")
        }
        cairo_surface_flush(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let base = cairo_image_surface_get_data(surface)!
        var rgb = [UInt32](repeating: 0, count: width * height)
        for y in 0..<height {
            let line = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { rgb[y * width + x] = line[x] & 0xFF_FFFF }
        }
        self.rgb = rgb
    }

    subscript(x: Int, y: Int) -> UInt32 { rgb[y * width + x] }
}

/// The parts of one of our SVG documents, read back with nothing but its own text.
struct ParsedSVG {
    let width: Int
    let height: Int
    let viewBox: [Int]
    /// Dark modules painted by the path, in viewBox coordinates (quiet zone included).
    let dark: Set<[Int]>

    init(_ text: String) throws {
        func attribute(_ name: String) throws -> String {
            guard let range = text.range(of: " \(name)=\""), let end = text[range.upperBound...].firstIndex(of: "\"") else {
                throw ToolMissing(description: "the SVG has no \(name) attribute")
            }
            return String(text[range.upperBound..<end])
        }
        width = Int(try attribute("width")) ?? -1
        height = Int(try attribute("height")) ?? -1
        viewBox = try attribute("viewBox").split(separator: " ").map { Int($0) ?? -1 }
        let d = try attribute("d")
        var dark = Set<[Int]>()
        var consumed = 0
        for match in d.matches(of: /M(\d+) (\d+)h(\d+)v1h-(\d+)z/) {
            let x = Int(match.1)!, y = Int(match.2)!, run = Int(match.3)!, back = Int(match.4)!
            guard run == back, run > 0 else { throw ToolMissing(description: "a run that does not close: \(match.0)") }
            for column in x..<x + run {
                guard dark.insert([column, y]).inserted else { throw ToolMissing(description: "module (\(column), \(y)) painted twice") }
            }
            consumed += match.0.count
        }
        guard consumed == d.count else { throw ToolMissing(description: "the path holds something other than runs") }
        self.dark = dark
    }
}

/// Byte-mode capacity at level M for versions 1…11 (ISO/IEC 18004 table 7), worked out from the number of data
/// codewords: versions 1–9 spend 4 + 8 bits on mode and count, version 10+ 4 + 16.
/// 16-2, 28-2, 44-2, 64-2, 86-2, 108-2, 124-2, 154-2, 182-2, ⌊(216·8−20)/8⌋, ⌊(254·8−20)/8⌋.
let byteCapacityM = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251]

/// The smallest version whose level-M byte capacity holds `bytes`.
func expectedVersion(bytes: Int) -> Int {
    byteCapacityM.firstIndex { $0 >= bytes }! + 1
}

/// A labelled VietQR request, so a failing case names itself.
struct Case: CustomTestStringConvertible, Sendable {
    let label: String
    let request: VietQRRequest
    var payload: String { try! VietQREncoder.encode(request) }
    var testDescription: String { label }
}

/// Three dozen payloads as schools and parents meet them: static and dynamic, to accounts and to cards, short and
/// longest purposes, Vietnamese text folded, names, cities and bill numbers, across banks.
let cases: [Case] = {
    var all: [Case] = [
        Case(label: "spec §6.1.2 static to card", request: VietQRRequest(bin: "970403", account: "9704031101234567", service: .toCard)),
        Case(label: "static BIDV account", request: VietQRRequest(bin: "970418", account: "63510000868686")),
        Case(label: "dynamic with payment code", request: VietQRRequest(bin: "970418", account: "1234567890", amount: 1_334_520, purpose: "HP3K7QX2")),
        Case(label: "largest amount", request: VietQRRequest(bin: "970436", account: "0011004012345", amount: 499_999_999, purpose: "HP8BU6E28")),
        Case(label: "amount of 1", request: VietQRRequest(bin: "970405", account: "5100205123456", amount: 1)),
        Case(label: "purpose of 25", request: VietQRRequest(bin: "970415", account: "108001234567", amount: 550_000, purpose: "HP8BU6E28 TIEN AN THANG9")),
        Case(label: "Vietnamese purpose folded", request: VietQRRequest(bin: "970418", account: "63510000868686", amount: 683_100, purpose: "Học phí đợt 1 lớp 3A")),
        Case(label: "lowercase and punctuation", request: VietQRRequest(bin: "970422", account: "0987654321", amount: 120_000, purpose: "hp8bu6e28 a/b-c.d:e+f%g*h")),
        Case(label: "19-character account", request: VietQRRequest(bin: "970407", account: "1903123456789012345", amount: 250_000)),
        Case(label: "alphanumeric account", request: VietQRRequest(bin: "970432", account: "VPBKHOCPHI2025", amount: 99_000)),
        Case(label: "card with everything", request: VietQRRequest(bin: "970403", account: "9704031101234567", service: .toCard, amount: 1_500_000,
                                                                    purpose: "HP2345678 HOC PHI KY 1", billNumber: "TB2509-000123",
                                                                    merchantName: "TRUONG TIEU HOC KIM DONG", city: "Đắk Song")),
        Case(label: "longest text fields", request: VietQRRequest(bin: "970418", account: "1234567890123456789", amount: 499_999_999,
                                                                   purpose: "HPZZZZZZZ ABCDEFGHIJKLMNO", billNumber: "ABCDEFGHIJKLMNOPQRSTUVWXY",
                                                                   merchantName: "Trường Tiểu học Kim Đồng", city: "Buôn Ma Thuột")),
    ]
    let bins = ["970418", "970405", "970436", "970415", "970422", "970407", "970423", "970432"]
    let purposes: [String?] = [nil, "HP8BU6E28", "HP4MN7Q2X Tiền ăn T10", "Nộp quỹ lớp 2B - Ê Đê", "HPABCDEFG BHYT 2025"]
    for index in 0..<28 {
        let amount: Int64? = index % 4 == 0 ? nil : Int64(37_000 * index * index + 15_000)
        let card = index % 7 == 3
        all.append(Case(
            label: "generated \(index)",
            request: VietQRRequest(
                bin: bins[index % bins.count],
                account: card ? "97041\(String(format: "%011d", index * 7_919))" : String(repeating: "8", count: 6 + index % 14),
                service: card ? .toCard : .toAccount, amount: amount, purpose: purposes[index % purposes.count],
                billNumber: index % 3 == 0 ? "TB25\(String(format: "%02d", index % 12 + 1))-\(String(format: "%06d", index))" : nil,
                merchantName: index % 2 == 0 ? "TRUONG TH SO \(index) DAK SONG" : nil, city: index % 5 == 0 ? "Gia Nghĩa" : nil)))
    }
    return all
}()
