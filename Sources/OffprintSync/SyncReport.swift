// SyncReport: what one sync moved, as `offprint sync --json` prints it.
import Foundation

/// How many revisions and blobs one sync moved in each direction. "Sent" is from the first
/// library given to `Synchronizer.sync` to the second, "received" the other way.
///
/// Encodes as `{"sent":{"revisions":N,"blobs":N},"received":{"revisions":N,"blobs":N}}`.
public struct SyncReport: Hashable, Sendable, Codable {
    /// A count of revisions and blobs.
    public struct Counts: Hashable, Sendable, Codable {
        public var revisions: Int
        public var blobs: Int
        public init(revisions: Int, blobs: Int) {
            self.revisions = revisions
            self.blobs = blobs
        }
    }

    /// Revisions and blobs the second library did not have and now has.
    public var sent: Counts
    /// Revisions and blobs the first library did not have and now has.
    public var received: Counts

    public init(sent: Counts, received: Counts) {
        self.sent = sent
        self.received = received
    }

    /// True when the sync moved nothing: the libraries were already in sync.
    public var isEmpty: Bool {
        sent.revisions == 0 && sent.blobs == 0 && received.revisions == 0 && received.blobs == 0
    }
}
