// HTMLNode: a small mutable document tree in plain Swift. The parser builds it from libxml2's
// SAX callbacks (HTMLParser.swift, SAXTreeBuilder.swift), so that extraction and sanitising
// never touch libxml2 pointers.
import Foundation

/// One attribute, in document order.
public struct HTMLAttribute: Hashable, Sendable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A node of a parsed HTML document: the document itself, an element, a text run or a
/// comment. Reference type with a non-owning `parent` link that becomes nil when the parent
/// goes away (as a weak reference would, without the side-table cost of `weak` on every
/// node); mutate through the methods below so that parent links stay right.
///
/// The stored properties are `@exclusivity(unchecked)`: every access to a class's stored
/// property is otherwise checked at run time for overlapping mutation (`swift_beginAccess`),
/// which cost about 5% of an extraction; no code here holds two accesses to one node's
/// property at once.
public final class HTMLNode {
    public enum Kind: Sendable { case document, element, text, comment }

    public let kind: Kind
    // `kind`, `_tag` and `_indexHint` come first and share one 8-byte word (stored properties
    // are laid out in declaration order): with `_string` below, a node takes 96 bytes, where
    // it took 128. Smaller nodes are fewer cache lines and smaller allocation size classes:
    // 128 -> 112 took about 5% off the extraction time, and both steps together took the
    // simulated L2 data misses over the readability corpus from 7.86 M to 7.17 M
    // (BENCHMARKS.md).
    @usableFromInline @exclusivity(unchecked) var _tag: UInt8
    /// Where this node was last seen among its parent's children (checked before searching).
    @exclusivity(unchecked) private var _indexHint: Int32 = 0
    private var indexHint: Int {
        get { Int(_indexHint) }
        set { _indexHint = Int32(clamping: newValue) }
    }
    /// Element name, lower case (`""` for non-elements, whose name cannot be set).
    @inlinable public var name: String {
        get { kind == .element ? _string : "" }
        _modify {
            guard kind == .element else {
                var ignored = ""
                yield &ignored
                return
            }
            yield &_string
            _tag = HTMLTag.number(_string)
            _parent?.noteDescendantTags(HTMLTag.Set(tag: _tag))
        }
    }
    /// The `HTMLTag` numbers of the names of the elements below this node, 0 standing for any
    /// name without one: a superset, kept by `append`, `insert`, `replace(with:)`,
    /// `adoptChildren(of:)` and renaming (a removal leaves it as it was). Walks that look for
    /// some names skip the subtrees whose set has none of them.
    @inlinable public var descendantTags: HTMLTag.Set { _descendantTags }
    /// The `HTMLTag` number of `name` (0 for a name without one, and for non-elements).
    @inlinable public var tag: UInt8 { _tag }
    /// Attributes of an element, in document order; names lower case.
    @inlinable public var attributes: [HTMLAttribute] {
        get { _attributes }
        _modify {
            yield &_attributes
            _attributeLengths = HTMLNode.nameLengths(_attributes)
        }
    }
    /// Character data of a text or comment node (entities already decoded); `""` for
    /// elements and documents, whose text cannot be set.
    @inlinable public var text: String {
        get { kind == .text || kind == .comment ? _string : "" }
        _modify {
            guard kind == .text || kind == .comment else {
                var ignored = ""
                yield &ignored
                return
            }
            _textMeasure = 0
            yield &_string
        }
    }
    /// A measure of `text` that a client computed and packed into 64 bits, 0 when none;
    /// reset whenever `text` changes. The extractor keeps each text node's `TextSpan` here, so
    /// that the many inner-text lengths its rules ask for do not scan the same bytes again.
    @inlinable public var textMeasure: UInt64 {
        get { _textMeasure }
        set { _textMeasure = newValue }
    }
    /// The child nodes, in document order.
    @inlinable public var children: [HTMLNode] { _children }
    /// The number of child nodes, read in place (`children.count` copies, so retains, the array).
    @inlinable public var childCount: Int { _children.count }
    /// Calls `body` with the child nodes in place, for walks that visit every node: no copy
    /// of the array is made (and retained and released) per node. `body` must not add or
    /// remove children of this node.
    @inlinable public func withChildren<R>(_ body: (UnsafeBufferPointer<HTMLNode>) throws -> R) rethrows -> R {
        try _children.withUnsafeBufferPointer(body)
    }
    // The storage. Other modules read and write it through the `@inlinable` accessors above:
    // a stored property accessed directly from another module gets the run-time exclusivity
    // check (`swift_beginAccess`) despite `@exclusivity(unchecked)`, while the inlined
    // accessors carry this module's unchecked accesses (about 4% of an extraction).
    /// An element's name, or a text or comment node's text: a node has one or the other, so
    /// they share the storage. `""` for a document.
    @usableFromInline @exclusivity(unchecked) var _string: String
    @usableFromInline @exclusivity(unchecked) var _attributes: [HTMLAttribute]
    /// The UTF-8 lengths of the attribute names, one bit each (`nameLengths`), so that
    /// `attribute(_:)` answers nil for most names without reading the attribute array.
    @usableFromInline @exclusivity(unchecked) var _attributeLengths: UInt64
    @usableFromInline @exclusivity(unchecked) var _children: [HTMLNode]
    @usableFromInline @exclusivity(unchecked) var _textMeasure: UInt64 = 0
    @usableFromInline @exclusivity(unchecked) var _descendantTags = HTMLTag.Set()
    /// The containing node, nil for a root or detached node. Not owning: cleared by the
    /// parent's `deinit`, so it never dangles.
    public var parent: HTMLNode? { _parent }
    @usableFromInline @exclusivity(unchecked) unowned(unsafe) var _parent: HTMLNode?

    public init(kind: Kind, name: String = "", attributes: [HTMLAttribute] = [], text: String = "") {
        self.kind = kind
        switch kind {
        case .element: self._string = name
        case .text, .comment: self._string = text
        case .document: self._string = ""
        }
        self._tag = kind != .element || name.isEmpty ? 0 : HTMLTag.number(name)
        self._attributes = attributes
        self._attributeLengths = attributes.isEmpty ? 0 : HTMLNode.nameLengths(attributes)
        self._children = []
    }

    /// An element whose `HTMLTag` number and attribute name lengths (`nameLengths`) the
    /// caller already knows (the tree builder).
    init(element name: String, tag: UInt8, attributes: [HTMLAttribute], attributeLengths: UInt64) {
        self.kind = .element
        self._string = name
        self._tag = tag
        self._attributes = attributes
        self._attributeLengths = attributeLengths
        self._children = []
    }

    /// The bit of `nameLengths` for an attribute name: its UTF-8 length (63 for 63 and
    /// longer) for an ASCII name, nil for any other.
    @inlinable static func lengthBit(_ name: String) -> UInt64? {
        // As many UTF-16 units as bytes just when all are ASCII; both counts are stored
        // values for an ASCII string, no scan.
        let n = name.utf8.count
        guard name.utf16.count == n else { return nil }
        return 1 << UInt64(min(n, 63))
    }

    /// One bit per attribute name length (`lengthBit`), all bits when a name is not ASCII:
    /// `attribute(_:)` compares names as Swift strings, by canonical equivalence, and only
    /// ASCII names are equal just when their bytes are (a non-ASCII name such as U+212A
    /// KELVIN SIGN can equal an ASCII one of another length).
    @usableFromInline static func nameLengths(_ attributes: [HTMLAttribute]) -> UInt64 {
        var mask: UInt64 = 0
        for a in attributes {
            guard let bit = lengthBit(a.name) else { return ~0 }
            mask |= bit
        }
        return mask
    }

    deinit {
        _children.withUnsafeBufferPointer { children in
            for c in children { c._parent = nil }
        }
    }

    /// A new element.
    public static func element(_ name: String, _ attributes: [HTMLAttribute] = [],
                               children: [HTMLNode] = []) -> HTMLNode {
        let n = HTMLNode(kind: .element, name: name, attributes: attributes)
        for c in children { n.append(c) }
        return n
    }

    /// A new text node.
    public static func textNode(_ text: String) -> HTMLNode { HTMLNode(kind: .text, text: text) }

    public var isElement: Bool { kind == .element }
    public var isText: Bool { kind == .text }

    /// The value of attribute `name` (lower case), or nil.
    public func attribute(_ name: String) -> String? {
        let lengths = _attributeLengths
        if lengths == 0 { return nil }
        // No name of this length: nil without reading the attributes (most calls).
        if let bit = HTMLNode.lengthBit(name), lengths & bit == 0 { return nil }
        for a in _attributes where a.name == name { return a.value }
        return nil
    }

    /// Sets (or, with nil, removes) attribute `name`.
    public func setAttribute(_ name: String, _ value: String?) {
        if let i = attributes.firstIndex(where: { $0.name == name }) {
            if let value { attributes[i].value = value } else { attributes.remove(at: i) }
        } else if let value {
            attributes.append(HTMLAttribute(name: name, value: value))
        }
    }

    /// Adds `tags` to the `descendantTags` of this node and its ancestors, up to the first
    /// that has them all (whose ancestors have them too).
    @usableFromInline func noteDescendantTags(_ tags: HTMLTag.Set) {
        var n: HTMLNode? = self
        while let cur = n, !cur._descendantTags.isSuperset(of: tags) {
            cur._descendantTags.formUnion(tags)
            n = cur._parent
        }
    }

    /// `child`'s element number and descendants' numbers, noted in this node and above.
    private func noteAdded(_ child: HTMLNode) {
        var tags = child._descendantTags
        if child.kind == .element { tags.insert(child._tag) }
        if tags != HTMLTag.Set() { noteDescendantTags(tags) }
    }

    /// The tree builder's `append` for a whole run of new children at once (`nodes`, in
    /// document order, with no parent, their own subtrees complete): one array of the final
    /// size, and `descendantTags` from theirs. This node's ancestors are not told (the
    /// builder tells them when the outermost open element closes).
    func appendParsedChildren(_ nodes: ArraySlice<HTMLNode>) {
        var tags = HTMLTag.Set()
        var i = _children.count
        for c in nodes {
            c._parent = self
            c.indexHint = i
            i += 1
            if c.kind == .element {
                tags.insert(c._tag)
                tags.formUnion(c._descendantTags)
            }
        }
        if _children.isEmpty { _children = Array(nodes) } else { _children.append(contentsOf: nodes) }
        _descendantTags.formUnion(tags)
    }

    /// Appends `child`, detaching it from its old parent first.
    public func append(_ child: HTMLNode) {
        child.detach()
        child._parent = self
        child.indexHint = children.count
        _children.append(child)
        noteAdded(child)
    }

    /// Inserts `child` at `index`, detaching it from its old parent first.
    public func insert(_ child: HTMLNode, at index: Int) {
        child.detach()
        child._parent = self
        child.indexHint = min(index, children.count)
        _children.insert(child, at: min(index, children.count))
        noteAdded(child)
    }

    /// Removes this node from its parent.
    public func detach() {
        guard parent != nil else { return }
        if let i = indexInParent { parent!._children.remove(at: i) }
        _parent = nil
    }

    /// Replaces this node in its parent by `nodes` (in order).
    public func replace(with nodes: [HTMLNode]) {
        guard let p = parent, let i = indexInParent else { return }
        p._children.remove(at: i)
        _parent = nil
        for (k, n) in nodes.enumerated() {
            n.detach()
            n._parent = p
            n.indexHint = i + k
            p._children.insert(n, at: i + k)
            p.noteAdded(n)
        }
    }

    /// Removes all children.
    public func removeAllChildren() {
        for c in children { c._parent = nil }
        _children.removeAll()
    }

    /// Moves all children of `other` to the end of this node.
    public func adoptChildren(of other: HTMLNode) {
        let moved = other.children
        other.removeAllChildren()
        for c in moved {
            c._parent = self
            c.indexHint = children.count
            _children.append(c)
            noteAdded(c)
        }
    }

    /// The index of this node among its parent's children.
    public var indexInParent: Int? {
        guard let p = parent else { return nil }
        let h = indexHint
        if h >= 0 && h < p.children.count && p.children[h] === self { return h }
        guard let i = p.children.firstIndex(where: { $0 === self }) else { return nil }
        indexHint = i
        return i
    }

    /// Child elements only.
    public var elementChildren: [HTMLNode] { children.filter { $0.kind == .element } }

    /// Concatenated text of all descendant text nodes, in document order.
    public var textContent: String {
        if kind == .text { return text }
        var out = ""
        collectText(into: &out)
        return out
    }

    private func collectText(into out: inout String) {
        _children.withUnsafeBufferPointer { children in
            for c in children {
                if c.kind == .text { out += c.text } else if c.kind != .comment { c.collectText(into: &out) }
            }
        }
    }

    /// All descendant elements in document order (pre-order), not including self.
    public func descendants() -> [HTMLNode] {
        var out: [HTMLNode] = []
        HTMLNode.collectDescendants(self, into: &out)
        return out
    }

    /// `descendants`' walk: the child arrays read in place, no reversed copies.
    private static func collectDescendants(_ n: HTMLNode, into out: inout [HTMLNode]) {
        n._children.withUnsafeBufferPointer { children in
            for c in children where c.kind == .element {
                out.append(c)
                if !c._children.isEmpty { collectDescendants(c, into: &out) }
            }
        }
    }

    /// Descendant elements named `name` (lower case), in document order.
    public func elements(named name: String) -> [HTMLNode] {
        descendants().filter { $0.name == name }
    }

    /// The first descendant element named `name`.
    public func firstElement(named name: String) -> HTMLNode? {
        // Subtrees whose `descendantTags` lack the name's number hold no such element.
        let tag = HTMLTag.number(name)
        guard _descendantTags.contains(tag) else { return nil }
        var stack: [HTMLNode] = children.reversed()
        while let n = stack.popLast() {
            if n.kind == .element {
                if n._tag == tag && n.name == name { return n }
                if n._descendantTags.contains(tag) { stack.append(contentsOf: n.children.reversed()) }
            }
        }
        return nil
    }

    /// A deep copy (without parent).
    public func clone() -> HTMLNode {
        let n = HTMLNode(kind: kind, name: name, attributes: attributes, text: text)
        n._descendantTags = _descendantTags
        for c in children {
            let cc = c.clone()
            cc._parent = n
            cc.indexHint = n.children.count
            n._children.append(cc)
        }
        return n
    }
}
