import CXlsxWriter
import Foundation

/// The life of one libxlsxwriter workbook on disk, arranged so that a failure never leaves a file that
/// looks finished: the workbook is written to `path + ".tmp"` and renamed over `path` only once
/// `workbook_close` has reported success; on any failure the temporary file is removed.
enum WorkbookFile {
    typealias Workbook = UnsafeMutablePointer<lxw_workbook>

    static func temporaryPath(for path: String) -> String { path + ".tmp" }

    /// Creates a workbook, lets `fill` add sheets and cells, then saves it at `path`.
    static func save(to path: String, fill: (Workbook) throws(WorkbookError) -> Void) throws(WorkbookError) {
        let temporary = temporaryPath(for: path)
        // libxlsxwriter copies the file name; it opens the file only in workbook_close.
        guard let workbook = temporary.withCString({ workbook_new($0) }) else {
            throw LibXlsx.error(LXW_ERROR_MEMORY_MALLOC_FAILED, "creating the workbook", path: path)
        }
        do throws(WorkbookError) {
            try fill(workbook)
        } catch {
            // Frees without writing anything (workbook_close would write a file we do not want).
            lxw_workbook_free(workbook)
            removeIfPresent(temporary)
            throw error
        }
        // Writes the ZIP package and frees the workbook, whether or not it succeeds.
        let closed = workbook_close(workbook)
        guard closed == LXW_NO_ERROR else {
            removeIfPresent(temporary)
            throw LibXlsx.error(closed, "saving the workbook", path: path)
        }
        // rename(2) replaces an existing file at `path` atomically: a reader sees the old file or the
        // new one, never a half-written one.
        guard rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno))
            removeIfPresent(temporary)
            throw .fileSystem(operation: "moving the finished workbook into place", message: message, path: path)
        }
    }

    private static func removeIfPresent(_ path: String) {
        _ = unlink(path)
    }
}
