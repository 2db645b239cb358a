import LedgerCore

/// Reads an amount the way one format writes it (`1,000,000`, `400.000,00`, `+50,000`), refusing anything
/// with a non-zero fraction of a đồng or stray characters: a format's separators are fixed per bank, never
/// guessed per cell.
struct StatementNumber {
    let thousands: Character?
    let decimal: Character
    /// The separators' bytes, worked out once (this runs for every amount cell).
    private let thousandsByte: UInt8?
    private let decimalByte: UInt8

    init(format: StatementFormat) {
        thousands = format.thousandsSeparator.first
        decimal = format.decimalSeparator.first ?? "."
        thousandsByte = thousands.flatMap(\.asciiValue)
        decimalByte = decimal.asciiValue ?? UInt8(ascii: ".")
    }

    enum Outcome { case empty, value(Int64), invalid }

    func parse(_ raw: String) -> Outcome {
        // Works on the contiguous UTF-8 bytes: this runs for every amount cell of statements with millions of
        // lines, and a `Substring.UTF8View` walked byte by byte cost more than the parsing.
        var text = raw
        return text.withUTF8 { parse(utf8: $0) }
    }

    private func parse(utf8: UnsafeBufferPointer<UInt8>) -> Outcome {
        var bytes = utf8[...]
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        while let f = bytes.first, isSpace(f) { bytes = bytes.dropFirst() }
        while let l = bytes.last, isSpace(l) { bytes = bytes.dropLast() }
        if bytes.isEmpty || (bytes.count == 1 && bytes.first == UInt8(ascii: "-")) { return .empty }
        var negative = false
        if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        else if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        if bytes.first == UInt8(ascii: "("), bytes.last == UInt8(ascii: ")") { negative = true; bytes = bytes.dropFirst().dropLast() }
        var value: Int64 = 0
        var digits = 0
        var inFraction = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let b = bytes[index]
            bytes.formIndex(after: &index)
            if b >= 0x30 && b <= 0x39 {
                if inFraction {
                    if b != 0x30 { return .invalid }
                    continue
                }
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(b - 0x30))
                if o1 || o2 { return .invalid }
                value = s
                digits += 1
            } else if b == decimalByte && !inFraction && digits > 0 {
                inFraction = true
            } else if let t = thousandsByte, b == t, !inFraction, digits > 0 {
                continue
            } else if b == 0x20 {
                continue
            } else if b == 0xC2, index < bytes.endIndex, bytes[index] == 0xA0 {   // no-break space
                bytes.formIndex(after: &index)
            } else {
                return .invalid
            }
        }
        if digits == 0 { return .invalid }
        return .value(negative ? -value : value)
    }
}

/// Reads the date of a line: `dd/MM/yyyy`, `d/M/yyyy H:mm:ss`, `dd-MM-yyyy`, `yyyy-MM-dd`, or a spreadsheet
/// serial day number.
struct StatementDate {
    let order: StatementFormat.DateOrder

    func parse(_ raw: String) -> LocalDate? {
        var text = raw
        return text.withUTF8(parse(utf8:))
    }

    /// Read on the contiguous bytes with the three groups in local variables: an array of groups allocated per
    /// date cell was a twentieth of reading a CSV export.
    private func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        // Three groups of digits separated by / - or ., read from the bytes up to a space or `T` (a time).
        var values = (0, 0, 0), counts = (0, 0, 0)
        var group = 0, value = 0, digits = 0
        func close() {
            switch group {
            case 0: (values.0, counts.0) = (value, digits)
            case 1: (values.1, counts.1) = (value, digits)
            default: (values.2, counts.2) = (value, digits)
            }
        }
        for b in bytes {
            if b == 0x20 || b == UInt8(ascii: "T") { break }
            if b >= 0x30 && b <= 0x39 {
                guard digits < 4 else { return nil }
                value = value * 10 + Int(b - 0x30)
                digits += 1
            } else if b == UInt8(ascii: "/") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") {
                guard group < 2, digits > 0 else { return nil }
                close()
                group += 1
                value = 0
                digits = 0
            } else {
                return nil
            }
        }
        close()
        if group == 0, counts.0 == 5, (20_000...80_000).contains(values.0) {
            return Timestamp(secondsSince1970: (Int64(values.0) - 25_569) * 86_400).vietnamDate
        }
        guard group == 2, counts.0 > 0, counts.1 > 0, counts.2 > 0 else { return nil }
        if counts.0 == 4 { return LocalDate(year: values.0, month: values.1, day: values.2) }
        switch order {
        case .dmy:
            guard counts.2 == 4, counts.0 <= 2, counts.1 <= 2 else { return nil }
            return LocalDate(year: values.2, month: values.1, day: values.0)
        case .ymd: return nil
        }
    }
}
