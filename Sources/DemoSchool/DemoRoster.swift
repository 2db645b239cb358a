/// A realistic roster for the demo school: classes 1A–5D, a few hundred pupils with Vietnamese names, national
/// identifiers of Đắk Nông (province code 067), dates of birth that fit their grade, guardians and phones, and
/// some brothers and sisters sharing a guardian (which reconciliation must handle).
public struct DemoRoster: Sendable {
    public static let header = ["Mã học sinh", "Họ và tên", "Lớp", "Ngày sinh", "Họ tên phụ huynh", "Số điện thoại"]

    /// The rows below the header, one per pupil.
    public let rows: [[String]]

    /// - Parameters:
    ///   - schoolYear: the calendar year the school year starts in (2025 for 2025–2026).
    ///   - classes: sections per grade (4 gives 1A–1D … 5A–5D).
    ///   - pupilsPerClass: the average class size.
    public init(seed: UInt64 = 2025, schoolYear: Int = 2025, grades: ClosedRange<Int> = 1...5, sections: Int = 4,
                pupilsPerClass: Int = 28) {
        var rng = SeededGenerator(seed: seed)
        var rows: [[String]] = []
        var usedCodes = Set<String>()
        var families: [(family: String, guardian: String, phone: String)] = []
        let letters = Array("ABCDEFGH")
        for grade in grades {
            for sectionIndex in 0..<sections {
                let className = "\(grade)\(letters[sectionIndex])"
                let size = pupilsPerClass + Int.random(in: -3...3, using: &rng)
                for _ in 0..<size {
                    // About one pupil in eight has a brother or sister already at the school.
                    let sibling = !families.isEmpty && Int.random(in: 0..<8, using: &rng) == 0
                        ? families.randomElement(using: &rng) : nil
                    let child = VietnameseNames.child(family: sibling?.family, using: &rng)
                    let birthYear = schoolYear - 5 - grade
                    let month = Int.random(in: 1...12, using: &rng)
                    let day = Int.random(in: 1...28, using: &rng)
                    var code: String
                    repeat {
                        let genderDigit = child.isFemale ? 3 : 2      // born 2000–2099: 2 male, 3 female
                        code = "067\(genderDigit)\(String(birthYear % 100))" + String(format6(Int.random(in: 0..<1_000_000, using: &rng)))
                    } while usedCodes.contains(code)
                    usedCodes.insert(code)
                    let family = sibling ?? (child.family,
                                             VietnameseNames.guardian(childFamily: child.family, using: &rng),
                                             phone(using: &rng))
                    if sibling == nil { families.append(family) }
                    rows.append([code, child.fullName, className, "\(pad(day))/\(pad(month))/\(birthYear)", family.guardian, family.phone])
                }
            }
        }
        self.rows = rows
    }

    public var allRows: [[String]] { [DemoRoster.header] + rows }
}

private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
private func format6(_ n: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: 6 - s.count) + s
}
private func phone<G: RandomNumberGenerator>(using rng: inout G) -> String {
    let prefixes = ["091", "094", "088", "096", "097", "098", "086", "032", "033", "034", "035", "036", "037", "038", "039", "070", "079", "077", "081", "082", "083", "084", "085"]
    return prefixes.randomElement(using: &rng)! + format7(Int.random(in: 0..<10_000_000, using: &rng))
}
private func format7(_ n: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: 7 - s.count) + s
}
