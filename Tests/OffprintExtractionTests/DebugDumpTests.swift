// A developer aid, inert by default: with OFFPRINT_DUMP_PAGE=/path/to/page.html set, writes
// the extracted content and text of that page to /tmp/offprint-dump.{html,txt} and an outline
// of libxml2's parse tree to /tmp/offprint-dump-tree.txt.
import Foundation
import OffprintExtraction
import OffprintXML
import Testing

@Suite("Debug dump")
struct DebugDumpTests {
    @Test("dump one page when OFFPRINT_DUMP_PAGE is set")
    func dump() throws {
        guard let path = ProcessInfo.processInfo.environment["OFFPRINT_DUMP_PAGE"] else { return }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = CharsetDecoder.decode(data, kind: .html).text
        let doc = try HTMLParser.parse(utf8: Data(text.utf8))
        var out = ""
        func walk(_ n: HTMLNode, _ depth: Int) {
            guard n.kind == .element || n.kind == .document else { return }
            let id = n.attribute("id").map { "#" + $0 } ?? ""
            let cls = n.attribute("class").map { "." + $0 } ?? ""
            let t = n.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
            out += String(repeating: "  ", count: depth) + n.name + id + cls + " [\(t.count)] "
                + String(t.prefix(40)).replacingOccurrences(of: "\n", with: " ") + "\n"
            for c in n.children { walk(c, depth + 1) }
        }
        walk(doc, 0)
        try out.write(toFile: "/tmp/offprint-dump-tree.txt", atomically: true, encoding: .utf8)
        let a = try Extractor.extract(html: data, url: "http://fakehost/test/page.html", baseDirectory: nil)
        print("META", a.metadata)
        try a.content.write(toFile: "/tmp/offprint-dump.html", atomically: true, encoding: .utf8)
        try a.textContent.write(toFile: "/tmp/offprint-dump.txt", atomically: true, encoding: .utf8)
    }
}
