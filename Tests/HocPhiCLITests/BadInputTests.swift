import Foundation
import Testing

/// Bad input is refused whole, with `file: row N: column "…": why`, exit status 1, and nothing written.
@Suite("Bad input changes nothing")
struct BadInputTests {
    static let goodRoster = """
        Mã học sinh,Họ và tên,Lớp,Ngày sinh,Số điện thoại
        067215000001,Nguyễn Văn An,1A,05/01/2019,0912345678
        067315000002,Trần Thị Bình,3A,2017-03-09,
        """

    func school() throws -> CLIHarness {
        let cli = try CLIHarness()
        #expect(cli.initSchool().status == 0)
        return cli
    }

    @Test("roster refusals name the file, row and column", arguments: [
        ("", "roster.csv: the file is empty"),
        ("Mã học sinh,Họ và tên,Lớp\n", "roster.csv: row 1: no pupils below the header row"),
        ("Mã học sinh,Họ và tên\n1,An\n", "roster.csv: row 1: column \"class\": missing column"),
        (goodRoster + "\n067215000001,Lê Văn Cường,2A,,\n", "roster.csv: row 4: column \"Mã học sinh\": student 067215000001 is already on row 2"),
        (goodRoster + "\n067215000009,Lê Văn Cường,2-A,,\n", "roster.csv: row 4: column \"Lớp\": \"2-A\" is not a class like 3A"),
        (goodRoster + "\n067215000009,Lê Văn Cường,2A,31/02/2018,\n", "roster.csv: row 4: column \"Ngày sinh\": \"31/02/2018\" is not a date"),
        (goodRoster + "\n067215000009,Lê Văn Cường,2A,,12345\n", "roster.csv: row 4: column \"Số điện thoại\": \"12345\" is not a Vietnamese phone number"),
        (goodRoster + "\n067215000009,,2A,,\n", "roster.csv: row 4: column \"Họ và tên\": the name is empty"),
        (goodRoster + "\n06721-5000009,Lê Văn Cường,2A,,\n", "roster.csv: row 4: column \"Mã học sinh\": \"06721-5000009\" is not a student code"),
    ])
    func rosterRefusals(text: String, message: String) throws {
        let cli = try school()
        let result = cli.run("students", "import", try cli.write("roster.csv", text))
        #expect(result.status == 1)
        #expect(result.err.hasPrefix(message), "\(result.err)")
        #expect(!result.err.dropLast().contains("\n"), "one line")
        #expect(cli.run("ledger", "verify").out.hasPrefix("OK 0 journal entries, 0 invoices, 1 audit records"), "nothing written")
    }

    @Test("a roster in an unreadable encoding is refused with the file's name")
    func wrongEncoding() throws {
        let cli = try school()
        let result = cli.run("students", "import", try cli.write("roster.csv", data: Data([0x4D, 0x61, 0x00, 0x81, 0xFF, 0x00])))
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("roster.csv: "))
    }

    @Test("fee refusals name the file, row and column", arguments: [
        ("TIENAN,Tiền ăn,12.5,all,monthly,,", "fees.csv: row 3: column \"amount\": \"12.5\" is not a whole number of đồng"),
        ("TIENAN,Tiền ăn,-550000,all,monthly,,", "fees.csv: row 3: column \"amount\": \"-550000\" is negative"),
        ("TIENAN,Tiền ăn,5500000000,all,monthly,,", "fees.csv: row 3: column \"amount\": 5.500.000.000 đ is more than 20.000.000 đ"),
        ("TIENAN,Tiền ăn,550000,class:3Z,monthly,,", "fees.csv: row 3: column \"applies_to\": class 3Z is not on the roster"),
        ("TIENAN,Tiền ăn,550000,grade:4,monthly,,", "fees.csv: row 3: column \"applies_to\": no class of grade 4 on the roster"),
        ("TIENAN,Tiền ăn,550000,all,weekly,,", "fees.csv: row 3: column \"period\": \"weekly\" is not monthly, term, yearly or once"),
        ("TIENAN,Tiền ăn,550000,all,once,,", "fees.csv: row 3: column \"due\": a fee billed once needs its month"),
    ])
    func feeRefusals(line: String, message: String) throws {
        let cli = try school()
        #expect(cli.run("students", "import", try cli.write("roster.csv", Self.goodRoster)).status == 0)
        let text = "fee_code,name,amount,applies_to,period,due,account\nBHYT,BHYT,683100,all,yearly,,3381\n\(line)\n"
        let result = cli.run("fees", "import", try cli.write("fees.csv", text))
        #expect(result.status == 1)
        #expect(result.err.hasPrefix(message), "\(result.err)")
        #expect(cli.run("invoices", "issue", "--period", "2025-09").err.contains("no fee items yet"), "no fee was written")
    }

    @Test("init refuses a second time, and refuses a BIN that is not a bank")
    func initRefusals() throws {
        let cli = try school()
        let again = cli.initSchool()
        #expect(again.status == 1 && again.err.contains("already belongs to Trường Tiểu học Kim Đồng"))
        let other = try CLIHarness()
        let unknown = other.run("init", "--school", "X", "--bank-bin", "999999", "--account", "1", "--account-name", "X")
        #expect(unknown.status == 1 && unknown.err.contains("999999 is not in the bank directory"))
    }

    @Test("usage errors exit 2; commands on a missing ledger exit 1 and create nothing")
    func usageAndMissingLedger() throws {
        let cli = try CLIHarness()
        #expect(cli.run("invoices", "issue", "--period", "2025-13").status == 2)
        #expect(cli.run("no-such-command").status == 2)
        let help = cli.run("statements", "import", "--help")
        #expect(help.status == 0 && help.out.contains("USAGE: hocphi statements import"))
        let missing = cli.run("ledger", "verify")
        #expect(missing.status == 1 && missing.err.contains("no ledger here"))
        #expect(!FileManager.default.fileExists(atPath: cli.db))
    }
}
