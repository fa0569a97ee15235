// `offprint extract PATH... [--json]`: the reader view of files, with no library involved.
import ArgumentParser
import Foundation
import OffprintExtraction
import OffprintModel

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the extracted article of each file (no library involved).")

    @Flag(help: "One JSON object per file, one per line, with Readability's field names.")
    var json = false

    /// Benchmarks: extract every file but print nothing except failures and, on standard
    /// error, one summary line (files, bytes, seconds). Not in the help.
    @Flag(help: .hidden)
    var quiet = false

    /// Scoring harnesses (scripts/score-fast): each JSON object also carries `"path"`.
    @Flag(help: .hidden)
    var tagPath = false

    @Argument(help: ArgumentHelp("HTML, .txt or .md files; - reads standard input.", valueName: "path"))
    var paths: [String]

    func run() throws {
        var failed = false
        var files = 0, bytes = 0
        let started = Date()
        for path in paths {
            do {
                let candidate: ImportCandidate
                if path == "-" {
                    candidate = try InputImporter.candidate(
                        data: FileHandle.standardInput.readDataToEndOfFile(), origin: "-", typeHint: nil)
                } else {
                    candidate = try InputImporter.candidate(forFile: URL(fileURLWithPath: path))
                }
                let a = candidate.extracted
                files += 1
                bytes += candidate.source.count
                if quiet {
                    continue
                } else if json {
                    var value = Self.json(a)
                    if tagPath, case .object(let fields) = value { value = .object(fields + [("path", .string(path))]) }
                    Console.out(value.serialized())
                } else {
                    Console.out(Self.text(a))
                }
            } catch let e as OffprintError {
                Console.error(e.subject == nil ? "\(path): \(e.message)" : e.description)
                failed = true
            } catch {
                Console.error("\(path): \(error)")
                failed = true
            }
        }
        if quiet {
            Console.error(String(format: "extracted %d files, %d bytes, %.3f seconds", files, bytes,
                                 Date().timeIntervalSince(started)))
        }
        if failed { throw ExitCode(ExitStatus.failed) }
    }

    /// Readability's result object: title, byline, excerpt, siteName, lang, dir,
    /// publishedTime, content, textContent, length, url.
    static func json(_ a: ExtractedArticle) -> JSONValue {
        let m = a.metadata
        return .object([
            ("title", .optional(m.title)), ("byline", .optional(m.byline)),
            ("excerpt", .optional(m.excerpt)), ("siteName", .optional(m.siteName)),
            ("lang", .optional(m.lang)), ("dir", .optional(m.dir?.rawValue)),
            ("publishedTime", .optional(m.publishedTime)), ("content", .string(a.content)),
            ("textContent", .string(a.textContent)), ("length", .int(a.length)),
            ("url", .optional(m.url)),
        ])
    }

    static func text(_ a: ExtractedArticle) -> String {
        let m = a.metadata
        var lines: [String] = ["# " + (m.title ?? "(untitled)")]
        for (label, value) in [("byline", m.byline), ("site", m.siteName), ("published", m.publishedTime),
                               ("lang", m.lang), ("url", m.url)] {
            if let value { lines.append("\(label): \(value)") }
        }
        lines.append("")
        lines.append(a.textContent)
        return lines.joined(separator: "\n")
    }
}
