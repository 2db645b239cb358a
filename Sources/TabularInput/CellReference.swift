/// Spreadsheet column letters ("A", "Z", "AA", … "XFD") and cell references.
///
/// XLSX leaves empty cells out, so a row of `A1, C1` must become three cells
/// with an empty middle one; the column has to come from the reference.
enum CellReference {
    /// Excel's limit (column XFD); larger references mean a damaged file.
    static let maximumColumns = 16_384

    /// The 0-based column of a reference like "C7" (or just "C"), or `nil`
    /// if it has no letters or is past column XFD.
    static func columnIndex(of reference: String) -> Int? {
        var column = 0
        for scalar in reference.unicodeScalars {
            let value = scalar.value
            let digit: UInt32
            switch value {
            case 0x41...0x5A: digit = value - 0x41  // A-Z
            case 0x61...0x7A: digit = value - 0x61  // a-z: not written by Excel, but harmless
            default: return column == 0 ? nil : column - 1  // the row digits start here
            }
            column = column * 26 + Int(digit) + 1
            guard column <= maximumColumns else { return nil }
        }
        return column == 0 ? nil : column - 1
    }

    /// "A" for 0, "AA" for 26.
    static func columnName(_ index: Int) -> String {
        precondition(index >= 0, "column index must not be negative")
        var remaining = index + 1
        var letters: [Unicode.Scalar] = []
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.append(Unicode.Scalar(UInt8(0x41 + digit)))
            remaining = (remaining - 1) / 26
        }
        return String(String.UnicodeScalarView(letters.reversed()))
    }
}
