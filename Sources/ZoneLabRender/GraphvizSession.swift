import CGraphviz
import Foundation

/// The process-wide Graphviz state: one `gvContext` and the buffer that catches Graphviz's
/// messages, both behind one lock. libgvc and cgraph are not thread-safe (not even with one
/// context per thread), so every call into them goes through `withContext`.
final class GraphvizSession: @unchecked Sendable {
    /// The only session; Graphviz's error hooks are global, so there cannot be two.
    static let shared = GraphvizSession()

    private let lock = NSLock()
    /// Guarded by `lock`. Created on first use, kept for the life of the process: one context
    /// per render leaks and is slower.
    private var context: OpaquePointer?
    /// Guarded by `lock`: what Graphviz said since the last `reset`. Written by the C callback,
    /// which Graphviz only calls from inside a call made under the lock.
    fileprivate var buffer = ""

    private init() {}

    /// Runs `body` under the lock with the context, after clearing the messages and Graphviz's
    /// error level.
    func withContext<T>(_ body: (OpaquePointer) throws(GraphvizError) -> T) throws(GraphvizError) -> T {
        lock.lock()
        defer { lock.unlock() }
        let gvc: OpaquePointer
        if let context {
            gvc = context
        } else {
            agseterrf(captureGraphvizMessage)
            _ = agseterr(AGWARN)
            guard let created = gvContext() else {
                throw GraphvizError(.layout, ["cannot create a Graphviz context"])
            }
            context = created
            gvc = created
        }
        buffer = ""
        _ = agreseterrors()
        return try body(gvc)
    }

    /// The messages caught since `withContext` began (call only inside `body`), split into
    /// errors and warnings. Graphviz sends "Error" or "Warning", ": " and the text in separate
    /// calls; continuation lines keep the level of the line before.
    func takeMessages() -> (errors: [String], warnings: [String]) {
        var errors: [String] = []
        var warnings: [String] = []
        var lastWasError = true
        for raw in buffer.split(whereSeparator: \.isNewline) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("Error: ") {
                line.removeFirst("Error: ".count)
                lastWasError = true
            } else if line.hasPrefix("Warning: ") {
                line.removeFirst("Warning: ".count)
                lastWasError = false
            }
            guard !line.isEmpty else { continue }
            if lastWasError { errors.append(line) } else { warnings.append(line) }
        }
        buffer = ""
        return (errors, warnings)
    }
}

/// Graphviz's message hook (`agseterrf`): a C function without captures. It runs only inside
/// Graphviz calls made under the session's lock, which guards the buffer.
private func captureGraphvizMessage(_ text: UnsafeMutablePointer<CChar>?) -> Int32 {
    guard let text else { return 0 }
    GraphvizSession.shared.buffer += String(cString: text)
    return 0
}
