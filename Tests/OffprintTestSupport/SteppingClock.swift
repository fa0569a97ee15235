// SteppingClock: a deterministic wall clock for tests.
import Foundation
import OffprintModel

/// A clock that starts at `start` (default 2024-01-01T00:00:00Z) and moves one second per
/// reading, so every revision a test makes has a distinct, predictable time.
public final class SteppingClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(start: Date = Date(timeIntervalSince1970: 1_704_067_200)) { current = start }

    public func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        let t = current
        current += 1
        return t
    }
}
