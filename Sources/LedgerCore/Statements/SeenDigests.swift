/// How many times each digest was seen so far in one statement file, keyed by its first 16 bytes: the
/// occurrence counter of `LineIdentity.Builder`, which runs once per line of a file of up to millions of lines.
///
/// Why not a `Dictionary`: the keys are the start of SHA-256 digests, already uniformly random, so hashing
/// them again (SipHash, on every look-up and again on every resize) is wasted work, and it was a third of the
/// builder's time on a million lines. Here a key's own bits pick its slot (open addressing, linear probing)
/// in one flat array of 16-byte keys, resized at 70 % load: about 32 MB at a million distinct lines. Almost
/// every line occurs once, so the counts of lines seen more than once live apart, in a small dictionary.
struct SeenDigests: Sendable {
    private struct Key: Hashable, Sendable {
        var high: UInt64
        var low: UInt64
    }

    /// Power-of-two sized; a slot whose key is all zero is empty (a digest starting with 16 zero bytes is
    /// stored with its last bit set: `count` maps it so, consistently).
    private var slots: [Key] = Array(repeating: Key(high: 0, low: 0), count: 1024)
    private var used = 0
    /// Occurrences of the keys seen at least twice.
    private var repeats: [Key: UInt32] = [:]

    /// Records one more occurrence of the key and returns how many there have been (1 the first time).
    mutating func count(high: UInt64, low: UInt64) -> UInt32 {
        let key = high == 0 && low == 0 ? Key(high: 0, low: 1) : Key(high: high, low: low)
        if (used + 1) * 10 > slots.count * 7 { grow() }
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: key.high) & mask
        while true {
            let slot = slots[index]
            if slot.high == 0 && slot.low == 0 {
                slots[index] = key
                used += 1
                return 1
            }
            if slot == key {
                let next = (repeats[key] ?? 1) + 1
                repeats[key] = next
                return next
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Key(high: 0, low: 0), count: old.count * 2)
        let mask = slots.count - 1
        for key in old where key.high != 0 || key.low != 0 {
            var index = Int(truncatingIfNeeded: key.high) & mask
            while slots[index].high != 0 || slots[index].low != 0 { index = (index + 1) & mask }
            slots[index] = key
        }
    }
}
