import Foundation

/// Vietnamese text as banks and QR payloads need it: plain ASCII.
///
/// Unicode decomposition alone is not enough: `đ`/`Đ` are letters of their own, not `d` plus a mark,
/// so they must be mapped explicitly or "Đắk Song" would lose its first letter.
public enum BankASCII {
    /// Folds Vietnamese text to ASCII: strips tone and vowel marks and maps `đ → d`, `Đ → D`.
    /// Characters with no ASCII form are dropped, so the result is always printable ASCII or spaces.
    /// White space (tab, line breaks) becomes a space; other control characters are dropped.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        return tableFold(text) ?? foldByDecomposition(text)
    }

    /// The definition: canonical decomposition (NFD), then marks dropped, `đ`/`Đ` mapped, white space made a
    /// space and anything else outside printable ASCII dropped.
    static func foldByDecomposition(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "đ": out.append("d")
            case "Đ": out.append("D")
            default:
                if scalar.properties.generalCategory == .nonspacingMark { continue }
                if scalar.properties.isWhitespace { out.append(" "); continue }
                if scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// The same result one scalar at a time from a table, without Foundation's normalisation: folding a
    /// million pupils' names for reconciliation took seconds the other way. Canonical decomposition maps each
    /// scalar on its own and the marks it yields are dropped, so per-scalar folding is the definition applied
    /// piecewise; the table is built from `foldByDecomposition` itself (and a test compares every entry). A
    /// scalar the table does not cover (beyond U+1FFF, or one that folds to several letters) makes it give up:
    /// nil, and the caller folds by decomposition.
    static func tableFold(_ text: String) -> String? {
        let table = foldTable
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            guard value < table.count else { return nil }
            let entry = table[value]
            switch entry {
            case dropped: continue
            case unknown: return nil
            default: out.append(entry)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let dropped: UInt8 = 0
    private static let unknown: UInt8 = 0xFF
    /// For every scalar below U+2000: the ASCII byte it folds to, `dropped`, or `unknown`.
    static let foldTable: [UInt8] = (0..<0x2000).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return unknown }    // surrogates: never in a String
        let folded = Array(foldByDecomposition(String(Character(scalar))).utf8)
        switch folded.count {
        case 0: return dropped
        case 1: return folded[0]
        default: return unknown
        }
    }

    /// A key for comparing names and headers the way a person reads them: folded, lower-cased,
    /// keeping only letters and digits ("Mã học sinh" and "ma_hoc_sinh" give the same key).
    public static func matchKey(_ text: String) -> String {
        String(fold(text).lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            .map(Character.init))
    }
}

/// Unicode normalisation for text a person reads: stored and compared in NFC so that the same name typed
/// on two keyboards (precomposed or combining marks) is the same name.
public enum VietnameseNormalization {
    public static func nfc(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }

    /// NFC, trimmed, inner runs of white space collapsed to one space.
    public static func cleanName(_ text: String) -> String {
        nfc(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
