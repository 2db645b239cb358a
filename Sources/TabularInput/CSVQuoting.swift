import Foundation

/// Finds broken quoting before the CSV is parsed.
///
/// `CSVReader` never reports errors: an unclosed quote silently swallows the
/// rest of the file into one cell, and text after a closing quote (`"a"b`)
/// silently loses a character. Both would import wrong data without a word,
/// so this pass walks the text with exactly the rules `CSVReader` applies
/// (RFC 4180, with whitespace around fields trimmed) and stops at the first
/// such record, naming its row.
enum CSVQuoting {
    /// - Parameters:
    ///   - whitespace: the set `CSVReader` trims with (must not contain the delimiter).
    static func check(_ text: String, delimiter: Unicode.Scalar, whitespace: CharacterSet) throws(ReadFailure) {
        var scalars = text.unicodeScalars.makeIterator()
        var pushedBack: Unicode.Scalar?
        var hasPushedBack = false
        func next() -> Unicode.Scalar? {
            if hasPushedBack {
                hasPushedBack = false
                return pushedBack
            }
            return scalars.next()
        }
        func pushBack(_ scalar: Unicode.Scalar?) {
            pushedBack = scalar
            hasPushedBack = true
        }
        /// After a CR, a following LF belongs to the same line break.
        func swallowLineFeed() {
            let following = next()
            if following != "\n" { pushBack(following) }
        }

        var record = 0
        while true {
            var current = next()
            guard current != nil else { return }
            record += 1
            fields: while true {
                while let scalar = current, whitespace.contains(scalar) { current = next() }
                guard let first = current else { break fields }
                var endsRecord: Bool
                if first == "\"" {
                    quoted: while true {
                        guard let scalar = next() else {
                            throw ReadFailure(row: record, "a quoted cell is never closed: "
                                + "its opening \" has no closing \", so the rest of the file would end up in one cell")
                        }
                        guard scalar == "\"" else { continue }
                        var after = next()
                        while let space = after, whitespace.contains(space) { after = next() }
                        switch after {
                        case nil, "\n":
                            endsRecord = true
                            break quoted
                        case "\r":
                            swallowLineFeed()
                            endsRecord = true
                            break quoted
                        case delimiter:
                            endsRecord = false
                            break quoted
                        case "\"":
                            continue quoted  // an escaped quote ("")
                        default:
                            throw ReadFailure(row: record, "there is text after the closing quote of a quoted cell "
                                + "(a \" inside a quoted cell must be written twice, as \"\")")
                        }
                    }
                } else {
                    pushBack(first)
                    unquoted: while true {
                        switch next() {
                        case nil, "\n":
                            endsRecord = true
                            break unquoted
                        case "\r":
                            swallowLineFeed()
                            endsRecord = true
                            break unquoted
                        case delimiter:
                            endsRecord = false
                            break unquoted
                        default:
                            continue unquoted
                        }
                    }
                }
                if endsRecord { break fields }
                current = next()
            }
        }
    }
}
