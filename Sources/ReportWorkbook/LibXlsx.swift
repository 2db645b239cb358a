import CXlsxWriter

/// Turns libxlsxwriter's return codes into `WorkbookError`s, so that no call's result is dropped: a
/// cell that was refused (a string past 32 767 characters, a row past 1 048 576) fails the whole write
/// instead of leaving a hole in a file reported as written.
enum LibXlsx {
    static func check(_ result: lxw_error, _ operation: @autoclosure () -> String, path: String) throws(WorkbookError) {
        guard result != LXW_NO_ERROR else { return }
        throw error(result, operation(), path: path)
    }

    static func error(_ code: lxw_error, _ operation: String, path: String) -> WorkbookError {
        // lxw_strerror returns a pointer into a static table of messages: nothing to free.
        .library(code: Int(code.rawValue), message: String(cString: lxw_strerror(code)), operation: operation,
                 path: path)
    }

    /// A libxlsxwriter enum constant as the `uint8_t` the format setters take.
    static func byte<T: RawRepresentable>(_ constant: T) -> UInt8 where T.RawValue: BinaryInteger {
        UInt8(truncatingIfNeeded: constant.rawValue)
    }
}
