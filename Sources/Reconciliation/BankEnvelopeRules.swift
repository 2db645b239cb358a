/// The envelopes Vietnamese banks put around the payer's text, as data: an ordered list of named shapes.
///
/// Sources: `../shared/domain/bank-statements.md` (shapes seen on ~8,000 real credit lines of 2024 statements
/// from Vietcombank, VietinBank, BIDV and Agribank) and the public statement parsers that handle the same
/// files. Order matters: the first rule that fits is taken off, then the rest is looked at again, so a
/// specific shape must come before a more general one (`MBVCB.` before a bare account number).
///
/// To add a shape: add a rule here, and a line for it in `BankEnvelopeTests.shapes`.
extension BankEnvelope {
    public static let rules: [EnvelopeRule] = {
        typealias P = EnvelopePiece
        /// `Vietcombank:0011001932418:` — after a VCB/NAPAS reference, the beneficiary bank and account.
        let beneficiary: P = .optional([.spaces, .letters, .text(":"), .digits(6...20), .text(":")])
        /// `.CT tu 0181000000000 NGUYEN VAN A toi 0011000000000 <BENEFICIARY>` (often cut short).
        let ctTu: [P] = [.text(".CT tu"), .rest]
        return [
            // MARK: Vietcombank
            // MBVCB.6987845941.<payer>.CT tu 0181000000000 NGUYEN VAN A toi 0011000000000 <BENEFICIARY>
            // MBVCB.7018057206.704314.<payer>
            EnvelopeRule("MBVCB", bank: "Vietcombank",
                         prefix: [.text("MBVCB."), .wrappedDigits(min: 6), .text("."),
                                  .optional([.digits(1...12), .text(".")])],
                         suffix: ctTu),
            EnvelopeRule("IBVCB", bank: "Vietcombank",
                         prefix: [.text("IBVCB."), .wrappedDigits(min: 6), .text("."),
                                  .optional([.digits(1...12), .text(".")])],
                         suffix: ctTu),
            // 0200970422091322563320241ODG844486.69891.225634.<payer>
            // 020097040509041008052024HEVJ019980.37909 .100752.Vietcombank:0011001932418:<payer>
            EnvelopeRule("VCB NAPAS", bank: "Vietcombank",
                         prefix: [.wrappedDigits(min: 12), .alphanumerics(0...40), .text("."), .wrappedDigits(min: 3),
                                  .spaces, .text("."), .digits(6...6), .text("."), beneficiary]),
            // 528221.100924.205606.<payer>  (reference . ddMMyy . HHmmss)
            EnvelopeRule("VCB ref", bank: "Vietcombank",
                         prefix: [.digits(6...6), .text("."), .digits(6...6), .text("."), .digits(6...6), .text("."),
                                  beneficiary]),
            // PARTNER.DIRECT_DEBITS_VCB.MSE.66356036291.20240908.66356036291-0982077748_<payer>
            // PARTNER.DIRECT_DEBITS_VCB.MSE..38803349523.38803349523-0936734440-<payer>
            EnvelopeRule("VCB PARTNER MSE", bank: "Vietcombank",
                         prefix: [.text("PARTNER.DIRECT_DEBITS_VCB.MSE."), .optional([.text(".")]), .wrappedDigits(min: 6),
                                  .text("."), .optional([.digits(8...8), .text(".")]), .wrappedDigits(min: 6),
                                  .text("-"), .digits(8...12), .oneOf("_-")]),
            // PARTNER.DIRECT_DEBITS_VCB.ZLP.ZP6R 34H953F5.20240901.<payer>
            EnvelopeRule("VCB PARTNER", bank: "Vietcombank",
                         prefix: [.text("PARTNER.DIRECT_DEBITS_VCB."), .letters, .text("."), .skip(through: "."),
                                  .digits(8...8), .text(".")]),

            // MARK: BIDV
            // TKThe :2209200000000 tai Agribank. <payer> -CTLNHIDI000009835348328-1/1-CRE-002; thoi gian GD:12/09/2024 00:27:35
            EnvelopeRule("BIDV TKThe", bank: "BIDV",
                         prefix: [.text("TKThe"), .spaces, .text(":"), .spaces, .wrappedDigits(min: 6), .space,
                                  .text("tai"), .space, .skip(through: "."), .spaces],
                         suffix: [.text("-CTLNHIDI"), .rest]),
            EnvelopeRule("BIDV CTLNHIDI", bank: "BIDV", suffix: [.text("-CTLNHIDI"), .rest]),
            // <payer>; thoi gian GD:12/09/2024 23:19:07
            EnvelopeRule("BIDV thoi gian GD", bank: "BIDV", suffix: [.text(";"), .spaces, .text("thoi gian GD"), .rest]),
            // REM Tfr Ac:1770200000 O@L_080005_211601_0_0_510890375_6656 <payer>
            EnvelopeRule("BIDV REM", bank: "BIDV",
                         prefix: [.text("REM Tfr Ac:"), .spaces, .wrappedDigits(min: 6), .space, .text("O@L_"),
                                  .nonSpaces, .space]),

            // MARK: MoMo (an e-wallet, seen at every bank)
            // 71739507876-<payer> chuyen tien qua MoMo-CHUYEN TIEN-OQCH30426153-MOMO71739507876MOMO
            EnvelopeRule("MoMo", bank: "MoMo", prefix: [.digits(8...14), .text("-")],
                         suffix: [.text("-CHUYEN TIEN-"), .rest], suffixRequired: true),
            // 66693414954-0329756310-<payer>
            EnvelopeRule("MoMo", bank: "MoMo", prefix: [.digits(8...14), .text("-"), .digits(9...11), .text("-")]),
            // <payer name> chuyen tien qua MoMo
            EnvelopeRule("MoMo", bank: "MoMo", suffix: [.text("chuyen tien qua"), .spaces, .text("MoMo")]),

            // MARK: Agribank
            // MB(622119)(<payer> )
            EnvelopeRule("Agribank MB", bank: "Agribank",
                         prefix: [.text("MB("), .digits(3...12), .text(")"), .spaces, .text("(")],
                         suffix: [.text(")")]),

            // MARK: VietinBank
            // CT nhanh 247 den: <payer>
            EnvelopeRule("VietinBank CT nhanh 247", bank: "VietinBank",
                         prefix: [.text("CT nhanh 247 den"), .spaces, .text(":")]),
            // Chuyen tien den tu NAPAS Noi dung: <payer>
            EnvelopeRule("VietinBank NAPAS", bank: "VietinBank",
                         prefix: [.text("Chuyen tien den tu NAPAS"), .spaces, .optional([.text("Noi dung"), .spaces, .text(":")])]),
            // <payer> (CT1111) / (ct1111) / (HP3K7QX2M): what VietinBank recognised, appended in brackets.
            EnvelopeRule("VietinBank bracket", bank: "VietinBank", suffix: [.text("(ct"), .digits(2...8), .text(")")]),
            EnvelopeRule("VietinBank bracket", bank: "VietinBank", suffix: [.text("(hp"), .alphanumerics(7...7), .text(")")]),
            // <payer> - 120924-23:21:31 767817  (NAPAS: date-time and trace number)
            EnvelopeRule("NAPAS trace", bank: "NAPAS",
                         suffix: [.text("-"), .spaces, .digits(6...6), .text("-"), .digits(2...2), .text(":"), .digits(2...2),
                                  .text(":"), .digits(2...2), .optional([.space, .digits(1...12)])]),

            // MARK: Other banks and channels
            // NHAN TU 069704410592 TRACE 382348 ND <payer>
            EnvelopeRule("NHAN TU TRACE", bank: "VPBank",
                         prefix: [.text("NHAN TU"), .space, .digits(6...20), .space, .text("TRACE"), .space, .digits(3...12),
                                  .space, .text("ND"), .space]),
            EnvelopeRule("MBBIZ", bank: "MB", prefix: [.text("MBBIZ"), .digits(3...20), .text(".")]),
            EnvelopeRule("IBBIZ", bank: "MB", prefix: [.text("IBBIZ"), .digits(3...20), .text(".")]),
            EnvelopeRule("SHGD", bank: "Vietcombank",
                         prefix: [.text("SHGD:"), .digits(1...20), .text(".DD:"), .digits(1...20), .text(".BO:")]),
            // IBFT <payer> / <payer> IBFT (interbank fast transfer marker)
            EnvelopeRule("IBFT", bank: "NAPAS", prefix: [.text("IBFT"), .wordEnd, .spaces, .optional([.oneOf("-:."), .spaces])]),
            EnvelopeRule("IBFT", bank: "NAPAS", suffix: [.oneOf(" -."), .text("IBFT")]),
            // <payer> FT24254231958274  (a bank's own transaction reference)
            EnvelopeRule("FT reference", bank: "any", suffix: [.text("FT"), .digits(14...14)]),
            // <beneficiary account> <payer>  (BIDV; last, as it is the most general)
            EnvelopeRule("account number", bank: "BIDV", prefix: [.digits(9...19), .space]),
        ]
    }()
}
