import VietQR
extension QRImage {
    /// The symbol as an SVG document: a white square and one black `<path>`, quiet zone included.
    ///
    /// - The `viewBox` counts modules (`size + 8` on a side, quiet zone included), so every dark run is an
    ///   integer rectangle and the image scales to any print size without rounding; `width`/`height` give
    ///   the default size in pixels, `moduleSize` px per module.
    /// - Each row's dark modules are merged into horizontal runs (`M x y h n v1 h-n z`), which keeps the file
    ///   small (a VietQR is 5–9 kB) and one path means no hairline seams between neighbouring squares.
    /// - `shape-rendering="crispEdges"` asks renderers not to anti-alias: blurred module edges turn into grey
    ///   pixels that cheap phone cameras and printers misread.
    /// - The background is painted white rather than left transparent, because a transparent QR shown on a
    ///   dark page (or a dark-mode viewer) has no light quiet zone and no light modules.
    ///
    /// Written straight into one byte buffer: a school renders one per invoice.
    public static func svg(_ matrix: QRMatrix, moduleSize: Int = 8) -> String {
        precondition(moduleSize >= 1, "the module size must be at least 1 pixel, not \(moduleSize)")
        let size = matrix.size
        let side = size + 2 * quietZone
        let pixels = side * moduleSize
        var out = SVGBytes(capacity: 256 + size * size * 4)
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        out.append(pixels)
        out.append("\" height=\"")
        out.append(pixels)
        out.append("\" viewBox=\"0 0 ")
        out.append(side)
        out.append(" ")
        out.append(side)
        out.append("\" shape-rendering=\"crispEdges\"><rect width=\"")
        out.append(side)
        out.append("\" height=\"")
        out.append(side)
        out.append("\" fill=\"#fff\"/><path fill=\"#000\" d=\"")
        matrix.forEachDarkRun { y, start, run in
            out.append("M")
            out.append(start + quietZone)
            out.append(" ")
            out.append(y + quietZone)
            out.append("h")
            out.append(run)
            out.append("v1h-")
            out.append(run)
            out.append("z")
        }
        out.append("\"/></svg>\n")
        return out.string
    }
}

/// The SVG being written: ASCII bytes appended to one growing buffer, numbers without `String(_:)`.
private struct SVGBytes {
    var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A non-negative integer in decimal (coordinates and lengths, at most five digits here).
    @inline(__always)
    mutating func append(_ value: Int) {
        if value < 10 {
            bytes.append(0x30 + UInt8(truncatingIfNeeded: value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 && count < 8 {
                buffer[7 - count] = 0x30 + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(8 - count)...])
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
