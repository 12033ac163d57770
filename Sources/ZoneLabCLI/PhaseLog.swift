import Foundation
import ZoneLabSource

/// The phases of a long command on standard error: on a terminal, one status line with the
/// elapsed time, the phase and a bar of its trials; otherwise (a log, CI), one line per phase
/// with the elapsed time at its start, once the command has run for `quietFor` seconds (short
/// runs stay quiet; the phase under way then is still told), and a last line with the total.
/// Safe to update from worker threads.
final class PhaseLog: @unchecked Sendable {
    private let lock = NSLock()
    private let command: String
    private let terminal: Bool
    private let quietFor: TimeInterval
    private let now: @Sendable () -> Date
    private let start: Date
    private var title = ""
    private var total = 0
    private var done = 0
    private var lastDraw = Date.distantPast
    private var printedAny = false
    /// The line of the phase under way when it started within the quiet period.
    private var pending: String?
    private let write: @Sendable (String) -> Void

    init(
        command: String, terminal: Bool = standardErrorIsTerminal, quietFor: TimeInterval = 1,
        write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.now = now
        start = now()
        self.command = command
        self.terminal = terminal
        self.quietFor = quietFor
        self.write = write
    }

    private var elapsed: String { Self.seconds(now().timeIntervalSince(start)) }
    private var quiet: Bool { now().timeIntervalSince(start) < quietFor }

    static func seconds(_ s: TimeInterval) -> String {
        s < 100 ? String(format: "%.1f s", s) : String(format: "%.0f s", s)
    }

    /// Starts a phase of `trials` trials (0: unknown).
    func phase(_ title: String, trials: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.title = title
        total = trials
        done = 0
        let line = "zonelab \(command) [\(elapsed)] \(title)\n"
        if terminal {
            draw(force: true)
        } else if quiet {
            pending = line
        } else {
            flushPending()
            write(line)
            printedAny = true
        }
    }

    /// Records `n` more finished trials of the phase.
    func advance(_ n: Int) {
        guard terminal else { return }
        lock.lock()
        defer { lock.unlock() }
        done += n
        draw(force: false)
    }

    private func flushPending() {
        if let pending { write(pending) }
        pending = nil
    }

    private func draw(force: Bool) {
        let now = self.now()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        var line = "\r\u{1B}[2K\(command) [\(elapsed)] \(title)"
        if total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let filled = Int(fraction * 20)
            line +=
                " " + String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
                + " \(Int(fraction * 100))%"
        }
        write(line)
    }

    /// Ends the last phase: clears the status line, or prints the total when phases were printed.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if terminal {
            write("\r\u{1B}[2K")
        } else if printedAny || !quiet {
            flushPending()
            write("zonelab \(command) [\(elapsed)] done\n")
        }
    }

    var progress: AnalysisProgress {
        AnalysisProgress(phase: { [self] in self.phase($0, trials: $1) }, trials: { [self] in self.advance($0) })
    }
}
