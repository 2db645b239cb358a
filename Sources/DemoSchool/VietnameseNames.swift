/// Names as they appear on a Đắk Song roster: mostly Kinh names (family, middle, given), and M'nông and
/// Ê Đê names that do not follow that pattern (`Y`/`H'` prefixes, the Ê Đê family name last, `Điểu`).
enum VietnameseNames {
    /// Weighted roughly by how common each family name is.
    static let kinhFamilies = ["Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng",
                               "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương"]
    static let maleMiddles = ["Văn", "Đức", "Minh", "Quốc", "Gia", "Hoàng", "Thành", "Hữu", "Anh", "Bảo", "Trung", "Đăng"]
    static let femaleMiddles = ["Thị", "Ngọc", "Thu", "Thanh", "Khánh", "Bảo", "Minh", "Phương", "Mai", "Hoài", "Thị"]
    static let maleGiven = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Khang", "Khoa", "Long", "Minh",
                            "Nam", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Trí", "Tuấn", "Việt", "Vinh", "Huy", "Kiên",
                            "Lâm", "Nghĩa", "Phát", "Duy", "Đức", "Thịnh"]
    static let femaleGiven = ["Anh", "Châu", "Diệp", "Giang", "Hà", "Hân", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Ly",
                              "Mai", "My", "Ngân", "Nhi", "Như", "Oanh", "Phương", "Quỳnh", "Thảo", "Trang", "Trâm",
                              "Uyên", "Vy", "Yến", "Ánh", "Ngọc", "Thư", "Nguyệt"]
    static let edeFamilies = ["Niê", "Êban", "Byă", "Mlô", "Ksor", "Adrơng", "Hwing"]
    static let ethnicGiven = ["Sơn", "Bla", "Linh", "Rin", "Thuận", "Nga", "Khoa", "Thái", "Dơng", "Ngơn", "Prông", "Mai"]

    struct Person {
        let fullName: String
        let family: String
        let isFemale: Bool
    }

    static func child<G: RandomNumberGenerator>(family: String?, using rng: inout G) -> Person {
        let isFemale = Bool.random(using: &rng)
        let roll = Int.random(in: 0..<100, using: &rng)
        if family == nil && roll < 8 {
            // Ê Đê: Y (boys) / H' (girls) + given name, family name last.
            let fam = edeFamilies.randomElement(using: &rng)!
            let given = ethnicGiven.randomElement(using: &rng)!
            return Person(fullName: isFemale ? "H'\(given) \(fam)" : "Y \(given) \(fam)", family: fam, isFemale: isFemale)
        }
        if family == nil && roll < 14 {
            // M'nông: Điểu (and Thị for girls) before the given name; some use K'.
            let given = ethnicGiven.randomElement(using: &rng)!
            let name = isFemale ? "Thị \(given)" : (Bool.random(using: &rng) ? "Điểu \(given)" : "K'\(given)")
            return Person(fullName: name, family: isFemale ? "Thị" : "Điểu", isFemale: isFemale)
        }
        let fam = family ?? kinhFamilies.randomElement(using: &rng)!
        let middle = (isFemale ? femaleMiddles : maleMiddles).randomElement(using: &rng)!
        let given = (isFemale ? femaleGiven : maleGiven).randomElement(using: &rng)!
        return Person(fullName: "\(fam) \(middle) \(given)", family: fam, isFemale: isFemale)
    }

    static func guardian<G: RandomNumberGenerator>(childFamily: String, using rng: inout G) -> String {
        if Bool.random(using: &rng), kinhFamilies.contains(childFamily) {
            return "\(childFamily) \(maleMiddles.randomElement(using: &rng)!) \(maleGiven.randomElement(using: &rng)!)"
        }
        let family = kinhFamilies.contains(childFamily) ? kinhFamilies.randomElement(using: &rng)! : childFamily
        if family == "Thị" || family == "Điểu" { return "Điểu Thị \(ethnicGiven.randomElement(using: &rng)!)" }
        if edeFamilies.contains(family) { return "H'\(ethnicGiven.randomElement(using: &rng)!) \(family)" }
        return "\(family) Thị \(femaleGiven.randomElement(using: &rng)!)"
    }
}
