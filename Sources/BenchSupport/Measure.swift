import Foundation

/// What both benchmark programs measure: wall time of one step, and the process's peak resident memory.
public func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

/// Peak RSS in MB: this process image's high-water mark (`VmHWM`). `ru_maxrss` is not used where `VmHWM`
/// exists, because Linux carries it across `exec`: a benchmark started by a large parent would report the
/// parent's peak.
public func peakRSSMegabytes() -> Double {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kib = Double(line.split(separator: " ").dropFirst().first ?? "") {
        return kib / 1024
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
