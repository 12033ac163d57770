import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `write(2)`, by a name that does not clash with `OutputFile.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
    #else
    Darwin.write(fd, buffer, count)
    #endif
}

/// An output that cannot be written, with the reason in plain words ("no such directory",
/// "permission denied", "read-only file system"): `cannot write PATH: reason`.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write \(path): \(reason)" }
}

/// Output files written so that nothing is ever half written: each file goes to a temporary file
/// in its own folder and is renamed into place; a folder of files is renamed into place only when
/// every file of it was written. Errors carry the reason in plain words, never a Foundation dump.
public enum OutputFile {
    /// Writes `data` to `path`. The folder of `path` must exist unless `createFolders` (then the
    /// missing folders are made, and removed again when the write fails).
    public static func write(_ data: Data, to path: String, createFolders: Bool = false) throws(OutputError) {
        try writeFolder(
            [(name: lastComponent(path), data: data)], into: parent(of: path), reportedAs: path,
            createFolders: createFolders)
    }

    /// Writes `files` (plain names) into `folder`, all or none: every file is written to a
    /// temporary file first, and renamed into place only when all of them were written. The folder
    /// is made when missing; its own parent must exist unless `createFolders`.
    public static func writeFolder(
        _ files: [(name: String, data: Data)], to folder: String, createFolders: Bool = false
    ) throws(OutputError) {
        try writeFolder(files, into: folder, reportedAs: folder, createFolders: true, parentsToo: createFolders)
    }

    /// Checks, before any work is done, that `path` can be written as a file (see `write`): its
    /// folder exists (or, with `createFolders`, the nearest existing one takes new entries), takes a
    /// new file, and `path` is not a folder. Writes nothing that stays.
    public static func check(_ path: String, createFolders: Bool = false) throws(OutputError) {
        if isDirectory(path) { throw OutputError(path: path, reason: "it is a directory") }
        try probe(parent(of: path), reportedAs: path, createFolders: createFolders)
    }

    /// Checks, before any work is done, that `folder` can be written by `writeFolder`.
    public static func checkFolder(_ folder: String, createFolders: Bool = false) throws(OutputError) {
        if exists(folder) {
            guard isDirectory(folder) else {
                throw OutputError(path: folder, reason: "a file of that name is in the way")
            }
            try probe(folder, reportedAs: folder, createFolders: false)
        } else {
            try probe(parent(of: folder), reportedAs: folder, createFolders: createFolders)
        }
    }

    // MARK: - Implementation

    private static func writeFolder(
        _ files: [(name: String, data: Data)], into folder: String, reportedAs path: String, createFolders: Bool,
        parentsToo: Bool? = nil
    ) throws(OutputError) {
        for file in files where isDirectory(join(folder, file.name)) {
            throw OutputError(path: join(folder, file.name), reason: "it is a directory")
        }
        var made: [String] = []
        if !exists(folder) {
            guard createFolders else { throw OutputError(path: path, reason: missingFolderReason(folder)) }
            made = try makeFolders(folder, reportedAs: path, parents: parentsToo ?? true)
        } else if !isDirectory(folder) {
            throw OutputError(path: path, reason: "\(folder) is not a directory")
        }
        var temporaries: [(temporary: String, final: String)] = []
        func undo() {
            for t in temporaries { unlink(t.temporary) }
            for folder in made.reversed() { rmdir(folder) }
        }
        do throws(OutputError) {
            for file in files {
                let final = join(folder, file.name)
                let temporary = try writeTemporary(
                    file.data, beside: final, reportedAs: files.count == 1 ? path : final)
                temporaries.append((temporary, final))
            }
            for (index, t) in temporaries.enumerated() where rename(t.temporary, t.final) != 0 {
                let error = OutputError(path: files.count == 1 ? path : t.final, reason: reason(errno, folder: folder))
                temporaries.removeFirst(index)
                throw error
            }
        } catch {
            undo()
            throw error
        }
    }

    /// Writes `data` to a new temporary file in the folder of `final`; returns its path.
    private static func writeTemporary(_ data: Data, beside final: String, reportedAs path: String) throws(OutputError)
        -> String
    {
        let folder = parent(of: final)
        let temporary = join(folder, ".\(lastComponent(final)).\(UUID().uuidString.prefix(8)).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw OutputError(path: path, reason: reason(errno, folder: folder)) }
        var failure: Int32?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let n = systemWrite(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        let closed = close(fd)
        if failure == nil, closed != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw OutputError(path: path, reason: reason(failure, folder: folder))
        }
        return temporary
    }

    /// Makes `folder` (and, with `parents`, its missing parents); returns the folders made, outermost first.
    private static func makeFolders(_ folder: String, reportedAs path: String, parents: Bool) throws(OutputError)
        -> [String]
    {
        var missing: [String] = []
        var current = folder
        while !exists(current) {
            missing.append(current)
            let up = parent(of: current)
            guard parents, up != current else { break }
            current = up
        }
        if !parents, !exists(parent(of: folder)) {
            throw OutputError(path: path, reason: missingFolderReason(parent(of: folder)))
        }
        if exists(current), !isDirectory(current) {
            throw OutputError(path: path, reason: "\(current) is not a directory")
        }
        var made: [String] = []
        for folder in missing.reversed() {
            guard mkdir(folder, 0o777) == 0 else {
                let code = errno
                for m in made.reversed() { rmdir(m) }
                throw OutputError(path: path, reason: reason(code, folder: parent(of: folder)))
            }
            made.append(folder)
        }
        return made
    }

    /// Creates and removes a temporary file in `folder` (or, with `createFolders`, in the nearest
    /// existing folder above it) to learn whether it takes new files.
    private static func probe(_ folder: String, reportedAs path: String, createFolders: Bool) throws(OutputError) {
        var current = folder
        while createFolders, !exists(current), parent(of: current) != current { current = parent(of: current) }
        guard exists(current) else { throw OutputError(path: path, reason: missingFolderReason(current)) }
        guard isDirectory(current) else { throw OutputError(path: path, reason: "\(current) is not a directory") }
        let temporary = try writeTemporary(Data(), beside: join(current, "probe"), reportedAs: path)
        unlink(temporary)
    }

    /// The reason of a failed system call in plain words.
    static func reason(_ code: Int32, folder: String) -> String {
        switch code {
        case ENOENT: exists(folder) ? "the file system does not take new files there" : missingFolderReason(folder)
        case EACCES, EPERM: "permission denied"
        case EROFS: "read-only file system"
        case ENOTDIR: "a part of the path is not a directory"
        case EISDIR: "it is a directory"
        case ENOSPC: "no space left on the device"
        case EDQUOT: "disk quota exceeded"
        case ENAMETOOLONG: "the name is too long"
        case ELOOP: "too many symbolic links"
        case EEXIST: "a file of that name is in the way"
        default: String(cString: strerror(code)).lowercased()
        }
    }

    private static func missingFolderReason(_ folder: String) -> String {
        var current = folder
        while !exists(current), parent(of: current) != current { current = parent(of: current) }
        return exists(current) && !isDirectory(current) ? "\(current) is not a directory" : "no such directory"
    }

    private static func parent(of path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    private static func lastComponent(_ path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
