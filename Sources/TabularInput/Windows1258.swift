/// Windows-1258 (Vietnamese ANSI), the encoding Excel on a Vietnamese Windows
/// uses for "CSV (Comma delimited)" exports, which are still common in schools.
///
/// Foundation on Linux has no converter for it, hence this table, taken from
/// Microsoft's published code page (bestfit1258 / the Unicode consortium's
/// CP1258.TXT). Bytes below 0x80 are ASCII.
///
/// The code page has precomposed base letters (Ă, Ơ, Ư, Đ, …) but puts the
/// five tone marks at 0xCC, 0xD2, 0xDE, 0xEC and 0xF2 as *combining*
/// characters, so decoded text is decomposed and must be normalised to NFC.
enum Windows1258 {
    /// Unicode scalar values for bytes 0x80…0xFF; 0 marks the bytes the code
    /// page leaves undefined (0x81, 0x8A, 0x8D–0x90, 0x9A, 0x9D, 0x9E).
    static let upperHalf: [UInt32] = [
        // 0x80
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0, 0x2039, 0x0152, 0, 0, 0,
        // 0x90
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0, 0x203A, 0x0153, 0, 0, 0x0178,
        // 0xA0
        0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
        0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
        // 0xB0
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
        0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
        // 0xC0                                 Ă
        0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7,
        //                                      grave (combining)
        0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF,
        // 0xD0 Đ           hook above (comb.)          Ơ
        0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7,
        //                                      Ư       tilde (comb.)
        0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF,
        // 0xE0                                 ă
        0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7,
        //                                      acute (combining)
        0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF,
        // 0xF0 đ           dot below (comb.)           ơ
        0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7,
        //                                      ư       ₫
        0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF,
    ]

    /// The scalar for one byte, or `nil` when the code page does not define it
    /// (a sign that the file is in yet another encoding, e.g. TCVN3 or VNI).
    static func scalar(for byte: UInt8) -> Unicode.Scalar? {
        if byte < 0x80 { return Unicode.Scalar(byte) }
        let value = upperHalf[Int(byte) - 0x80]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// Decodes bytes (not yet NFC). Fails with the offset of the first
    /// undefined byte rather than inventing a character for it.
    static func decode(_ bytes: some Collection<UInt8>) -> Result<String, UndefinedByte> {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for (offset, byte) in bytes.enumerated() {
            guard let scalar = scalar(for: byte) else {
                return .failure(UndefinedByte(byte: byte, offset: offset))
            }
            scalars.append(scalar)
        }
        return .success(String(scalars))
    }

    struct UndefinedByte: Error, Sendable {
        let byte: UInt8
        let offset: Int
    }
}
