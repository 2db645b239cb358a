import VietQR
import CCairo
import Foundation

extension QRImage {
    /// The symbol as a PNG: black modules on white, quiet zone included, `moduleSize` px per module
    /// (default 8: a version-7 VietQR is 424 px, sharp on screen and on a 300 dpi slip at 3.6 cm).
    ///
    /// Drawn by cairo on an RGB24 image surface, with whole-pixel rectangles and anti-aliasing off, so every
    /// module is exactly `moduleSize` × `moduleSize` pure black or pure white pixels: grey edges are what make
    /// phone scanners hesitate. Opaque (no alpha) so the quiet zone stays white on any background.
    public static func png(_ matrix: QRMatrix, moduleSize: Int = 8) throws(QRImageError) -> Data {
        let side = (matrix.size + 2 * quietZone) * max(moduleSize, 0)
        guard moduleSize >= 1, side <= maximumPNGSide else { throw .invalidModuleSize(moduleSize, imageSide: side) }

        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(side), Int32(side)) else {
            throw .renderingFailed("no image surface")
        }
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface))

        guard let context = cairo_create(surface) else { throw .renderingFailed("no drawing context") }
        cairo_set_antialias(context, CAIRO_ANTIALIAS_NONE)
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_set_source_rgb(context, 0, 0, 0)
        let scale = Double(moduleSize)
        matrix.forEachDarkRun { y, start, length in
            cairo_rectangle(context, Double(start + quietZone) * scale, Double(y + quietZone) * scale,
                            Double(length) * scale, scale)
        }
        cairo_fill(context)
        let drawn = cairo_status(context)
        cairo_destroy(context)
        try check(drawn)

        let sink = PNGSink()
        let written = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, { closure, bytes, length in
                guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(sink).toOpaque())
        }
        try check(written)
        return sink.data
    }

    private static func check(_ status: cairo_status_t) throws(QRImageError) {
        guard status == CAIRO_STATUS_SUCCESS else { throw .renderingFailed(String(cString: cairo_status_to_string(status))) }
    }
}

/// Collects the bytes cairo's PNG writer hands out in pieces.
private final class PNGSink {
    var data = Data()
}
