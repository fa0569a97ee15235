// BundleWriter: where the files of a multi-file export go. `-o DIR` writes them into a
// directory (created when missing); `-o NAME.zip` writes one ZIP archive (ZIPWriter) under
// a temporary name and moves it into place when complete, so a failed export never leaves
// a half-written archive.
import Foundation
import OffprintModel

/// Receives the files of a bundle, by relative path.
public final class BundleWriter {
    private enum Target {
        case directory(URL)
        case zip(ZIPWriter, temporary: URL)
    }

    private let target: Target
    private let url: URL
    private var createdDirectories = Set<String>()

    /// Whether `url` names a ZIP archive (its extension is `.zip`, any case).
    public static func isZIP(_ url: URL) -> Bool { url.pathExtension.lowercased() == "zip" }

    /// Prepares to write a bundle at `url`: a ZIP archive when it ends in `.zip`, else a
    /// directory. Every ZIP entry carries the time `modified`.
    ///
    /// - Throws: `OffprintError(.unwritable, path, ...)`.
    public init(url: URL, modified: Date) throws {
        self.url = url
        if BundleWriter.isZIP(url) {
            let tmp = try BundleWriter.temporarySibling(of: url)
            target = .zip(try ZIPWriter(url: tmp, modified: modified, reportingAs: url.path), temporary: tmp)
        } else {
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw OffprintError(.unwritable, url.path, "cannot create the directory: \(error.localizedDescription)")
            }
            target = .directory(url)
        }
    }

    /// Writes one file at the relative `path` (`/`-separated). `compressed` applies to ZIP
    /// archives only (images are stored: they are compressed already).
    public func add(_ path: String, _ data: Data, compressed: Bool = true) throws {
        switch target {
        case .zip(let zip, _):
            try zip.add(path, data, compressed: compressed)
        case .directory(let dir):
            let file = dir.appendingPathComponent(path)
            let parent = file.deletingLastPathComponent()
            do {
                if !createdDirectories.contains(parent.path) {
                    try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
                    createdDirectories.insert(parent.path)
                }
                try data.write(to: file, options: .atomic)
            } catch {
                throw OffprintError(.unwritable, file.path, "cannot write: \(error.localizedDescription)")
            }
        }
    }

    /// Completes the bundle (a ZIP archive is closed and moved into place).
    public func finish() throws {
        guard case .zip(let zip, let tmp) = target else { return }
        do {
            try zip.finish()
            try BundleWriter.moveIntoPlace(tmp, url)
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
    }

    /// Removes a partly written archive (a directory's files are left).
    public func abandon() {
        if case .zip(_, let tmp) = target { try? FileManager.default.removeItem(at: tmp) }
    }

    /// Writes one ZIP archive at `url` through `body`, atomically: under a temporary name
    /// beside it, then moved into place; removed again when `body` throws.
    static func writeZIP(to url: URL, modified: Date, _ body: (ZIPWriter) throws -> Void) throws {
        let tmp = try temporarySibling(of: url)
        do {
            let zip = try ZIPWriter(url: tmp, modified: modified, reportingAs: url.path)
            try body(zip)
            try zip.finish()
            try moveIntoPlace(tmp, url)
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
    }

    /// A temporary name beside `url` for the file that will replace it, after checking
    /// that `url` can be a file: it must not be a directory (replacing it would delete the
    /// directory and all it holds) and its parent directory must exist.
    ///
    /// - Throws: `OffprintError(.unwritable, url, "is a directory; give a file name")` or
    ///   `OffprintError(.unwritable, url, "the directory it would go in does not exist")`.
    static func temporarySibling(of url: URL) throws -> URL {
        try checkFileTarget(url)
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    }

    /// Throws unless `url` names a file that can be created or replaced (see
    /// `temporarySibling(of:)`).
    static func checkFileTarget(_ url: URL) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw OffprintError(.unwritable, url.path, "is a directory; give a file name")
        }
        var parentIsDirectory: ObjCBool = false
        let parent = url.deletingLastPathComponent()
        guard fm.fileExists(atPath: parent.path, isDirectory: &parentIsDirectory), parentIsDirectory.boolValue else {
            throw OffprintError(.unwritable, url.path, "the directory it would go in does not exist")
        }
    }

    static func moveIntoPlace(_ tmp: URL, _ url: URL) throws {
        let fm = FileManager.default
        try checkFileTarget(url)
        do {
            if fm.fileExists(atPath: url.path) {
                _ = try fm.replaceItemAt(url, withItemAt: tmp)
            } else {
                try fm.moveItem(at: tmp, to: url)
            }
        } catch {
            throw OffprintError(.unwritable, url.path, "cannot write the file: \(error.localizedDescription)")
        }
    }
}
