import Foundation

/// A fresh folder in the system's temporary directory for one test's files; `cleanUp` removes it.
public struct TemporaryFiles: Sendable {
    /// The folder (it exists once `init` returns).
    public let folder: URL

    /// Makes a new, empty folder named `zonelab-LABEL-UUID`.
    public init(_ label: String = "test") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("zonelab-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The folder's path.
    public var path: String { folder.path }

    /// The URL of `name` in the folder (which need not exist).
    public func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// The path of `name` in the folder (which need not exist).
    public func path(_ name: String) -> String { url(name).path }

    /// Writes `data` to `name` in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ data: Data) throws -> String {
        let url = url(name)
        try data.write(to: url)
        return url.path
    }

    /// Writes `text` as UTF-8 to `name` in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String { try write(name, Data(text.utf8)) }

    /// The text of `name` in the folder.
    public func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: url(name)), as: UTF8.self)
    }

    /// Whether `name` exists in the folder.
    public func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    /// Removes the folder and everything in it.
    public func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}
