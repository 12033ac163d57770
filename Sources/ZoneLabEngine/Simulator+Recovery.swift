extension Simulator {
    /// For each distinct path (a representative: the first trial, target slot and fingerprint
    /// of a path), the trial to re-run to recover its edges: any trial whose fingerprint for
    /// that target matches gives the same edges, and one re-run gives the paths of every target
    /// it compromised, so few trials cover all paths. First the trials that hold a path no other
    /// trial took (they must be re-run), then, for each path none of the chosen trials holds,
    /// its first trial. Paths already `recorded` get none (-2).
    static func recoveryRows(
        _ representatives: [(row: Int, slot: Int, hash: UInt64)],
        counts: [[UInt64: (count: Int, representative: Int)]], table: TrialTable, recorded: [Bool]
    ) -> [Int] {
        let targets = table.targets
        var rowOf = recorded.map { $0 ? -2 : -1 }
        func choose(_ row: Int) {
            let containment = table.containment[row]
            for slot in 0..<targets {
                let t = table.times[row * targets + slot]
                guard t.isFinite, t <= containment,
                    let representative = counts[slot][table.hashes[row * targets + slot]]?.representative,
                    rowOf[representative] == -1
                else { continue }
                rowOf[representative] = row
            }
        }
        for (i, r) in representatives.enumerated() where rowOf[i] == -1 && counts[r.slot][r.hash]?.count == 1 {
            choose(r.row)
        }
        for (i, r) in representatives.enumerated() where rowOf[i] == -1 { choose(r.row) }
        return rowOf
    }
}
