/// A report as a plain table: what every renderer (terminal, CSV, JSON, XLSX, PDF) draws, so the figures are
/// computed once, in the core, and every format shows the same numbers.
public struct ReportTable: Sendable, Hashable, Codable {
    /// Vietnamese title, e.g. "Báo cáo thu theo lớp".
    public var title: String
    /// Lines under the title: the school, the period, "Số liệu đến ngày 31/10/2025", generated-at.
    public var subtitle: [String]
    public var columns: [ReportColumn]
    public var rows: [[ReportCell]]
    /// A final totals row (same width as `columns`), drawn emphasised; `nil` when totals make no sense.
    public var totals: [ReportCell]?

    public init(title: String, subtitle: [String] = [], columns: [ReportColumn], rows: [[ReportCell]],
                totals: [ReportCell]? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.columns = columns
        self.rows = rows
        self.totals = totals
    }
}

/// A column: a stable ASCII key (CSV/JSON header) and a person's heading (Vietnamese), with the kind of
/// value it holds so renderers can align and format it (money right-aligned with `1.250.000`, numbers as
/// numbers in XLSX).
public struct ReportColumn: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case text, money, count, date
    }

    public var key: String
    public var heading: String
    public var kind: Kind

    public init(_ key: String, _ heading: String, _ kind: Kind = .text) {
        self.key = key
        self.heading = heading
        self.kind = kind
    }
}

/// One cell. Money is whole đồng; renderers never reformat it through floating point.
public enum ReportCell: Sendable, Hashable, Codable {
    case text(String)
    case money(Money)
    case count(Int64)
    case date(LocalDate)
    case empty

    /// Plain text as a CSV cell or a terminal shows it: money and counts as digits, dates ISO.
    public var plain: String {
        switch self {
        case .text(let text): text
        case .money(let money): String(money.dong)
        case .count(let count): String(count)
        case .date(let date): date.description
        case .empty: ""
        }
    }

    /// Text as a person reads it: `1.250.000` for money, `dd/MM/yyyy` for dates.
    public var display: String {
        switch self {
        case .text(let text): text
        case .money(let money): Money.groupThousands(money.dong)
        case .count(let count): String(count)
        case .date(let date): date.vietnamese
        case .empty: ""
        }
    }
}
