// FormatsLocator: finds the Formats directory (templates and stylesheets as data files, as
// pandoc's data directory), so that users can point the tool at their own copy.
import Foundation
import Mustache
import OffprintModel

/// Finds the directory holding `epub/` and the other format folders.
public enum FormatsLocator {
    /// The Formats directory, searched in this order:
    /// 1. `override` (e.g. a command-line option), used as given;
    /// 2. the environment variable `OFFPRINT_FORMATS`;
    /// 3. `<executable dir>/../share/offprint/Formats` (an installed copy);
    /// 4. the first folder containing `Formats/epub` found walking up from the executable's
    ///    directory (so that `.build/release/offprint` inside the repository works).
    ///
    /// - Throws: `OffprintError(.failed, nil, "cannot find the Formats directory; set
    ///   OFFPRINT_FORMATS")`, or `.failed` naming the override or environment value when it
    ///   is not a directory.
    public static func locate(override: URL? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL? = nil) throws -> URL {
        let fm = FileManager.default
        func isDirectory(_ url: URL) -> Bool {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
        }
        if let override {
            guard isDirectory(override) else {
                throw OffprintError(.failed, override.path, "the Formats directory does not exist")
            }
            return override
        }
        if let env = environment["OFFPRINT_FORMATS"], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            guard isDirectory(url) else {
                throw OffprintError(.failed, env, "OFFPRINT_FORMATS is not a directory")
            }
            return url
        }
        let exe = (executable ?? Bundle.main.executableURL
            ?? URL(fileURLWithPath: CommandLine.arguments.first ?? "."))
            .resolvingSymlinksInPath().standardizedFileURL
        let exeDir = exe.deletingLastPathComponent()
        let installed = exeDir.deletingLastPathComponent()
            .appendingPathComponent("share/offprint/Formats", isDirectory: true)
        if isDirectory(installed.appendingPathComponent("epub")) { return installed }
        var dir = exeDir
        while true {
            let candidate = dir.appendingPathComponent("Formats", isDirectory: true)
            if isDirectory(candidate.appendingPathComponent("epub")) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path || dir.path == "/" { break }
            dir = parent
        }
        throw OffprintError(.failed, nil, "cannot find the Formats directory; set OFFPRINT_FORMATS")
    }
}

/// Reading one format's folder of a Formats directory (`Formats/epub`, `Formats/html`, ...):
/// the one place template and data files are loaded, for every exporter. A user's own copy
/// (`--templates DIR`, `OFFPRINT_FORMATS`) may hold only the files it changes: a file it
/// lacks is read from the built-in Formats directory (found as `FormatsLocator.locate` does
/// without an override or environment value), so copies made for an older version keep
/// working when a format gains a template.
struct FormatFolder {
    /// The folder, e.g. `<Formats>/epub`.
    let directory: URL
    /// The format's display name for messages (`EPUB`, `HTML`).
    let format: String

    /// The bytes of file `name`.
    /// - Throws: `OffprintError(.failed, path, "cannot read the <format> template; check --templates or OFFPRINT_FORMATS")`.
    func data(_ name: String) throws -> Data {
        var url = directory.appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: url.path),
           let builtIn = try? FormatsLocator.locate(environment: [:]) {
            let fallback = builtIn.appendingPathComponent(directory.lastPathComponent, isDirectory: true)
                .appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: fallback.path) { url = fallback }
        }
        do { return try Data(contentsOf: url) } catch {
            throw OffprintError(.failed, url.path, "cannot read the \(format) template; check --templates or OFFPRINT_FORMATS")
        }
    }

    /// File `name` parsed as a Mustache template.
    /// - Throws: as `data(_:)`, or `OffprintError(.failed, path, "the template does not parse: ...")`.
    func template(_ name: String) throws -> MustacheTemplate {
        let text = String(decoding: try data(name), as: UTF8.self)
        do { return try MustacheTemplate(string: text) } catch let e as MustacheTemplate.ParserError {
            throw OffprintError(.failed, directory.appendingPathComponent(name).path,
                                "the template does not parse: line \(e.context.lineNumber), column \(e.context.columnNumber): \(e.error)")
        } catch {
            throw OffprintError(.failed, directory.appendingPathComponent(name).path, "the template does not parse: \(error)")
        }
    }
}
