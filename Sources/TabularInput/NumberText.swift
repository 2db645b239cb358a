import Foundation

/// How a numeric XLSX cell becomes text.
///
/// Amounts in đồng are whole numbers, and some writers store them as
/// "1334520.0" or "1.33452E6"; the caller should see "1334520" either way.
/// Anything non-integral is left exactly as written, because reformatting a
/// double ("0.1" → "0.1000000000000000055") would invent digits. Dates are
/// serial numbers here too and are left for the caller to interpret.
enum NumberText {
    /// Integral values up to 2^53 are exactly representable as doubles.
    static let largestExactInteger = 9_007_199_254_740_992.0

    static func render(_ written: String) -> String {
        let text = written.trimmingCharacters(in: .whitespacesAndNewlines)
        if isPlainInteger(text) { return text }
        guard let value = Double(text), value.isFinite, value == value.rounded(),
              abs(value) <= largestExactInteger else { return text }
        return String(Int64(value))
    }

    /// "-1334520" and the like are already what a person expects (and may be
    /// longer than a double can hold exactly), so they are never reformatted.
    static func isPlainInteger(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.utf8.dropFirst() : text.utf8[...]
        return !digits.isEmpty && digits.allSatisfy { (0x30...0x39).contains($0) }
    }
}
