/// RFC 4180 CSV as the contract asks: a header row, comma-separated, `\n` line ends, and a field quoted only
/// when it holds a comma, a quote or a line break (quotes doubled inside). In the core so every front end —
/// the command line, the web application — writes the same bytes.
public enum CSVText {
    public static func render(header: [String], rows: [[String]]) -> String {
        var out = line(header)
        for row in rows { out += line(row) }
        return out
    }

    public static func line(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",") + "\n"
    }

    public static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        var quoted = "\""
        for character in value {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }
}
