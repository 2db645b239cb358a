import Foundation
import QRImage
import Testing
import VietQR

@Suite("QR image rendering")
struct RenderingTests {
    static let payload = try! VietQREncoder.encode(VietQRRequest(bin: "970418", account: "63510000868686", amount: 1_334_520,
                                                                purpose: "HP8BU6E28 TIEN AN THANG9"))

    @Test("PNG: pure black and white, 4 white modules on every side, every module where the matrix says", arguments: [1, 3, 8])
    func pngPixels(_ moduleSize: Int) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let matrix = try QRImage.matrix(for: Self.payload)
        let file = folder.appendingPathComponent("qr.png")
        try QRImage.png(matrix, moduleSize: moduleSize).write(to: file)
        let pixels = try Pixels(png: file)
        let side = (matrix.size + 8) * moduleSize
        #expect(pixels.width == side && pixels.height == side)
        #expect(Set(pixels.rgb) == [0x000000, 0xFFFFFF], "only pure black and pure white")

        // Module by module: the 4-module border is white, the symbol's modules are solid squares of their colour.
        var mismatches = 0
        for row in 0..<(matrix.size + 8) {
            for column in 0..<(matrix.size + 8) {
                let inside = (4..<matrix.size + 4).contains(row) && (4..<matrix.size + 4).contains(column)
                let dark = inside && matrix.isDark(x: column - 4, y: row - 4)
                for dy in 0..<moduleSize {
                    for dx in 0..<moduleSize where (pixels[column * moduleSize + dx, row * moduleSize + dy] == 0) != dark {
                        mismatches += 1
                    }
                }
            }
        }
        #expect(mismatches == 0)
        // Exactly 4: the finder patterns touch the symbol's top, left, right and bottom edges.
        let quiet = 4 * moduleSize
        #expect(pixels[quiet, quiet] == 0 && pixels[quiet - 1, quiet] == 0xFFFFFF && pixels[quiet, quiet - 1] == 0xFFFFFF)
        #expect(pixels[side - quiet - 1, quiet] == 0 && pixels[side - quiet, quiet] == 0xFFFFFF)
        #expect(pixels[quiet, side - quiet - 1] == 0 && pixels[quiet, side - quiet] == 0xFFFFFF)
    }

    @Test("SVG: one path, crisp edges, white background, viewBox in modules, size in px")
    func svgShape() throws {
        let matrix = try QRImage.matrix(for: Self.payload)
        let text = QRImage.svg(matrix, moduleSize: 10)
        let side = matrix.size + 8
        #expect(text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(side * 10)\" height=\"\(side * 10)\" viewBox=\"0 0 \(side) \(side)\""))
        #expect(text.contains("shape-rendering=\"crispEdges\""))
        #expect(text.contains("<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"))
        #expect(text.components(separatedBy: "<path").count == 2)
        #expect(text.hasSuffix("</svg>\n"))
        let parsed = try ParsedSVG(text)
        // Quiet zone of exactly 4 modules on every side: nothing painted outside 4..<size+4, and the edges are reached.
        #expect(parsed.dark.map { $0[0] }.min() == 4 && parsed.dark.map { $0[1] }.min() == 4)
        #expect(parsed.dark.map { $0[0] }.max() == matrix.size + 3 && parsed.dark.map { $0[1] }.max() == matrix.size + 3)
        #expect(QRImage.svg(matrix) == QRImage.svg(matrix), "deterministic")
    }

    @Test("runs merge neighbouring dark modules, so a row is one segment per run")
    func runs() throws {
        // Version 1, top row: finder (7 dark), separator, timing/format area, finder (7 dark).
        let matrix = try QRImage.matrix(for: "HP8BU6E28")
        let text = QRImage.svg(matrix, moduleSize: 1)
        #expect(text.contains("M4 4h7v1h-7z"))
        #expect(text.contains("M\(4 + matrix.size - 7) 4h7v1h-7z"))
    }

    @Test("PNG bytes carry the PNG signature and the declared size")
    func pngHeader() throws {
        let matrix = try QRImage.matrix(for: Self.payload)
        let data = try QRImage.png(matrix)
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == (matrix.size + 8) * 8)
    }
}
