/// Sorting the times a run collects (tens of thousands per target), with exactly the result of
/// `sort()`.
enum TimeSort {
    /// Sorts `values` ascending. Non-negative values that are not NaN (times) take an LSD radix
    /// sort on their bit patterns: there the patterns order as the values do, and equal values
    /// have equal patterns (+0 only), so the result is the one `sort()` gives. Any other input,
    /// and short arrays, take `sort()`.
    static func sort(_ values: inout [Double]) {
        let n = values.count
        guard n >= 256 else {
            values.sort()
            return
        }
        let infinityBits = Double.infinity.bitPattern
        var counts = [Int](repeating: 0, count: 8 * 256)
        var keys = [UInt64](repeating: 0, count: n)
        var spare = [UInt64](repeating: 0, count: n)
        var radixable = true
        values.withUnsafeBufferPointer { values in
            keys.withUnsafeMutableBufferPointer { keys in
                counts.withUnsafeMutableBufferPointer { counts in
                    for i in 0..<n {
                        let bits = values[i].bitPattern
                        if bits > infinityBits {  // sign bit set (negative, -0) or NaN
                            radixable = false
                            return
                        }
                        keys[i] = bits
                        for byte in 0..<8 {
                            counts[byte << 8 | Int(truncatingIfNeeded: bits >> (byte << 3)) & 0xFF] += 1
                        }
                    }
                }
            }
        }
        guard radixable else {
            values.sort()
            return
        }
        keys.withUnsafeMutableBufferPointer { keys in
            spare.withUnsafeMutableBufferPointer { spare in
                counts.withUnsafeMutableBufferPointer { counts in
                    var source = keys
                    var destination = spare
                    for byte in 0..<8 {
                        let histogram = UnsafeMutableBufferPointer(rebasing: counts[(byte << 8)..<((byte + 1) << 8)])
                        let shift = UInt64(byte << 3)
                        // Every key has the same byte here: the pass would not move anything.
                        if histogram[Int(truncatingIfNeeded: source[0] >> shift) & 0xFF] == n { continue }
                        var offset = 0
                        for d in 0..<256 {
                            let c = histogram[d]
                            histogram[d] = offset
                            offset += c
                        }
                        for i in 0..<n {
                            let key = source[i]
                            let d = Int(truncatingIfNeeded: key >> shift) & 0xFF
                            destination[histogram[d]] = key
                            histogram[d] += 1
                        }
                        swap(&source, &destination)
                    }
                    values.withUnsafeMutableBufferPointer { values in
                        for i in 0..<n { values[i] = Double(bitPattern: source[i]) }
                    }
                }
            }
        }
    }
}
