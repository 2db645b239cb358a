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
