import Foundation

/// Excel's rules for sheet names, checked before libxlsxwriter sees them so the error can say which rule
/// was broken (libxlsxwriter 1.1.4 accepts an empty name and compares duplicates case-sensitively, while
/// Excel refuses both).
enum SheetName {
    /// Excel's limit, counted in UTF-16 code units (Vietnamese letters are one unit each).
    static let maximumLength = 31
    static let forbiddenCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Why `name` cannot be a sheet name, or `nil` when it can.
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "it is empty" }
        if name.utf16.count > maximumLength {
            return "it is longer than \(maximumLength) characters"
        }
        if let bad = name.first(where: { forbiddenCharacters.contains($0) }) {
            return "it contains “\(bad)” (none of [ ] : * ? / \\ may be used)"
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            return "it starts or ends with an apostrophe"
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            return "it contains a control character"
        }
        return nil
    }

    /// Throws for the first unusable or repeated name (Excel compares names ignoring case).
    static func validate(_ names: [String], path: String) throws(WorkbookError) {
        var seen: Set<String> = []
        for name in names {
            if let problem = problem(with: name) {
                throw .invalidSheetName(name: name, reason: problem, path: path)
            }
            guard seen.insert(name.lowercased()).inserted else {
                throw .invalidSheetName(name: name, reason: "another sheet already has this name", path: path)
            }
        }
    }

    /// A usable name made from any text: forbidden characters become "-", control characters and outer
    /// apostrophes are dropped, and the result is cut to 31 characters; "Sheet" when nothing is left.
    static func sanitized(_ text: String) -> String {
        var cleaned = String(text.map { forbiddenCharacters.contains($0) ? "-" : $0 })
        cleaned.unicodeScalars.removeAll { $0.value < 0x20 }
        var result = ""
        for character in cleaned {
            guard result.utf16.count + String(character).utf16.count <= maximumLength else { break }
            result.append(character)
        }
        // Trimmed together: removing an outer apostrophe may uncover a space, and the reverse.
        let trimmed = result.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "'")))
        return trimmed.isEmpty ? "Sheet" : trimmed
    }
}
