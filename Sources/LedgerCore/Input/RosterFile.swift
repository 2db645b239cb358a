import VietnameseText

/// Reads a roster (danh sách học sinh) from a table into pupils, refusing the whole file at the first bad row.
public enum RosterFile {
    public static let columns: [ColumnSpec] = [
        ColumnSpec("student_code", aliases: ["Mã học sinh", "Mã HS", "Mã định danh", "Mã định danh học sinh", "Mã số học sinh", "student code", "code"], required: true),
        ColumnSpec("full_name", aliases: ["Họ và tên", "Họ tên", "Họ tên học sinh", "Tên học sinh", "full name", "name"], required: true),
        ColumnSpec("class", aliases: ["Lớp", "Tên lớp", "class name"], required: true),
        ColumnSpec("date_of_birth", aliases: ["Ngày sinh", "Ngày tháng năm sinh", "date of birth", "dob"], required: false),
        ColumnSpec("guardian_name", aliases: ["Phụ huynh", "Họ tên phụ huynh", "Tên phụ huynh", "Người giám hộ", "Họ tên cha mẹ", "guardian"], required: false),
        ColumnSpec("guardian_phone", aliases: ["Số điện thoại", "SĐT", "Điện thoại", "SĐT phụ huynh", "Điện thoại phụ huynh", "Số điện thoại phụ huynh", "phone"], required: false),
    ]

    public static func read(_ table: InputTable) throws(InputError) -> [Student] {
        try readWithColumns(table).students
    }

    /// The pupils and which of the optional columns the file has: a column the file does not have says
    /// nothing about a pupil, so an import must keep what it knew (`Student.merging`).
    public static func readWithColumns(_ table: InputTable) throws(InputError) -> (students: [Student], optionalColumns: Set<String>) {
        let map = try ColumnMap(table: table, columns: columns)
        var problems = ProblemList(fileName: table.fileName)
        var students: [Student] = []
        var firstRowOfCode: [StudentCode: Int] = [:]
        for row in table.rows where row.number > map.headerRow {
            let rawCode = map.value("student_code", in: row)
            let rawName = map.value("full_name", in: row)
            let rawClass = map.value("class", in: row)
            if rawCode.isEmpty && rawName.isEmpty && rawClass.isEmpty { continue }
            guard let code = StudentCode(rawCode) else {
                problems.add(row: row.number, column: map.header("student_code"),
                             rawCode.isEmpty ? "the student code is empty" : "\"\(rawCode)\" is not a student code (letters and digits, at most 20)")
                continue
            }
            if let earlier = firstRowOfCode[code] {
                problems.add(row: row.number, column: map.header("student_code"), "student \(code) is already on row \(earlier)")
                continue
            }
            firstRowOfCode[code] = row.number
            let name = VietnameseNormalization.cleanName(rawName)
            if name.isEmpty { problems.add(row: row.number, column: map.header("full_name"), "the name is empty"); continue }
            if name.count > 100 { problems.add(row: row.number, column: map.header("full_name"), "the name is longer than 100 characters"); continue }
            guard let className = ClassName(rawClass) else {
                problems.add(row: row.number, column: map.header("class"),
                             rawClass.isEmpty ? "the class is empty" : "\"\(rawClass)\" is not a class like 3A")
                continue
            }
            var student = Student(code: code, fullName: name, className: className)
            let rawDate = map.value("date_of_birth", in: row)
            if !rawDate.isEmpty {
                guard let date = LocalDate(rawDate) ?? excelSerialDate(rawDate) else {
                    problems.add(row: row.number, column: map.header("date_of_birth"), "\"\(rawDate)\" is not a date (dd/MM/yyyy or YYYY-MM-DD)")
                    continue
                }
                student.dateOfBirth = date
            }
            let guardian = VietnameseNormalization.cleanName(map.value("guardian_name", in: row))
            student.guardianName = guardian.isEmpty ? nil : guardian
            let rawPhone = map.value("guardian_phone", in: row)
            if !rawPhone.isEmpty {
                guard let phone = PhoneNumber(rawPhone) else {
                    problems.add(row: row.number, column: map.header("guardian_phone"), "\"\(rawPhone)\" is not a Vietnamese phone number (10 digits starting with 0)")
                    continue
                }
                student.guardianPhone = phone
            }
            students.append(student)
        }
        try problems.throwIfAny()
        if students.isEmpty {
            throw InputError(fileName: table.fileName, row: map.headerRow, reason: "no pupils below the header row")
        }
        let optional = Set(["date_of_birth", "guardian_name", "guardian_phone"].filter(map.has))
        return (students, optional)
    }

    /// Spreadsheets often store dates as serial day numbers (days since 1899-12-30).
    static func excelSerialDate(_ text: String) -> LocalDate? {
        guard text.count == 5, let serial = Int64(text), (10_000...80_000).contains(serial) else { return nil }
        let seconds = (serial - 25_569) * 86_400
        let date = Timestamp(secondsSince1970: seconds)
        let iso = date.description
        return LocalDate(String(iso.prefix(10)))
    }
}
