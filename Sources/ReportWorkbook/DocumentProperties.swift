import CXlsxWriter

/// The workbook's document properties (File › Properties): the report title, "HocPhi" as author, and
/// the subtitle lines as comments.
///
/// The company field is left empty: the subtitle usually starts with the school's name, but nothing
/// guarantees which line it is, and a wrong company is worse than none.
enum DocumentProperties {
    static func set(on workbook: WorkbookFile.Workbook, title: String, subtitle: [String],
                    path: String) throws(WorkbookError) {
        let comments = subtitle.joined(separator: "\n")
        // libxlsxwriter copies every string (lxw_strdup) before returning, so the C strings need only
        // live for the call; its fields are `char *` but are never written through.
        let result = title.withCString { titleText in
            ReportWorkbook.author.withCString { authorText in
                comments.withCString { commentsText in
                    var properties = lxw_doc_properties()
                    properties.title = UnsafeMutablePointer(mutating: titleText)
                    properties.author = UnsafeMutablePointer(mutating: authorText)
                    if !comments.isEmpty { properties.comments = UnsafeMutablePointer(mutating: commentsText) }
                    return workbook_set_properties(workbook, &properties)
                }
            }
        }
        try LibXlsx.check(result, "setting the document properties", path: path)
    }
}
