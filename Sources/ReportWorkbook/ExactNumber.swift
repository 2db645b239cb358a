/// Whole numbers as spreadsheet numbers, without loss.
///
/// A spreadsheet cell holds an IEEE 754 double, which represents every integer of magnitude up to 2^53
/// exactly and not all of those above it. Money is whole đồng in an `Int64`, so an amount past 2^53 would
/// be rounded on its way into the file: it is refused instead (no school fee comes near 9 triệu tỷ đồng,
/// so meeting one means a bug upstream, which must not be papered over by a plausible-looking figure).
enum ExactNumber {
    /// 2^53 = 9 007 199 254 740 992, the largest magnitude below which every integer is a double.
    static let limit: Int64 = 1 << 53

    /// The value as a double when that is exact, `nil` otherwise.
    static func double(_ value: Int64) -> Double? {
        guard value.magnitude <= UInt64(limit) else { return nil }
        return Double(value)
    }
}
