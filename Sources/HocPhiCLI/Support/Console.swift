import Foundation

/// Where commands write: standard output for results, standard error for messages and progress.
/// Tests swap in a console that captures both.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let writeOut: @Sendable (String) -> Void
    private let writeErr: @Sendable (String) -> Void
    /// Whether standard error is a terminal: progress is shown only then, so logs and pipes stay clean.
    public let showsProgress: Bool

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void, showsProgress: Bool) {
        writeOut = out
        writeErr = err
        self.showsProgress = showsProgress
    }

    public static let standard = Console(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) },
        showsProgress: isatty(2) == 1)

    @TaskLocal public static var current: Console = .standard

    public func print(_ line: String = "") { lock.withLock { writeOut(line + "\n") } }
    public func write(_ text: String) { lock.withLock { writeOut(text) } }
    public func error(_ line: String) { lock.withLock { writeErr(line + "\n") } }

    public func progress(_ label: String, _ done: Int, _ total: Int) {
        guard showsProgress, total > 0 else { return }
        lock.withLock { writeErr("\r\(label): \(done)/\(total)" + (done >= total ? "\n" : "")) }
    }
}

/// Captures a console's output in memory (tests, and the demo's quiet steps).
public final class CapturedConsole: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""

    public init() {}

    public var out: String { lock.withLock { outText } }
    public var err: String { lock.withLock { errText } }

    public var console: Console {
        Console(out: { text in self.lock.withLock { self.outText += text } },
                err: { text in self.lock.withLock { self.errText += text } }, showsProgress: false)
    }
}
