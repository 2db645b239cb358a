import LedgerCore

/// Reads an amount the way one format writes it (`1,000,000`, `400.000,00`, `+50,000`), refusing anything
/// with a non-zero fraction of a đồng or stray characters: a format's separators are fixed per bank, never
/// guessed per cell.
struct StatementNumber {
    let thousands: Character?
    let decimal: Character

    init(format: StatementFormat) {
        thousands = format.thousandsSeparator.first
        decimal = format.decimalSeparator.first ?? "."
    }

    enum Outcome { case empty, value(Int64), invalid }

    func parse(_ raw: String) -> Outcome {
        var text = Substring(raw)
        while let f = text.first, f.isWhitespace { text.removeFirst() }
        while let l = text.last, l.isWhitespace { text.removeLast() }
        if text.isEmpty || text == "-" { return .empty }
        var negative = false
        if text.first == "+" { text.removeFirst() } else if text.first == "-" { negative = true; text.removeFirst() }
        if text.hasPrefix("("), text.hasSuffix(")") { negative = true; text = text.dropFirst().dropLast() }
        var value: Int64 = 0
        var digits = 0
        var inFraction = false
        for c in text {
            if let d = c.wholeNumberValue, c.isASCII {
                if inFraction {
                    if d != 0 { return .invalid }
                    continue
                }
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int64(d))
                if o1 || o2 { return .invalid }
                value = s
                digits += 1
            } else if c == decimal && !inFraction && digits > 0 {
                inFraction = true
            } else if let t = thousands, c == t, !inFraction, digits > 0 {
                continue
            } else if c == " " || c == "\u{00A0}" {
                continue
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
        let text = raw.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? ""
        if text.count == 5, let serial = Int64(text), (20_000...80_000).contains(serial) {
            return Timestamp(secondsSince1970: (serial - 25_569) * 86_400).vietnamDate
        }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        if parts[0].count == 4 { return LocalDate(year: a, month: b, day: c) }
        switch order {
        case .dmy: return parts[2].count == 4 ? LocalDate(year: c, month: b, day: a) : nil
        case .ymd: return nil
        }
    }
}
