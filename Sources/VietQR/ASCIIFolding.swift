import Foundation

/// Folds Vietnamese (and other Latin text with diacritics) to the printable ASCII VietQR allows
/// in fields 59, 60 and 62.
///
/// Why private to this module: VietQR must not depend on how another module chooses to fold
/// text; the payload rules are fixed by NAPAS, so the folding that feeds them lives here.
///
/// The trap it avoids: Unicode decomposition alone does not fold `đ`/`Đ` — they are letters of
/// their own, not `d` plus a combining stroke — so "Đắk" would come out as "Đak" and be refused
/// (or, worse, sent as UTF-8 that banks garble). They are mapped explicitly.
enum ASCIIFolding {
    /// `text` with combining marks removed after canonical decomposition (NFD) and `đ→d`, `Đ→D`.
    ///
    /// Characters that have no ASCII form (emoji, `ß`, CJK…) are left in place on purpose, so the
    /// caller can refuse them with a message naming the character instead of silently dropping it.
    static func fold(_ text: String) -> String {
        if isASCII(text) { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0111: scalars.append("d")
            case 0x0110: scalars.append("D")
            default:
                if scalar.properties.generalCategory == .nonspacingMark { continue }
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// True when every byte is below 0x80, i.e. folding would change nothing.
    static func isASCII(_ text: String) -> Bool {
        classify(text) != .nonASCII
    }

    /// What a string's bytes need before they can go into a payload.
    enum Bytes: Equatable {
        /// Printable ASCII only: usable as is.
        case printable
        /// ASCII, but with a control character (tab, newline, DEL): refuse.
        case control
        /// Some non-ASCII: fold first, then check again.
        case nonASCII
    }

    /// Classifies `text` in one pass over its UTF-8 bytes — the encoder's hot path, where most
    /// texts are short ASCII payment codes and per-scalar iteration would dominate.
    static func classify(_ text: String) -> Bytes {
        if let result = text.utf8.withContiguousStorageIfAvailable(classify) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(classify)
    }

    private static func classify(_ bytes: UnsafeBufferPointer<UInt8>) -> Bytes {
        var result = Bytes.printable
        for byte in bytes {
            if byte >= 0x80 { return .nonASCII }
            if !isPrintable(byte) { result = .control }
        }
        return result
    }

    /// True when every byte of `text` satisfies `test` (a byte loop, not a `UTF8View` iterator).
    @inline(__always)
    static func allBytes(of text: String, _ test: (UInt8) -> Bool) -> Bool {
        if let result = text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(test) }) { return result }
        return text.utf8.allSatisfy(test)
    }

    /// True for the 95 printable ASCII characters, space (0x20) through tilde (0x7E).
    @inline(__always)
    static func isPrintable(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte <= 0x7E
    }

    /// The first Unicode scalar of `text` that is not printable ASCII, if any.
    static func firstNonPrintable(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { !($0.isASCII && isPrintable(UInt8($0.value))) }
    }
}

extension Unicode.Scalar {
    /// `"🎒" (U+1F392)` — names an offending character even when it is invisible (a tab, NBSP).
    var quotedWithCodePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let visible = properties.generalCategory == .control ? "" : "\"\(Character(self))\" "
        return "\(visible)(U+\(padded))"
    }
}
