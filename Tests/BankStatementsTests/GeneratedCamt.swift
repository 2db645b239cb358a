/// Random but reproducible camt.053/054 documents that exercise XML's freedoms — namespace prefixes,
/// attributes in any order and either quote, entities and character references, CDATA, comments, processing
/// instructions, odd whitespace and `\r\n` line ends, empty elements — around entries that are credits or debits,
/// booked or pending, with or without their optional fields and with multi-line `Ustrd`.
struct GeneratedCamt {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    /// SplitMix64.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    private mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    private mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }

    /// Text in one of XML's spellings: plain, with entities and references, in CDATA, broken by a comment.
    private mutating func text(_ plain: String) -> String {
        switch below(6) {
        case 0: return plain + " &amp; &lt;b&gt; &quot;q&quot; &apos;a&apos;"
        case 1: return plain + " Tr&#x1EA7;n &#7909;y &#xe9;"
        case 2: return "<![CDATA[" + plain + " a < b & c > d]]>"
        case 3: return plain + "<!-- note -->" + " tail"
        case 4: return "  \n  " + plain + "\n   second line  "
        default: return plain + " Nguyễn Thị Hồng"
        }
    }

    /// One document: its text and, for the record, its seed's choices.
    mutating func document() -> String {
        let p = pick(["", "", "ns2:", "camt:"])
        let nl = pick(["\n", "\r\n", "", " \n\t"])
        let notification = chance(30)
        let root = notification ? "BkToCstmrDbtCdtNtfctn" : "BkToCstmrStmt"
        let report = notification ? "Ntfctn" : "Stmt"
        func tag(_ name: String, _ body: String) -> String { "<\(p)\(name)>\(body)</\(p)\(name) >" }
        func amount(_ value: String) -> String {
            switch below(4) {
            case 0: return "<\(p)Amt Ccy=\"VND\">\(value)</\(p)Amt>"
            case 1: return "<\(p)Amt  Ccy = 'VND' >\(value)</\(p)Amt>"
            case 2: return "<\(p)Amt xmlns:x=\"urn:x\" x:note='a &amp; b' Ccy=\"VND\">\(value)</\(p)Amt>"
            default: return "<\(p)Amt Ccy='VND'\nx=\"1\">\(value)</\(p)Amt>"
            }
        }
        var body = ""
        body += tag("Id", "S1") + nl
        body += tag("Acct", tag("Id", chance(50) ? tag("Othr", tag("Id", "1500201012345")) : tag("IBAN", "VN12BIDV0000012510000123456"))
                    + (chance(50) ? tag("Ccy", "VND") : "")) + nl
        if chance(50) { body += tag("FrToDt", tag("FrDtTm", "2024-09-01T00:00:00") + tag("ToDtTm", "2024-09-30T23:59:59")) + nl }
        if !notification {
            for code in ["OPBD", "CLBD"] where chance(80) {
                body += tag("Bal", tag("Tp", tag("CdOrPrtry", tag("Cd", code))) + amount("\(below(9_000_000) + 1000).00")
                            + tag("CdtDbtInd", pick(["CRDT", "DBIT"])) + tag("Dt", tag("Dt", "2024-09-10"))) + nl
            }
        }
        for n in 0..<(below(12) + 1) {
            var entry = amount(chance(50) ? "\(below(5_000_000) + 1)" : "\(below(5_000_000) + 1).00")
            let credit = chance(70)
            entry += tag("CdtDbtInd", credit ? "CRDT" : "DBIT")
            switch below(4) {
            case 0: entry += tag("Sts", tag("Cd", pick(["BOOK", "BOOK", "PDNG"])))
            case 1: entry += tag("Sts", pick(["BOOK", "INFO"]))
            case 2: entry += "<\(p)Sts>\(nl)BOOK\(nl)</\(p)Sts>"
            default: break
            }
            let day = 10 + below(18)
            entry += tag("BookgDt", chance(50) ? tag("Dt", "2024-09-\(day)") : tag("DtTm", "2024-09-\(day)T08:30:00+07:00"))
            if chance(60) { entry += tag("ValDt", tag("Dt", "2024-09-\(day)")) }
            if chance(60) { entry += tag("AcctSvcrRef", "REF\(n)") }
            if chance(40) { entry += tag("NtryRef", "N\(n)") }
            if chance(30) { entry += tag("AddtlNtryInf", text("entry info \(n)")) } else if chance(20) { entry += "<\(p)AddtlNtryInf/>" }
            var details = ""
            if chance(50) { details += tag("Refs", tag("AcctSvcrRef", "TX\(n)")) }
            if chance(70) {
                let party = credit ? "Dbtr" : "Cdtr"
                let name = chance(50) ? tag("Nm", text("NGUYEN VAN \(n)")) : tag("Pty", tag("Nm", text("LE THI \(n)")))
                details += tag("RltdPties", tag(party, name) + (chance(50) ? tag(party + "Acct", tag("Id", tag("Othr", tag("Id", "0181\(n)")))) : ""))
            }
            if chance(70) {
                details += tag("RmtInf", (0..<(below(3) + 1)).map { k in tag("Ustrd", text("HS7K3M2Q part \(k)")) }.joined(separator: nl))
            }
            if chance(30) { details += tag("AddtlTxInf", text("tx info")) }
            if !details.isEmpty { entry += tag("NtryDtls", nl + tag("TxDtls", details)) }
            if chance(15) { entry += "<?bank-note keep \(n)?>" }
            body += tag("Ntry", nl + entry + nl) + nl
        }
        let namespace = p.isEmpty ? "xmlns" : "xmlns:\(p.dropLast())"
        let declaration = pick(["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version='1.0'?>", "\u{FEFF}<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>", ""])
        return declaration + nl + "<!-- generated -->" + nl
            + "<\(p)Document \(namespace)=\"urn:iso:std:iso:20022:tech:xsd:camt.05\(notification ? 4 : 3).001.02\">" + nl
            + tag(root, nl + tag("GrpHdr", tag("MsgId", "M1")) + nl + tag(report, nl + body) + nl) + nl
            + "</\(p)Document>" + nl
    }
}
