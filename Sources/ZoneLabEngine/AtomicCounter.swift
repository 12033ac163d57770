import Foundation

/// A lock-protected counter handing out chunks of trials to workers.
final class AtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    private(set) var relaxations = 0
    private(set) var draws = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }

    private(set) var recorders: [PathRecorder] = []

    func add(relaxations r: Int, draws d: Int, recorder: PathRecorder? = nil) {
        lock.lock()
        relaxations += r
        draws += d
        if let recorder { recorders.append(recorder) }
        lock.unlock()
    }
}

extension ProcessInfo {
    /// The cores this process may use.
    static var activeCores: Int { ProcessInfo.processInfo.activeProcessorCount }
}
