// Progress: a one-line counter on stderr for long work, shown only on a terminal.
import Foundation

/// `label 12/97` redrawn in place on a terminal; silent when stderr is piped.
final class Progress {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private var last = Date.distantPast

    init(_ label: String, total: Int) {
        self.label = label
        self.total = total
        self.enabled = Console.stderrIsTerminal && total > 1
    }

    func update(_ done: Int) {
        guard enabled else { return }
        let now = Date()
        guard done == total || now.timeIntervalSince(last) > 0.1 else { return }
        last = now
        FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)\u{1B}[K".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
