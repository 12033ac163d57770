import Foundation
import Testing
import ZoneLabSource

@testable import ZoneLabCLI

/// Long commands say what they are doing on standard error: a line per phase with the elapsed
/// time in a log, one status line with a bar on a terminal, nothing for short runs.
@Suite struct PhaseLogTests {
    final class Captured: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ s: String) {
            lock.lock()
            text += s
            lock.unlock()
        }
        var value: String {
            lock.lock()
            defer { lock.unlock() }
            return text
        }
    }

    @Test func aLogGetsOneLinePerPhaseWithTheElapsedTime() {
        let out = Captured()
        let log = PhaseLog(command: "report", terminal: false, quietFor: 0, write: out.append)
        log.progress.phase("simulating plant.yaml", 0)
        log.progress.trials(500)
        log.progress.phase("roadmap: step 1 of at most 10, 3 candidates", 2_000)
        log.finish()
        let lines = out.value.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(lines)")
        #expect(lines[0].hasPrefix("zonelab report [0.") && lines[0].hasSuffix("s] simulating plant.yaml"))
        #expect(lines[1].hasSuffix("s] roadmap: step 1 of at most 10, 3 candidates"))
        #expect(lines[2].hasSuffix("s] done"))
        #expect(!out.value.contains("\r"), "no terminal controls in a log")
    }

    @Test func shortRunsStayQuiet() {
        let out = Captured()
        let log = PhaseLog(command: "risk", terminal: false, quietFor: 3_600, write: out.append)
        log.progress.phase("the plant as designed", 1_000)
        log.finish()
        #expect(out.value.isEmpty)
    }

    /// A phase that started within the quiet period is told once the run turns out long.
    @Test func thePhaseUnderWayIsToldWhenTheRunTurnsOutLong() {
        let out = Captured()
        let clock = Captured()
        let t0 = Date(timeIntervalSinceReferenceDate: 0)
        let log = PhaseLog(
            command: "report", terminal: false, quietFor: 1, write: out.append,
            now: { t0.addingTimeInterval(clock.value.isEmpty ? 0 : Double(clock.value.count)) })
        log.progress.phase("simulating plant.yaml", 0)
        log.progress.phase("hardening gains", 0)
        #expect(out.value.isEmpty)
        clock.append("12345")  // five seconds later
        log.progress.phase("pictures", 0)
        log.finish()
        let lines = out.value.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "zonelab report [0.0 s] hardening gains", "zonelab report [5.0 s] pictures",
                "zonelab report [5.0 s] done",
            ])
    }

    @Test func aTerminalGetsOneStatusLineWithABar() {
        let out = Captured()
        let log = PhaseLog(command: "target-sl", terminal: true, quietFor: 0, write: out.append)
        log.progress.phase("SL-T: the uniform plants at SL 1-4", 1_000)
        log.progress.trials(1_000)
        log.finish()
        #expect(out.value.hasPrefix("\r\u{1B}[2Ktarget-sl [0."))
        #expect(out.value.contains("SL-T: the uniform plants at SL 1-4 ░░░░"))
        #expect(!out.value.contains("\n"), "the status line is redrawn in place")
        #expect(out.value.hasSuffix("\r\u{1B}[2K"), "finish clears it")
    }

    @Test func secondsReadLikeAClock() {
        #expect(PhaseLog.seconds(0.04) == "0.0 s")
        #expect(PhaseLog.seconds(12.34) == "12.3 s")
        #expect(PhaseLog.seconds(114.4) == "114 s")
    }
}
