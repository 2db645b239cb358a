import LedgerCore
import VietnameseText

/// The invoices and pupils reconciliation decides against, kept in memory and updated as lines are allocated,
/// so one run makes consistent decisions line after line (instalments accumulate, a paid invoice stops
/// attracting payments).
///
/// It is built for a district: a million invoices and a million pupils take about 100 MB. Invoices are
/// fixed-size slots in serial order; payment codes and folded names are sorted integer keys searched by
/// bisection; names and classes are stored once each, and invoice numbers are derived from month and serial. Nothing here is a per-invoice object, so
/// loading is a few array appends per row and no hash table of a million strings is ever built.
public struct ReconciliationBook: Sendable {
    /// One invoice as matching sees it: 32 bytes.
    struct Slot: Sendable {
        var due: Int64
        var paid: Int64
        /// Below 31⁵ (every invoice has a payment code), so 32 bits hold it.
        var serial: Int32
        var student: Int32
        /// `year · 12 + month − 1`: ordered like the months.
        var period: Int32
        var isVoid: Bool

        static func packed(_ month: YearMonth) -> Int32 { Int32(month.year * 12 + month.month - 1) }
        var yearMonth: YearMonth { YearMonth(year: Int(period / 12), month: Int(period % 12) + 1)! }

        var remaining: Int64 { paid >= due ? 0 : due - paid }
        var isOpen: Bool { !isVoid && paid < due }
        var status: InvoiceStatus { InvoiceStatus(due: Money(dong: due), paid: Money(dong: paid), isVoid: isVoid) }
    }

    /// Invoices in serial order (a slot's index is its place here).
    private(set) var slots: [Slot] = []
    /// Slots whose amount paid this run changed, one bit each: their new state is written once, at the end
    /// and in serial order, instead of a random-access update of the invoice table per allocation.
    private var touched: [UInt64] = []
    /// Invoice numbers are `Invoice.number(period:serial:)`, derived when asked; one stored otherwise (a
    /// ledger written by another version) is kept here.
    private var unusualNumbers: [Int32: String] = [:]
    /// `PaymentCode.packed` of every invoice, ascending, and the slot each belongs to.
    private var codeKeys: [UInt64] = []
    private var codeSlots: [Int32] = []

    /// Pupils in code order (a pupil's index is its place here).
    private(set) var studentCodes: [StudentCode] = []
    private var studentClasses: [UInt16] = []
    private var classNames: [ClassName] = []
    /// Full names with diacritics, one after another in UTF-8: pupil i's is `nameBytes[nameStarts[i]..<nameStarts[i+1]]`.
    private var nameBytes: [UInt8] = []
    private var nameStarts: [Int32] = [0]
    /// Each pupil's invoices, oldest period first: pupil i's slots are `invoiceList[invoiceStarts[i]..<invoiceStarts[i+1]]`.
    private var invoiceStarts: [Int32] = []
    private var invoiceList: [Int32] = []
    /// Hash of each pupil's folded name ("NGUYEN VAN AN"), ascending, and whose it is. A hit is confirmed
    /// against the name itself, so a hash collision can never name the wrong child.
    private var nameHashes: [UInt64] = []
    private var nameOwners: [Int32] = []
    private var longestNameWords = 1

    /// Payer accounts seen on confirmed matches → the pupils they paid for.
    private var payerAccounts: [String: Set<StudentCode>]
    /// What each family holds in credit (3383) from over-payments, in đồng: what a refund may pay back.
    private var familyCredits: [StudentCode: Int64]

    /// A book from whole values (tests, small ledgers).
    public init(invoices: [Invoice], students: [Student], payerAccounts: [String: Set<StudentCode>],
                familyCredits: [StudentCode: Int64] = [:]) {
        var builder = Builder()
        for student in students.sorted(by: { $0.code < $1.code }) { try! builder.add(student.code, student.fullName, student.className) }
        for invoice in invoices.sorted(by: { $0.serial < $1.serial }) { try! builder.add(InvoiceBalance(invoice)) }
        self = builder.finish(payerAccounts: payerAccounts, familyCredits: familyCredits)
    }

    private init(payerAccounts: [String: Set<StudentCode>], familyCredits: [StudentCode: Int64]) {
        self.payerAccounts = payerAccounts
        self.familyCredits = familyCredits
    }

    /// Reads the book from a store (or from a store's transaction), streaming: only the compact index is kept.
    public static func load(from source: any ReconciliationSource) throws -> ReconciliationBook {
        var builder = Builder()
        try source.forEachPupilName { try builder.add($0, $1, $2) }
        try source.forEachInvoiceBalance { try builder.add($0) }
        var payers: [String: Set<StudentCode>] = [:]
        try source.forEachConfirmedPayer { account, student in
            if !account.isEmpty { payers[account, default: []].insert(student) }
        }
        var credits: [StudentCode: Int64] = [:]
        for (account, balance) in try source.creditBalances(root: "3383") {
            if let code = StudentCode(String(account.dropFirst("3383.".count))) { credits[code] = balance }
        }
        return builder.finish(payerAccounts: payers, familyCredits: credits)
    }

    /// A store handed rows the book cannot index.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Collects rows as they stream in, then sorts the keys once.
    struct Builder {
        var book = ReconciliationBook(payerAccounts: [:], familyCredits: [:])
        var classIndex: [ClassName: UInt16] = [:]
        var codes: [(key: UInt64, slot: Int32)] = []
        var names: [(hash: UInt64, owner: Int32)] = []

        mutating func add(_ code: StudentCode, _ fullName: String, _ className: ClassName) throws {
            if let last = book.studentCodes.last, !(last < code) {
                throw LoadError(description: "pupils must come in ascending code order (\(last) then \(code))")
            }
            let index = Int32(book.studentCodes.count)
            book.studentCodes.append(code)
            if classIndex[className] == nil {
                guard book.classNames.count < Int(UInt16.max) else { throw LoadError(description: "more than 65,535 classes") }
                classIndex[className] = UInt16(book.classNames.count)
                book.classNames.append(className)
            }
            book.studentClasses.append(classIndex[className]!)
            book.nameBytes.append(contentsOf: fullName.utf8)
            book.nameStarts.append(Int32(book.nameBytes.count))
            let key = ReconciliationBook.nameKey(fullName)
            names.append((NameHash.of(key), index))
            book.longestNameWords = max(book.longestNameWords, key.utf8.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) })
        }

        mutating func add(_ invoice: InvoiceBalance) throws {
            guard let student = book.studentIndex(invoice.studentCode) else {
                throw LoadError(description: "invoice \(invoice.number) is for pupil \(invoice.studentCode), who is not on the roster")
            }
            if let last = book.slots.last, Int64(last.serial) >= invoice.serial {
                throw LoadError(description: "invoices must come in ascending serial order (\(last.serial) then \(invoice.serial))")
            }
            guard invoice.serial > 0, invoice.serial < PaymentCode.capacity else {
                throw LoadError(description: "invoice \(invoice.number) has serial \(invoice.serial), outside the payment-code space")
            }
            let slot = Int32(book.slots.count)
            codes.append((invoice.paymentCode.packed, slot))
            book.slots.append(Slot(due: invoice.amountDue.dong, paid: invoice.amountPaid.dong, serial: Int32(invoice.serial),
                                   student: student, period: Slot.packed(invoice.period), isVoid: invoice.isVoid))
            if invoice.number != Invoice.number(period: invoice.period, serial: invoice.serial) {
                book.unusualNumbers[slot] = invoice.number
            }
        }

        consuming func finish(payerAccounts: [String: Set<StudentCode>], familyCredits: [StudentCode: Int64]) -> ReconciliationBook {
            book.payerAccounts = payerAccounts
            book.familyCredits = familyCredits
            codes.sort { $0.key < $1.key }
            book.codeSlots = codes.map(\.slot)
            book.codeKeys = codes.map(\.key)
            codes = []
            names.sort { ($0.hash, $0.owner) < ($1.hash, $1.owner) }
            book.nameOwners = names.map(\.owner)
            book.nameHashes = names.map(\.hash)
            names = []
            // Each pupil's invoices, grouped by counting (no per-pupil arrays), then oldest period first.
            var starts = [Int32](repeating: 0, count: book.studentCodes.count + 1)
            for slot in book.slots { starts[Int(slot.student) + 1] += 1 }
            for index in 1..<starts.count { starts[index] += starts[index - 1] }
            var next = starts
            var list = [Int32](repeating: 0, count: book.slots.count)
            for (index, slot) in book.slots.enumerated() {
                list[Int(next[Int(slot.student)])] = Int32(index)
                next[Int(slot.student)] += 1
            }
            let slots = book.slots
            for student in 0..<book.studentCodes.count where starts[student + 1] - starts[student] > 1 {
                list[Int(starts[student])..<Int(starts[student + 1])].sort {
                    (slots[Int($0)].period, slots[Int($0)].serial) < (slots[Int($1)].period, slots[Int($1)].serial)
                }
            }
            book.invoiceStarts = starts
            book.invoiceList = list
            return book
        }
    }

    // MARK: Lookups

    /// "Nguyễn  Văn-An" → "NGUYEN VAN AN": folded to ASCII, upper case, letters and digits only, words joined
    /// by one space. (On the folded bytes: a million names are keyed at every load.)
    static func nameKey(_ name: String) -> String {
        let folded = BankASCII.fold(name)
        var key: [UInt8] = []
        key.reserveCapacity(folded.utf8.count)
        var gap = false
        for byte in folded.utf8 {
            let kept: UInt8
            switch byte {
            case 0x61...0x7A: kept = byte - 0x20
            case 0x41...0x5A, 0x30...0x39: kept = byte
            default:
                gap = !key.isEmpty
                continue
            }
            if gap { key.append(0x20); gap = false }
            key.append(kept)
        }
        return String(decoding: key, as: UTF8.self)
    }

    func studentIndex(_ code: StudentCode) -> Int32? {
        var low = 0, high = studentCodes.count
        while low < high {
            let mid = (low + high) / 2
            if studentCodes[mid] < code { low = mid + 1 } else { high = mid }
        }
        return low < studentCodes.count && studentCodes[low] == code ? Int32(low) : nil
    }

    /// The slot of the invoice with this payment code, if any.
    func slot(forCode code: PaymentCode) -> Int32? {
        let key = code.packed
        var low = 0, high = codeKeys.count
        while low < high {
            let mid = (low + high) / 2
            if codeKeys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < codeKeys.count && codeKeys[low] == key ? codeSlots[low] : nil
    }

    /// The slot of invoice `number`: its serial is read from the number and found by bisection, then the
    /// number itself is compared, so an unusual number can only be slower to find, never mistaken.
    func slot(forNumber number: String) -> Int32? {
        if let dash = number.lastIndex(of: "-"), let serial = Int32(number[number.index(after: dash)...]) {
            var low = 0, high = slots.count
            while low < high {
                let mid = (low + high) / 2
                if slots[mid].serial < serial { low = mid + 1 } else { high = mid }
            }
            if low < slots.count, slots[low].serial == serial, self.number(Int32(low)) == number { return Int32(low) }
        }
        return unusualNumbers.first { $0.value == number }?.key
    }

    func number(_ slot: Int32) -> String {
        unusualNumbers[slot] ?? Invoice.number(period: slots[Int(slot)].yearMonth, serial: Int64(slots[Int(slot)].serial))
    }
    func studentCode(ofSlot slot: Int32) -> StudentCode { studentCodes[Int(slots[Int(slot)].student)] }
    func fullName(_ student: Int32) -> String {
        String(decoding: nameBytes[Int(nameStarts[Int(student)])..<Int(nameStarts[Int(student) + 1])], as: UTF8.self)
    }
    func className(_ student: Int32) -> ClassName { classNames[Int(studentClasses[Int(student)])] }
    func fullName(ofSlot slot: Int32) -> String { fullName(slots[Int(slot)].student) }

    /// The open invoices of pupil `student`, oldest period first.
    func openSlots(of student: Int32) -> [Int32] {
        invoiceList[Int(invoiceStarts[Int(student)])..<Int(invoiceStarts[Int(student) + 1])].filter { slots[Int($0)].isOpen }
    }

    /// Every pupil whose folded full name equals `key` (several when namesakes).
    func students(named key: String) -> [Int32] { students(named: key, hash: NameHash.of(key)) }

    /// Whether some pupil's folded name may hash to `hash` (a cheap test before the key is even built).
    func mayBeName(_ hash: UInt64) -> Bool {
        let low = firstNameEntry(hash)
        return low < nameHashes.count && nameHashes[low] == hash
    }

    private func firstNameEntry(_ hash: UInt64) -> Int {
        var low = 0, high = nameHashes.count
        while low < high {
            let mid = (low + high) / 2
            if nameHashes[mid] < hash { low = mid + 1 } else { high = mid }
        }
        return low
    }

    func students(named key: String, hash: UInt64, atMost: Int = .max) -> [Int32] {
        var found: [Int32] = []
        var index = firstNameEntry(hash)
        // Namesakes are usually written identically: a name byte-equal to one already confirmed is confirmed
        // without folding it again (a common name may be shared by hundreds of pupils in a district).
        var confirmed: Range<Int>?
        while index < nameHashes.count, nameHashes[index] == hash {
            let owner = nameOwners[index]
            let range = Int(nameStarts[Int(owner)])..<Int(nameStarts[Int(owner) + 1])
            if let confirmed, nameBytes[range].elementsEqual(nameBytes[confirmed]) {
                found.append(owner)
            } else if Self.nameKey(fullName(owner)) == key {
                found.append(owner)
                confirmed = range
            }
            if found.count > atMost { break }
            index += 1
        }
        return found
    }

    var longestName: Int { longestNameWords }
    func payers(of account: String) -> Set<StudentCode>? { payerAccounts[account] }

    public func hasStudent(_ code: StudentCode) -> Bool { studentIndex(code) != nil }

    /// What the family of `code` holds in credit (3383), as this run has left it.
    public func familyCredit(of code: StudentCode) -> Int64 { familyCredits[code] ?? 0 }

    /// The one rule for paying money back, automatic or by hand: never more than the family holds.
    public func canRefund(_ amount: Money, to code: StudentCode) -> Bool { familyCredit(of: code) >= amount.dong }

    /// An invoice as this run has left it: what was paid and what remains.
    public struct InvoiceState: Sendable, Hashable {
        public let number: String
        public let studentCode: StudentCode
        public let amountDue: Money
        public let amountPaid: Money
        public let isVoid: Bool
        public var remaining: Money { Invoice.remaining(due: amountDue, paid: amountPaid) }
        public var status: InvoiceStatus { InvoiceStatus(due: amountDue, paid: amountPaid, isVoid: isVoid) }
        public var isSettled: Bool { status.isSettled }
        let slot: Int32
    }

    public func invoice(_ number: String) -> InvoiceState? { slot(forNumber: number).map(state(of:)) }

    func state(of slot: Int32) -> InvoiceState {
        let s = slots[Int(slot)]
        return InvoiceState(number: number(slot), studentCode: studentCodes[Int(s.student)], amountDue: Money(dong: s.due),
                            amountPaid: Money(dong: s.paid), isVoid: s.isVoid, slot: slot)
    }

    // MARK: Changes made by this run

    /// Records an allocation in memory, so later lines see the invoice's new remaining amount.
    mutating func apply(_ shares: [MatchDecision.Share], refund: Bool = false) throws {
        for share in shares {
            if share.invoiceNumber == nil {
                let (credit, overflow) = familyCredit(of: share.studentCode)
                    .addingReportingOverflow(refund ? -share.amount.dong : share.amount.dong)
                guard !overflow else { throw MoneyError.overflow("family credit of \(share.studentCode)") }
                familyCredits[share.studentCode] = credit
                continue
            }
            guard let number = share.invoiceNumber, let slot = share.slot >= 0 ? share.slot : slot(forNumber: number) else { continue }
            let (paid, overflow) = slots[Int(slot)].paid.addingReportingOverflow(share.amount.dong)
            guard !overflow else { throw MoneyError.overflow("amount paid on \(number)") }
            slots[Int(slot)].paid = paid
            touch(slot)
        }
    }

    /// Takes an undone allocation off an invoice (unmatch).
    mutating func reverse(_ amount: Money, onInvoice number: String) -> InvoiceState? {
        guard let slot = slot(forNumber: number) else { return nil }
        slots[Int(slot)].paid -= amount.dong
        touch(slot)
        return state(of: slot)
    }

    private mutating func touch(_ slot: Int32) {
        if touched.isEmpty { touched = [UInt64](repeating: 0, count: (slots.count + 63) / 64) }
        touched[Int(slot) / 64] |= 1 << UInt64(Int(slot) % 64)
    }

    /// The slots whose amount paid changed since the last call, in serial order.
    mutating func takeChangedSlots() -> [Int32] {
        var changed: [Int32] = []
        for (word, bits) in touched.enumerated() where bits != 0 {
            for bit in 0..<64 where bits & (1 << UInt64(bit)) != 0 { changed.append(Int32(word * 64 + bit)) }
        }
        touched = []
        return changed
    }

    mutating func learn(payerAccount: String?, student: StudentCode) {
        guard let account = payerAccount, !account.isEmpty else { return }
        payerAccounts[account, default: []].insert(student)
    }
}

/// FNV-1a, 64 bits, over UTF-8: a stable hash (Swift's `Hasher` is seeded per process) for the name index.
enum NameHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    static func of(_ text: String) -> UInt64 { adding(text.utf8, to: seed) }

    /// Continues `hash` over more bytes: the hash of "NGUYEN VAN" extended by " AN" is the hash of "NGUYEN VAN AN".
    @inline(__always)
    static func adding<Bytes: Sequence<UInt8>>(_ bytes: Bytes, to hash: UInt64) -> UInt64 {
        var hash = hash
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
