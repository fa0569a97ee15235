// MergeRules: the head of an article as a pure function of its revision graph
// (docs/sync.md, "The fold" and "Field rules"). Several leaves are folded in head order by
// a field-wise three-way merge against their lowest common ancestors; the result is a
// virtual revision that is never stored, so every library holding the same leaves derives
// the same head, with the same hash.
import Foundation
import OffprintModel

/// A field value as `conflicts` reports it.
public enum MergeValue: Hashable, Sendable {
    /// A text field (`title`, `byline`, ...), nil when unknown; also `dir` and `tags`.
    case text(String?)
    /// A flag (`read`, `favorite`, `archived`, `deleted`).
    case flag(Bool)
    /// The content unit (body, source, images), named by its body blob hash.
    case content(ContentHash)
}

/// One field that both sides of a merge changed to different values: the merge rules kept
/// one value and the other stays only in the history.
public struct MergeConflict: Hashable, Sendable {
    /// The article.
    public var article: ArticleID
    /// The field name, as in `HistoryEntry.fieldNames` (`content` for body, source and images).
    public var field: String
    /// The value the merge kept.
    public var kept: MergeValue
    /// The value the merge dropped.
    public var lost: MergeValue
    /// The leaves (or a stored merge revision's parents) that were merged, sorted by hash.
    public var revisions: [ContentHash]

    public init(article: ArticleID, field: String, kept: MergeValue, lost: MergeValue, revisions: [ContentHash]) {
        self.article = article
        self.field = field
        self.kept = kept
        self.lost = lost
        self.revisions = revisions
    }
}

/// The fields the merge rules combine.
struct MergeFields: Equatable {
    /// Body, source and images come from one extraction and merge as one unit.
    struct Content: Equatable {
        var body: ContentHash
        var source: ContentHash?
        var sourceType: String?
        var images: [ContentHash]
    }

    var metadata = ArticleMetadata()
    var tags = Set<String>()
    var read = false, favorite = false, archived = false, deleted = false
    var content: Content?

    /// The empty revision: the base of two independent roots.
    static let empty = MergeFields()

    init() {}

    init(_ r: Revision) {
        metadata = r.metadata
        tags = Set(r.state.tags)
        read = r.state.read
        favorite = r.state.favorite
        archived = r.state.archived
        deleted = r.state.deleted
        content = Content(body: r.body, source: r.source, sourceType: r.sourceType, images: r.images)
    }

    /// Equal in every field but `deleted`.
    func sameApartFromDeleted(_ o: MergeFields) -> Bool {
        var a = self, b = o
        a.deleted = false
        b.deleted = false
        return a == b
    }
}

enum MergeRules {
    /// The text fields, merged one by one.
    static var textFields: [(String, WritableKeyPath<ArticleMetadata, String?>)] { [
        ("title", \.title), ("byline", \.byline), ("excerpt", \.excerpt), ("siteName", \.siteName),
        ("lang", \.lang), ("publishedTime", \.publishedTime), ("url", \.url),
    ] }
    static var flagFields: [(String, WritableKeyPath<MergeFields, Bool>)] { [
        ("read", \.read), ("favorite", \.favorite), ("archived", \.archived),
    ] }

    /// The head of the article whose revisions are `graph` (closed under parents) and whose
    /// leaves (or a merge revision's parents) are `tips`, with the conflicts the fold met.
    ///
    /// One tip: that revision itself. Several: the virtual revision of docs/sync.md (parents
    /// the tips; time, replica and change of the greatest tip; fields merged).
    static func head(of tips: [ContentHash], in graph: [ContentHash: Revision])
        -> (revision: Revision, conflicts: [MergeConflict])? {
        let present = tips.filter { graph[$0] != nil }
        guard let top = present.max(by: { order($0, $1, graph) }), let last = graph[top] else { return nil }
        if present.count == 1 { return (last, []) }
        var folder = Folder(graph: graph)
        var conflicts: [(String, MergeValue, MergeValue)] = []
        let fields = folder.fold(present) { conflicts.append(($0, $1, $2)) }
        let sortedTips = present.sorted()
        var content = fields.content
            ?? MergeFields.Content(body: last.body, source: last.source, sourceType: last.sourceType, images: last.images)
        content.images = Array(Set(content.images)).sorted()
        let revision = Revision(
            articleID: last.articleID, parents: sortedTips, time: last.time, replica: last.replica,
            change: last.change, metadata: fields.metadata,
            state: ArticleState(tags: Array(fields.tags), read: fields.read, favorite: fields.favorite,
                                archived: fields.archived, deleted: fields.deleted),
            body: content.body, source: content.source, sourceType: content.sourceType, images: content.images)
        return (revision, conflicts.map {
            MergeConflict(article: last.articleID, field: $0.0, kept: $0.1, lost: $0.2, revisions: sortedTips)
        })
    }

    /// The value of the field named `field` (as in `textFields`, `flagFields`, `dir`,
    /// `content`, `tags`, `deleted`).
    static func value(of field: String, in f: MergeFields) -> AnyHashable {
        if let path = textFields.first(where: { $0.0 == field })?.1 { return AnyHashable(f.metadata[keyPath: path]) }
        if let path = flagFields.first(where: { $0.0 == field })?.1 { return AnyHashable(f[keyPath: path]) }
        switch field {
        case "dir": return AnyHashable(f.metadata.dir)
        case "content": return AnyHashable(f.content.map { [$0.body.hex, $0.source?.hex ?? "", $0.sourceType ?? ""] + $0.images.map(\.hex) })
        case "tags": return AnyHashable(f.tags)
        default: return AnyHashable(f.deleted)
        }
    }

    /// Head order: true when `a` sorts before `b` (time, replica, hash).
    static func order(_ a: ContentHash, _ b: ContentHash, _ graph: [ContentHash: Revision]) -> Bool {
        guard let ra = graph[a], let rb = graph[b] else { return a < b }
        return RevisionKey.headOrder(RevisionKey(hash: a, time: ra.time, replica: ra.replica),
                                     RevisionKey(hash: b, time: rb.time, replica: rb.replica))
    }

    /// `merge3(base, ours, theirs)`. When both sides changed a field to different values,
    /// `theirsWins(field)` decides (the side whose change is later); `report(field, kept,
    /// lost)` is called for each such conflict.
    static func merge3(base: MergeFields, ours: MergeFields, theirs: MergeFields,
                       theirsWins: (String) -> Bool = { _ in true },
                       report: (String, MergeValue, MergeValue) -> Void) -> MergeFields {
        var out = theirs
        func pick<T: Equatable>(_ b: T, _ o: T, _ t: T, _ name: String, _ value: (T) -> MergeValue) -> T {
            if o == t || o == b { return t }
            if t == b { return o }
            if theirsWins(name) {
                report(name, value(t), value(o))
                return t
            }
            report(name, value(o), value(t))
            return o
        }
        for (name, path) in textFields {
            out.metadata[keyPath: path] = pick(base.metadata[keyPath: path], ours.metadata[keyPath: path],
                                               theirs.metadata[keyPath: path], name) { .text($0) }
        }
        out.metadata.dir = pick(base.metadata.dir, ours.metadata.dir, theirs.metadata.dir, "dir") { .text($0?.rawValue) }
        for (name, path) in flagFields {
            out[keyPath: path] = pick(base[keyPath: path], ours[keyPath: path], theirs[keyPath: path], name) { .flag($0) }
        }
        out.content = pick(base.content, ours.content, theirs.content, "content") { c in
            c.map { .content($0.body) } ?? .text(nil)
        }
        out.tags = ours.tags.intersection(theirs.tags)
            .union(ours.tags.subtracting(base.tags)).union(theirs.tags.subtracting(base.tags))
        // Edit against delete: the edit wins (docs/sync.md).
        if ours.deleted == theirs.deleted {
            out.deleted = ours.deleted
        } else if base.deleted {
            // One side undeleted (re-import, restore), the other left it deleted.
            out.deleted = false
        } else if !(ours.deleted ? theirs : ours).sameApartFromDeleted(base) {
            out.deleted = false
            report("deleted", .flag(false), .flag(true))
        } else {
            out.deleted = true
        }
        return out
    }

    /// Folds tips in head order with ancestry bookkeeping.
    struct Folder {
        let graph: [ContentHash: Revision]
        var children: [ContentHash: [ContentHash]] = [:]
        var ancestry: [ContentHash: Set<ContentHash>] = [:]

        init(graph: [ContentHash: Revision]) {
            self.graph = graph
            for (h, r) in graph { for p in r.parents { children[p, default: []].append(h) } }
        }

        /// `anc(h)`: h and all its ancestors present in the graph.
        mutating func anc(_ h: ContentHash) -> Set<ContentHash> {
            if let known = ancestry[h] { return known }
            var seen = Set<ContentHash>()
            var stack = [h]
            while let x = stack.popLast() {
                guard graph[x] != nil, seen.insert(x).inserted else { continue }
                stack.append(contentsOf: graph[x]!.parents)
            }
            ancestry[h] = seen
            return seen
        }

        /// The greatest revision (head order) in `region` that set `field`: a root, or one
        /// whose value differs from each of its parents' values.
        func newestSetter(of field: String, in region: Set<ContentHash>) -> ContentHash? {
            region.filter { h in
                guard let r = graph[h] else { return false }
                let mine = MergeRules.value(of: field, in: MergeFields(r))
                let parents = r.parents.compactMap { graph[$0] }
                return parents.isEmpty || parents.allSatisfy { MergeRules.value(of: field, in: MergeFields($0)) != mine }
            }.max { MergeRules.order($0, $1, graph) }
        }

        mutating func fold(_ tips: [ContentHash], report: (String, MergeValue, MergeValue) -> Void) -> MergeFields {
            let sorted = tips.sorted { MergeRules.order($0, $1, graph) }
            var acc = MergeFields(graph[sorted[0]]!)
            var a = anc(sorted[0])
            for tip in sorted.dropFirst() {
                let b = anc(tip)
                let common = a.intersection(b)
                let lcas = common.filter { c in !(children[c] ?? []).contains(where: common.contains) }
                let base: MergeFields
                switch lcas.count {
                case 0: base = .empty
                case 1: base = MergeFields(graph[lcas.first!]!)
                default: base = fold(Array(lcas)) { _, _, _ in }
                }
                let onlyOurs = a.subtracting(common), onlyTheirs = b.subtracting(common)
                acc = MergeRules.merge3(base: base, ours: acc, theirs: MergeFields(graph[tip]!), theirsWins: { field in
                    // The later change wins: compare each side's newest revision that set the field.
                    guard let t = self.newestSetter(of: field, in: onlyTheirs) else { return false }
                    guard let o = self.newestSetter(of: field, in: onlyOurs) else { return true }
                    return MergeRules.order(o, t, self.graph)
                }, report: report)
                a.formUnion(b)
            }
            return acc
        }
    }
}
