import Foundation

/// A progress bar on standard error, drawn only when it is a terminal; safe to update from
/// worker threads.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private var done = 0
    private var lastDraw = Date.distantPast
    private let label: String
    private let enabled: Bool

    init(total: Int, label: String, enabled: Bool = standardErrorIsTerminal) {
        self.total = max(1, total)
        self.label = label
        self.enabled = enabled && total >= 2_000
    }

    /// Records `n` more finished units and redraws at most ten times a second.
    func advance(_ n: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        done += n
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || done >= total else { return }
        lastDraw = now
        let fraction = min(1, Double(done) / Double(total))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(Int(fraction * 100))% (\(done)/\(total) trials)".utf8))
    }

    /// Clears the bar's line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    var callback: @Sendable (Int) -> Void { { [self] n in self.advance(n) } }
}
