/// The modules of one QR symbol: a square of dark and light cells, without the quiet zone.
///
/// A plain value (no C memory behind it), so a matrix can be made once, kept, compared and handed to
/// any renderer on any thread. `(0, 0)` is the top-left module, the corner of the top-left finder pattern.
public struct QRMatrix: Sendable, Hashable {
    /// Modules per side: `17 + 4 × version` (21 for version 1, 177 for version 40).
    public let size: Int
    /// The QR version (1…40) the encoder chose: the smallest whose capacity at level M holds the payload.
    public let version: Int
    /// Row-major, one byte per module: 1 dark, 0 light. Renderers read it directly.
    public let modules: [UInt8]

    /// A matrix from `size × size` modules in row-major order (`true` is dark).
    ///
    /// For symbols made elsewhere (and for tests); ``QRImage/matrix(for:)`` is the usual way to get one.
    /// `size` must be `17 + 4 × version` for a version 1…40, and `dark` must hold `size × size` values.
    public init(version: Int, dark: [Bool]) {
        precondition((1...40).contains(version), "a QR version is 1…40, not \(version)")
        let size = 17 + 4 * version
        precondition(dark.count == size * size, "version \(version) has \(size * size) modules, not \(dark.count)")
        self.init(size: size, version: version, modules: dark.map { $0 ? 1 : 0 })
    }

    /// A matrix from row-major modules (1 dark, 0 light), as an encoder library hands them over.
    public init(size: Int, version: Int, modules: [UInt8]) {
        self.size = size
        self.version = version
        self.modules = modules
    }

    /// Whether the module in column `x`, row `y` (both `0..<size`) is dark.
    public func isDark(x: Int, y: Int) -> Bool {
        precondition(x >= 0 && x < size && y >= 0 && y < size, "module (\(x), \(y)) is outside a \(size)×\(size) symbol")
        return modules[y * size + x] != 0
    }
}

extension QRMatrix {
    /// Calls `body(row, firstColumn, length)` for every horizontal run of dark modules, top to bottom: both
    /// renderers draw runs rather than single modules, which makes files smaller and edges seamless.
    @inline(__always)
    public func forEachDarkRun(_ body: (_ y: Int, _ start: Int, _ length: Int) -> Void) {
        modules.withUnsafeBufferPointer { modules in
            for y in 0..<size {
                let row = y * size
                var x = 0
                while x < size {
                    guard modules[row + x] != 0 else {
                        x += 1
                        continue
                    }
                    let start = x
                    while x < size && modules[row + x] != 0 { x += 1 }
                    body(y, start, x - start)
                }
            }
        }
    }
}
