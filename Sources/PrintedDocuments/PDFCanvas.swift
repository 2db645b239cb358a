import CCairo
import Foundation
import VietQR

/// One PDF document being drawn through cairo, in memory: every page the same size, units PDF points
/// (1/72 in), origin top-left, y downwards.
///
/// The layouts speak only to this class, so the cairo details (C strings, status codes, the write callback,
/// paths) live in one place. Not thread-safe and not `Sendable`: a renderer makes one per document and drops it.
final class PDFCanvas {
    /// The family every document uses: DejaVu Sans has every Vietnamese letter precomposed (ễ, ặ, Ư…), so the
    /// toy font API, which maps one character to one glyph without shaping, draws NFC text correctly.
    static let family = "DejaVu Sans"

    private let surface: OpaquePointer
    private let context: OpaquePointer
    private let sink: PDFSink
    private var currentFont: Font?
    private var finished = false

    /// A document whose pages are `width` × `height` points.
    init(width: Double, height: Double) throws(PDFError) {
        // The PDF goes to memory through a write callback (no temporary file); `sink` lives as long as the surface.
        let sink = PDFSink()
        self.sink = sink
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        guard let surface = cairo_pdf_surface_create_for_stream({ closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<PDFSink>.fromOpaque(closure).takeUnretainedValue().bytes
                .append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, closure, width, height) else {
            throw .cairo(status: "no PDF surface", during: "starting the document")
        }
        self.surface = surface
        guard let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw .cairo(status: "no drawing context", during: "starting the document")
        }
        self.context = context
        try check(cairo_surface_status(surface), "starting the document")
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)  // finishes the surface if `finish()` was never reached; bytes are dropped
    }

    // MARK: Document

    /// Document information (title, subject, keywords, creator), written uncompressed in the trailer's Info
    /// dictionary, where ``PDFRenderer/verificationText(inPDF:)`` reads the keywords back.
    func setMetadata(_ key: cairo_pdf_metadata_t, _ value: String) {
        nfc(value).withCString { cairo_pdf_surface_set_metadata(surface, key, $0) }
    }

    /// Ends the current page and starts the next.
    func newPage() {
        cairo_show_page(context)
    }

    /// Ends the last page, writes the file and returns its bytes; `during` names the document for errors.
    func finish(_ during: String) throws(PDFError) -> [UInt8] {
        precondition(!finished, "a PDF canvas finishes once")
        finished = true
        try check(cairo_status(context), "drawing \(during)")
        cairo_show_page(context)
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface), "writing \(during)")
        return sink.bytes
    }

    private func check(_ status: cairo_status_t, _ during: String) throws(PDFError) {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cairo(status: String(cString: cairo_status_to_string(status)), during: during)
        }
    }

    // MARK: Text

    /// How wide `text` is in `font`: the advance, what matters for placing the next word or aligning right.
    func width(of text: String, _ font: Font) -> Double {
        guard !text.isEmpty else { return 0 }
        select(font)
        var extents = cairo_text_extents_t()
        nfc(text).withCString { cairo_text_extents(context, $0, &extents) }
        return extents.x_advance
    }

    /// The font's ascent (baseline below the top of a line) in points.
    func ascent(_ font: Font) -> Double {
        select(font)
        var extents = cairo_font_extents_t()
        cairo_font_extents(context, &extents)
        return extents.ascent
    }

    /// Draws one line of text with its baseline at `y`; `x` is the left edge, centre or right edge per `align`.
    func text(_ text: String, x: Double, baseline y: Double, _ font: Font, align: Alignment = .left, color: Color = .black) {
        guard !text.isEmpty else { return }
        let start: Double = switch align {
        case .left: x
        case .center: x - width(of: text, font) / 2
        case .right: x - width(of: text, font)
        }
        select(font)
        color.set(on: context)
        cairo_move_to(context, start, y)
        nfc(text).withCString { cairo_show_text(context, $0) }
    }

    /// Breaks runs of text into lines no wider than `width`: words move whole to the next line, and a word wider
    /// than the whole line is cut between characters, so nothing is ever dropped or drawn past the edge.
    func layout(_ runs: [Run], width: Double) -> [TextLine] {
        var lines: [TextLine] = []
        var line = TextLine()
        var x = 0.0
        func place(_ word: String, _ font: Font, gap: Int) {
            let wordWidth = self.width(of: word, font)
            let gapWidth = line.pieces.isEmpty ? 0 : Double(gap) * self.width(of: " ", font)
            if !line.pieces.isEmpty && x + gapWidth + wordWidth > width + 0.01 {
                lines.append(line)
                line = TextLine()
                x = 0
                place(word, font, gap: 0)
                return
            }
            if line.pieces.isEmpty && wordWidth > width + 0.01 && word.count > 1 {
                // Longer than a whole line: as many characters as fit, then the rest on the next lines.
                var head = ""
                var rest = Substring(word)
                while let next = rest.first, self.width(of: head + String(next), font) <= width || head.isEmpty {
                    head.append(next)
                    rest = rest.dropFirst()
                }
                line.append(TextPiece(x: 0, text: head, font: font), lineWidth: self.width(of: head, font))
                lines.append(line)
                line = TextLine()
                x = 0
                if !rest.isEmpty { place(String(rest), font, gap: 0) }
                return
            }
            if line.pieces.last?.font == font {
                // Same font: keep one string (what a PDF reader extracts as one phrase with its real spaces).
                line.extendLast(with: String(repeating: " ", count: gap) + word, lineWidth: x + gapWidth + wordWidth)
            } else {
                line.append(TextPiece(x: x + gapWidth, text: word, font: font), lineWidth: x + gapWidth + wordWidth)
            }
            x += gapWidth + wordWidth
        }
        var pendingGap = 0
        for run in runs {
            for paragraph in nfc(run.text).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if paragraph.offset > 0 {
                    lines.append(line)
                    line = TextLine()
                    x = 0
                    pendingGap = 0
                }
                var word = ""
                for character in paragraph.element {
                    if character.isWhitespace {
                        if !word.isEmpty {
                            place(word, run.font, gap: pendingGap)
                            word = ""
                            pendingGap = 0
                        }
                        pendingGap += 1
                    } else {
                        word.append(character)
                    }
                }
                if !word.isEmpty {
                    place(word, run.font, gap: pendingGap)
                    pendingGap = 0
                }
            }
        }
        if !line.pieces.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Lays out and draws runs in a box `width` wide whose first line's top is `top`; returns the height used.
    @discardableResult
    func paragraph(_ runs: [Run], x: Double, top: Double, width: Double, align: Alignment = .left,
                   leading: Double = 1.25, color: Color = .black) -> Double {
        let lines = layout(runs, width: width)
        draw(lines, x: x, top: top, width: width, align: align, leading: leading, color: color)
        return Self.height(of: lines, leading: leading)
    }

    /// Draws laid-out lines: each line as tall as its largest font × `leading`.
    func draw(_ lines: [TextLine], x: Double, top: Double, width: Double, align: Alignment = .left,
              leading: Double = 1.25, color: Color = .black) {
        var y = top
        for line in lines {
            let size = line.pieces.map(\.font.size).max() ?? 0
            let baseline = y + (size > 0 ? ascent(line.pieces.max { $0.font.size < $1.font.size }!.font) : 0)
                + size * (leading - 1.16) / 2
            let offset: Double = switch align {
            case .left: 0
            case .center: (width - line.width) / 2
            case .right: width - line.width
            }
            for piece in line.pieces {
                text(piece.text, x: x + offset + piece.x, baseline: baseline, piece.font, color: color)
            }
            y += Self.lineHeight(line, leading: leading)
        }
    }

    static func height(of lines: [TextLine], leading: Double = 1.25) -> Double {
        lines.reduce(0) { $0 + lineHeight($1, leading: leading) }
    }

    private static func lineHeight(_ line: TextLine, leading: Double) -> Double {
        (line.pieces.map(\.font.size).max() ?? line.emptySize) * leading
    }

    private func select(_ font: Font) {
        guard font != currentFont else { return }
        currentFont = font
        cairo_select_font_face(context, Self.family, CAIRO_FONT_SLANT_NORMAL,
                               font.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, font.size)
    }

    /// cairo draws the code points it is given; NFC makes "ễ" one precomposed glyph, not "e" plus two floating marks.
    private func nfc(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }

    // MARK: Lines and boxes

    func line(from start: (Double, Double), to end: (Double, Double), width: Double = 0.5, color: Color = .black,
              dash: [Double] = []) {
        cairo_save(context)
        color.set(on: context)
        cairo_set_line_width(context, width)
        if !dash.isEmpty { cairo_set_dash(context, dash, Int32(dash.count), 0) }
        cairo_move_to(context, start.0, start.1)
        cairo_line_to(context, end.0, end.1)
        cairo_stroke(context)
        cairo_restore(context)
    }

    func fill(x: Double, y: Double, width: Double, height: Double, color: Color) {
        color.set(on: context)
        cairo_rectangle(context, x, y, width, height)
        cairo_fill(context)
    }

    func stroke(x: Double, y: Double, width: Double, height: Double, lineWidth: Double = 0.5, color: Color = .black) {
        color.set(on: context)
        cairo_set_line_width(context, lineWidth)
        cairo_rectangle(context, x, y, width, height)
        cairo_stroke(context)
    }

    /// Draws under a rotation of `degrees` (clockwise) around `center`; the body draws as if unrotated around (0, 0).
    func rotated(by degrees: Double, around center: (Double, Double), _ body: () -> Void) {
        cairo_save(context)
        cairo_translate(context, center.0, center.1)
        cairo_rotate(context, degrees * .pi / 180)
        body()
        cairo_restore(context)
        currentFont = nil  // restore brought back the font of before; select again next time
    }

    // MARK: QR

    /// A QR symbol as a square `side` points wide, quiet zone of ``quietZone`` modules included, at (`x`, `y`).
    ///
    /// All dark runs go into one path filled once: abutting rectangles of one fill leave no hairline seams when a
    /// viewer or printer rasterises them with anti-aliasing (separate fills can), and the file stays small.
    func qr(_ matrix: QRMatrix, x: Double, y: Double, side: Double) {
        let unit = side / Double(matrix.size + 2 * Self.quietZone)
        fill(x: x, y: y, width: side, height: side, color: .white)
        Color.black.set(on: context)
        let context = self.context
        let zone = Double(Self.quietZone)
        matrix.forEachDarkRun { row, start, length in
            cairo_rectangle(context, x + (Double(start) + zone) * unit, y + (Double(row) + zone) * unit,
                            Double(length) * unit, unit)
        }
        cairo_set_fill_rule(context, CAIRO_FILL_RULE_WINDING)
        cairo_fill(context)
    }

    /// Light modules around a symbol (ISO/IEC 18004 asks for at least 4): phones find a symbol by its finder
    /// patterns against a light margin.
    static let quietZone = 4
}

/// Collects the bytes cairo's PDF writer hands out in pieces.
private final class PDFSink {
    var bytes: [UInt8] = []
}

/// Points in a millimetre: page and QR sizes are specified in millimetres, cairo draws in points.
func mm(_ millimetres: Double) -> Double { millimetres * 72 / 25.4 }

/// A font of the one family: a size in points and a weight.
struct Font: Hashable {
    var size: Double
    var bold: Bool

    static func regular(_ size: Double) -> Font { Font(size: size, bold: false) }
    static func bold(_ size: Double) -> Font { Font(size: size, bold: true) }
}

/// Text in one font; a paragraph is several runs ("Học sinh: " regular, the name bold).
struct Run {
    var text: String
    var font: Font
    init(_ text: String, _ font: Font) {
        self.text = text
        self.font = font
    }
}

/// A piece of a laid-out line: its text, font and left offset from the line's start.
struct TextPiece {
    var x: Double
    var text: String
    var font: Font
}

/// One laid-out line and its width (for centring and right alignment).
struct TextLine {
    private(set) var pieces: [TextPiece] = []
    private(set) var width = 0.0
    /// The height an empty line (a blank line in the text) takes is that of a 9 pt line.
    var emptySize: Double { 9 }

    mutating func append(_ piece: TextPiece, lineWidth: Double) {
        pieces.append(piece)
        width = lineWidth
    }

    mutating func extendLast(with text: String, lineWidth: Double) {
        pieces[pieces.count - 1].text += text
        width = lineWidth
    }
}

enum Alignment {
    case left, center, right
}

/// A colour for text and lines: printing is mostly black on white, grey for fills, red for a status stamp.
struct Color {
    var red: Double
    var green: Double
    var blue: Double
    var alpha = 1.0

    static let black = Color(red: 0, green: 0, blue: 0)
    static let white = Color(red: 1, green: 1, blue: 1)
    static func gray(_ level: Double) -> Color { Color(red: level, green: level, blue: level) }
    static let stampRed = Color(red: 0.8, green: 0.08, blue: 0.08, alpha: 0.8)

    func set(on context: OpaquePointer) {
        cairo_set_source_rgba(context, red, green, blue, alpha)
    }
}
