// `offprint import PATH...`: saved pages, text and Markdown into the library, one
// transaction per file; an Offprint JSON document's revisions and blobs as a sync would
// (JSONImport).
import ArgumentParser
import Foundation
import OffprintExport
import OffprintExtraction
import OffprintModel
import OffprintStorage

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import HTML pages, .txt and .md files (directories recursively, - for stdin).")

    @OptionGroup var options: LibraryOptions
    @ParentCommand var root: OffprintCommand

    @Flag(help: "Print one JSON object with every file's result instead of lines.")
    var json = false

    @Argument(help: ArgumentHelp("Files or directories to import; - reads standard input.", valueName: "path"))
    var paths: [String]

    func run() throws {
        try reportingErrors {
            let inputs = ImportInputs.collect(paths)
            // The library is opened (and created) at the first file that extracts, so an
            // import in which every file fails leaves no new file behind.
            var library: Library?
            defer { library?.close() }
            let open = { () throws -> Library in
                if let library { return library }
                let l = try LibraryLocation.openForWriting(options, root.global)
                library = l
                return l
            }
            var results: [ImportResult] = []
            let progress = Progress("importing", total: json ? inputs.count : 0)
            for (i, input) in inputs.enumerated() {
                let rs = try ImportInputs.importOne(input, into: open)
                if !json { for r in rs { r.printLine() } }
                results += rs
                progress.update(i + 1)
            }
            progress.finish()
            let summary = ImportSummary(results)
            if json {
                Console.out(summary.json(results).serialized())
            } else {
                Console.out(summary.line)
            }
            if summary.failed > 0 { throw ExitCode(ExitStatus.failed) }
        }
    }
}

/// One input of an import: a file, standard input, or a file found in a directory that is
/// skipped (not an article).
enum ImportInput {
    case file(URL, display: String)
    case stdin
    case skipped(String, reason: String)
    case missing(String)
}

/// The outcome for one input.
struct ImportResult {
    enum Status: String { case added, updated, unchanged, skipped, failed }
    var path: String
    var status: Status
    var id: ArticleID?
    var revision: ContentHash?
    var title: String?
    var message: String?

    func printLine() {
        switch status {
        case .failed:
            Console.error("\(path): \(message ?? "failed")")
        case .skipped:
            Console.out("skipped    \(path) (\(message ?? "not an article"))")
        default:
            let id = self.id.map { String($0.hex.prefix(12)) } ?? ""
            let pad = status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            Console.out("\(pad) \(id) \(title ?? "(untitled)")  [\(path)]")
        }
    }

    var json: JSONValue {
        .object([
            ("path", .string(path)), ("status", .string(status.rawValue)),
            ("id", .optional(id?.hex)), ("revision", .optional(revision?.hex)),
            ("title", .optional(title)), ("error", .optional(status == .failed ? message : nil)),
        ])
    }
}

struct ImportSummary {
    var added = 0, updated = 0, unchanged = 0, skipped = 0, failed = 0

    init(_ results: [ImportResult]) {
        for r in results {
            switch r.status {
            case .added: added += 1
            case .updated: updated += 1
            case .unchanged: unchanged += 1
            case .skipped: skipped += 1
            case .failed: failed += 1
            }
        }
    }

    var line: String {
        "\(added) added, \(updated) updated, \(unchanged) unchanged, \(skipped) skipped, \(failed) failed"
    }

    func json(_ results: [ImportResult]) -> JSONValue {
        .object([
            ("added", .int(added)), ("updated", .int(updated)), ("unchanged", .int(unchanged)),
            ("skipped", .int(skipped)), ("failed", .int(failed)),
            ("files", .array(results.map(\.json))),
        ])
    }
}

enum ImportInputs {
    /// Expands the command-line paths: directories recursively in sorted order, skipping
    /// the `NAME_files` folder saved beside a page `NAME.html` (its images are read with the
    /// page) and noting files that are not articles.
    static func collect(_ paths: [String]) -> [ImportInput] {
        var out: [ImportInput] = []
        let fm = FileManager.default
        for p in paths {
            if p == "-" { out.append(.stdin); continue }
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else { out.append(.missing(p)); continue }
            if isDir.boolValue {
                walk(URL(fileURLWithPath: p), display: p, into: &out)
            } else {
                out.append(.file(URL(fileURLWithPath: p), display: p))
            }
        }
        return out
    }

    private static func walk(_ dir: URL, display: String, into out: inout [ImportInput]) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else {
            out.append(.missing(display))
            return
        }
        let sorted = names.filter { !$0.hasPrefix(".") }.sorted()
        let pageStems = Set(sorted.compactMap { n -> String? in
            let ext = (n as NSString).pathExtension.lowercased()
            return ["html", "htm", "xhtml"].contains(ext) ? (n as NSString).deletingPathExtension : nil
        })
        for name in sorted {
            let url = dir.appendingPathComponent(name)
            let shown = display.hasSuffix("/") ? display + name : display + "/" + name
            var isDir: ObjCBool = false
            fm.fileExists(atPath: url.path, isDirectory: &isDir)
            if isDir.boolValue {
                if name.hasSuffix("_files"), pageStems.contains(String(name.dropLast(6))) { continue }
                walk(url, display: shown, into: &out)
            } else if InputImporter.isImportable(url: url) {
                out.append(.file(url, display: shown))
            } else {
                out.append(.skipped(shown, reason: "not HTML, text or Markdown"))
            }
        }
    }

    /// Extracts one input and stores it; an Offprint JSON document (docs/json-format.md)
    /// gives one result per article (JSONImport). Errors about the input become a failed
    /// result; errors opening the library (not an Offprint library, unwritable) are thrown,
    /// since no other file could succeed either.
    static func importOne(_ input: ImportInput, into openLibrary: () throws -> Library) throws -> [ImportResult] {
        do {
            return [try importArticle(input, into: openLibrary)]
        } catch let e as JSONDocumentFound {
            do {
                return try JSONImport.importDocument(e.data, display: input.display, into: openLibrary)
            } catch let e as LibraryOpenFailure {
                throw e.error
            } catch let e as OffprintError {
                return [ImportResult(path: e.subject ?? input.display, status: .failed, message: e.message)]
            } catch {
                return [ImportResult(path: input.display, status: .failed, message: "\(error)")]
            }
        }
    }

    /// Carries the bytes of an Offprint JSON document out of the per-file import.
    struct JSONDocumentFound: Error { var data: Data }

    private static func importArticle(_ input: ImportInput, into openLibrary: () throws -> Library) throws -> ImportResult {
        let path: String
        do {
            let candidate: ImportCandidate
            switch input {
            case .skipped(let p, let reason):
                return ImportResult(path: p, status: .skipped, message: reason)
            case .missing(let p):
                return ImportResult(path: p, status: .failed, message: "no such file or directory")
            case .stdin:
                path = "-"
                let data = FileHandle.standardInput.readDataToEndOfFile()
                if JSONDocument.claims(data) { throw JSONDocumentFound(data: data) }
                candidate = try InputImporter.candidate(data: data, origin: "-", typeHint: nil)
            case .file(let url, let display):
                path = display
                if let data = JSONImport.claimedFile(url) { throw JSONDocumentFound(data: data) }
                candidate = try InputImporter.candidate(forFile: url)
            }
            let title = candidate.extracted.metadata.title
            let library: Library
            do { library = try openLibrary() } catch let e as OffprintError { throw LibraryOpenFailure(error: e) }
            switch try library.importArticle(candidate) {
            case .added(let id, let rev):
                return ImportResult(path: path, status: .added, id: id, revision: rev, title: title)
            case .revised(let id, let rev):
                return ImportResult(path: path, status: .updated, id: id, revision: rev, title: title)
            case .unchanged(let id):
                return ImportResult(path: path, status: .unchanged, id: id, title: title,
                                    message: "already in the library")
            }
        } catch let e as LibraryOpenFailure {
            throw e.error
        } catch let e as JSONDocumentFound {
            throw e
        } catch let e as OffprintError {
            return ImportResult(path: e.subject ?? input.display, status: .failed, message: e.message)
        } catch {
            return ImportResult(path: input.display, status: .failed, message: "\(error)")
        }
    }
}

/// Carries a library-opening error past the per-file error handling.
struct LibraryOpenFailure: Error { var error: OffprintError }

extension ImportInput {
    var display: String {
        switch self {
        case .file(_, let d): return d
        case .stdin: return "-"
        case .skipped(let p, _), .missing(let p): return p
        }
    }
}
