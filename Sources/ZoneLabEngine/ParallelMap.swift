import Dispatch
import Foundation

/// Independent pieces of work on every core: `map(count:threads:_:)` runs `body(i)` for each index
/// on up to `threads` workers and returns the results in index order, so the result never depends
/// on scheduling (each piece must be a pure function of its index).
public enum ParallelMap {
    public static func map<T: Sendable>(
        count: Int, threads: Int? = nil, _ body: @Sendable (Int) -> T
    ) -> [T] {
        let results = Results<T>(count: count)
        let next = AtomicCounter()
        let workers = min(max(1, threads ?? ProcessInfo.activeCores), max(1, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.increment()
                if i >= count { break }
                results.set(i, body(i))
            }
        }
        return results.values
    }

    private final class Results<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [T?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ i: Int, _ value: T) {
            lock.lock()
            slots[i] = value
            lock.unlock()
        }

        var values: [T] {
            lock.lock()
            defer { lock.unlock() }
            return slots.map { $0! }
        }
    }
}
