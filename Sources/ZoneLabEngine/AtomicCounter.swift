import Foundation

/// A lock-protected counter handing out chunks of trials to workers.
final class AtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    private(set) var relaxations = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }

    func addRelaxations(_ n: Int) {
        lock.lock()
        relaxations += n
        lock.unlock()
    }
}

extension ProcessInfo {
    /// The cores this process may use.
    static var activeCores: Int { ProcessInfo.processInfo.activeProcessorCount }
}
