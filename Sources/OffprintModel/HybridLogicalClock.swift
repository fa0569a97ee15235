// HybridLogicalClock: revision times that order causally across replicas even when their
// wall clocks disagree (Kulkarni et al., "Logical Physical Clocks", 2014).
import Foundation

/// A hybrid-logical-clock timestamp: wall-clock milliseconds since 1970-01-01T00:00:00Z,
/// plus a counter that orders events within the same millisecond or after a clock step back.
///
/// Ordered by `physical`, then `counter`. Ties between replicas are broken by the caller
/// (replica id, then revision hash).
public struct HLCTimestamp: Hashable, Comparable, Sendable, Codable {
    /// Milliseconds since the Unix epoch (UTC).
    public var physical: Int64
    /// Logical counter within one `physical` value; 0 for the first event.
    public var counter: Int32

    public init(physical: Int64, counter: Int32 = 0) {
        self.physical = physical
        self.counter = counter
    }

    public static func < (a: HLCTimestamp, b: HLCTimestamp) -> Bool {
        (a.physical, a.counter) < (b.physical, b.counter)
    }

    /// The timestamp for a new local event, given the last timestamp this replica issued or
    /// saw (`last`) and the wall clock now (`wallMilliseconds`). Never goes backwards.
    public static func next(after last: HLCTimestamp?, wallMilliseconds: Int64) -> HLCTimestamp {
        guard let last else { return HLCTimestamp(physical: wallMilliseconds) }
        if wallMilliseconds > last.physical { return HLCTimestamp(physical: wallMilliseconds) }
        return HLCTimestamp(physical: last.physical, counter: last.counter + 1)
    }

    /// The wall-clock part as a date.
    public var date: Date { Date(timeIntervalSince1970: Double(physical) / 1000) }
}

/// The source of "now" for everything that records or stamps a time. Injected so that tests
/// and reproducible builds control it.
public protocol WallClock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The system's real-time clock.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that always answers the same instant (tests).
public struct FixedClock: WallClock {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now() -> Date { instant }
}

extension Date {
    /// Milliseconds since the Unix epoch, rounded down.
    public var unixMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }
}
