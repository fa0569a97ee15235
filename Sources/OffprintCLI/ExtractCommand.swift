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

    @Argument(help: ArgumentHelp("HTML, .txt or .md files; - reads standard input.", valueName: "path"))
    var paths: [String]

    func run() throws {
        var failed = false
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
                if json {
                    Console.out(Self.json(a).serialized())
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
