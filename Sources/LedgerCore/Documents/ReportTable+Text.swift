import Foundation

extension ReportTable {
    /// CSV: a header of the column keys, then the rows; the totals row last, its first cell `TOTAL`.
    public var csvText: String {
        var rows = self.rows.map { $0.map(\.plain) }
        if let totals {
            var cells = totals.map(\.plain)
            if !cells.isEmpty { cells[0] = "TOTAL" }
            rows.append(cells)
        }
        return CSVText.render(header: columns.map(\.key), rows: rows)
    }

    /// JSON: `{title, subtitle, rows: [{key: value}], totals: {key: value}}`; money and counts as integers,
    /// dates ISO, empty cells null. Keys sorted, so the same report gives the same bytes.
    public func jsonText() throws -> String {
        func object(_ cells: [ReportCell]) -> [String: ReportJSONValue] {
            var object: [String: ReportJSONValue] = [:]
            for (column, cell) in zip(columns, cells) {
                switch cell {
                case .text(let text): object[column.key] = .string(text)
                case .money(let money): object[column.key] = .integer(money.dong)
                case .count(let count): object[column.key] = .integer(count)
                case .date(let date): object[column.key] = .string(date.description)
                case .empty: object[column.key] = .null
                }
            }
            return object
        }
        struct Document: Encodable {
            let title: String, subtitle: [String], rows: [[String: ReportJSONValue]], totals: [String: ReportJSONValue]?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Document(title: title, subtitle: subtitle, rows: rows.map(object), totals: totals.map(object)))
        return String(decoding: data, as: UTF8.self)
    }
}

/// A typed JSON value of a report cell.
enum ReportJSONValue: Encodable {
    case string(String), integer(Int64), null

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .integer(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}
