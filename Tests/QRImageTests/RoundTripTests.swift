import Foundation
import QRImage
import Testing
import VietQR

/// The test that counts: a real decoder (zbar, what many Android apps embed) reads every image back to the byte.
@Suite("QR images read back by zbarimg")
struct RoundTripTests {
    @Test("every payload is a valid VietQR", arguments: cases)
    func payloadsAreValid(_ testCase: Case) throws {
        let decoded = try VietQRDecoder.decode(testCase.payload)
        #expect(decoded.request.account == testCase.request.account)
    }

    @Test("PNG at several module sizes decodes to the exact payload", arguments: cases)
    func png(_ testCase: Case) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let payload = testCase.payload
        let matrix = try QRImage.matrix(for: payload)
        let moduleSize = [8, 4, 3, 6][payload.utf8.count % 4]
        let file = folder.appendingPathComponent("qr.png")
        try QRImage.png(matrix, moduleSize: moduleSize).write(to: file)
        let read = try zbarRead(file)
        #expect(read.status == 0, "zbarimg: \(read.err)")
        #expect(read.out == Data(payload.utf8) + [0x0A], "read \(String(decoding: read.out, as: UTF8.self))")
    }

    @Test("SVG rendered by librsvg decodes to the exact payload", arguments: cases)
    func svg(_ testCase: Case) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let payload = testCase.payload
        let svgFile = folder.appendingPathComponent("qr.svg"), pngFile = folder.appendingPathComponent("qr-svg.png")
        try Data(QRImage.svg(try QRImage.matrix(for: payload), moduleSize: payload.utf8.count % 2 == 0 ? 8 : 5).utf8).write(to: svgFile)
        try rasterise(svg: svgFile, to: pngFile)
        let read = try zbarRead(pngFile)
        #expect(read.status == 0, "zbarimg: \(read.err)")
        #expect(read.out == Data(payload.utf8) + [0x0A], "read \(String(decoding: read.out, as: UTF8.self))")
    }

    @Test("the SVG's own path paints exactly the symbol's dark modules, 4 modules in", arguments: cases)
    func svgPathMatchesMatrix(_ testCase: Case) throws {
        let matrix = try QRImage.matrix(for: testCase.payload)
        let svg = try ParsedSVG(QRImage.svg(matrix, moduleSize: 7))
        var expected = Set<[Int]>()
        for y in 0..<matrix.size { for x in 0..<matrix.size where matrix.isDark(x: x, y: y) { expected.insert([x + 4, y + 4]) } }
        #expect(svg.dark == expected)
        #expect(svg.viewBox == [0, 0, matrix.size + 8, matrix.size + 8])
        #expect(svg.width == (matrix.size + 8) * 7 && svg.height == svg.width)
    }
}
