// JSONValue: a JSON document built explicitly, written deterministically. Used for every
// JSON output (CLI reports, the JSON export) so that keys are always present (null when
// unknown) and bytes never depend on an encoder's defaults.
import Foundation

/// A JSON value. Objects keep their keys in the order given; `write` can sort them.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        a.serialized(sortKeys: true) == b.serialized(sortKeys: true)
    }

    /// `.string(s)` or `.null`.
    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// A date as ISO 8601 UTC with seconds, `2026-11-29T10:40:28Z`, or `.null`.
    public static func date(_ d: Date?) -> JSONValue {
        guard let d else { return .null }
        return .string(ISO8601.string(d))
    }

    /// Compact JSON text: no insignificant white space, `/` not escaped, non-ASCII written
    /// as UTF-8, keys sorted by their UTF-8 bytes when `sortKeys`.
    public func serialized(sortKeys: Bool = false) -> String {
        var out = ""
        write(into: &out, sortKeys: sortKeys)
        return out
    }

    private func write(into out: inout String, sortKeys: Bool) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .string(let s): out += CanonicalJSON.quote(s)
        case .array(let items):
            out += "["
            for (i, v) in items.enumerated() {
                if i > 0 { out += "," }
                v.write(into: &out, sortKeys: sortKeys)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            let ordered = sortKeys ? pairs.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) } : pairs
            for (i, (k, v)) in ordered.enumerated() {
                if i > 0 { out += "," }
                out += CanonicalJSON.quote(k)
                out += ":"
                v.write(into: &out, sortKeys: sortKeys)
            }
            out += "}"
        }
    }
}

/// ISO 8601 date-times in UTC, whole seconds: `2026-11-29T10:40:28Z` (RFC 3339 section 5.6).
public enum ISO8601 {
    /// `d` formatted; sub-second parts are truncated.
    public static func string(_ d: Date) -> String {
        var t = time_t(d.timeIntervalSince1970.rounded(.down))
        var tmv = tm()
        gmtime_r(&t, &tmv)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(tmv.tm_year) + 1900,
                      Int(tmv.tm_mon) + 1, Int(tmv.tm_mday), Int(tmv.tm_hour), Int(tmv.tm_min),
                      Int(tmv.tm_sec))
    }
}
