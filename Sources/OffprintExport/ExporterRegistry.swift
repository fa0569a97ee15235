// ExporterRegistry: the one table from a format name to its exporter (pandoc's writer
// registry), so that the CLI never names a format type and new formats plug in here.
import Foundation
import OffprintModel

/// Maps format names (`epub`, `json`) to exporters.
public enum ExporterRegistry {
    private final class Table: @unchecked Sendable {
        let lock = NSLock()
        var exporters: [String: any Exporter] = [:]
    }

    private static let table: Table = {
        let t = Table()
        for e in builtIn { t.exporters[e.name] = e }
        return t
    }()

    /// The built-in exporters.
    public static let builtIn: [any Exporter] = [EPUBExporter(), JSONExporter(), TextExporter(), HTMLExporter(), MarkdownExporter()]

    /// The known format names, sorted.
    public static var names: [String] {
        table.lock.lock()
        defer { table.lock.unlock() }
        return table.exporters.keys.sorted()
    }

    /// The exporter for format `name` (case-insensitive), nil when none is registered.
    public static func exporter(named name: String) -> (any Exporter)? {
        table.lock.lock()
        defer { table.lock.unlock() }
        return table.exporters[name.lowercased()]
    }

    /// Adds (or replaces) the exporter for `exporter.name`, so that more formats plug in.
    public static func register(_ exporter: any Exporter) {
        table.lock.lock()
        defer { table.lock.unlock() }
        table.exporters[exporter.name.lowercased()] = exporter
    }
}
