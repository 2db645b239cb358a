/// A small seeded generator for the fast-path tests: the same seed gives the same inputs on every machine, so
/// a failure names a case that can be run again. (Knuth's MMIX linear congruential step.)
struct SeededPicks {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
