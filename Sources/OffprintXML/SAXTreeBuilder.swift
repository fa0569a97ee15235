// SAXTreeBuilder: builds the HTMLNode tree straight from libxml2's HTML SAX callbacks, node for
// node the tree that libxml2's own tree builder (SAX2.c, libxml2 2.9) would have built and
// HTMLParser used to copy: adjacent character data merged into one text node (the chunks of a
// script or style likewise, but never with text), "ignorable" whitespace kept (htmlReadMemory's
// handler keeps it too), attributes without a value empty except HTML's boolean attributes
// (`checked` -> "checked"), prefixed element names cut to their local part (`g:plusone` ->
// `plusone`), elements opened when no element is open placed where libxml2 places them, and
// the content that a void element libxml2 2.9 does not know (`wbr`, `source`, `track`)
// swallowed moved out after it.
import CLibXML2

/// Receives libxml2's HTML SAX callbacks for one parse (see `HTMLParser.parse`).
final class SAXTreeBuilder {
    /// An open element, as libxml2's node stack holds it.
    struct Frame {
        let node: HTMLNode
        let isVoid: Bool
        /// Where the element's children start in `openChildren`.
        let childStart: Int
    }

    let root = HTMLNode(kind: .document)
    // The state below is touched only by this parse's callbacks, one at a time: unchecked
    // exclusivity spares a run-time access check (`swift_beginAccess`) per callback, about
    // 2% of an extraction's instructions.
    /// Decides, for a `script` or `style` element (name, attributes), whether its content is
    /// read; nil reads every one (see `HTMLParser.parse`).
    private let keepRawText: ((String, [HTMLAttribute]) -> Bool)?
    @exclusivity(unchecked) private var stack: [Frame] = []
    /// The children of the open elements, each element's after its parent's: an element's
    /// child array is made once, at its final size, when it closes (`close`), instead of
    /// growing by doubling one child at a time.
    @exclusivity(unchecked) private var openChildren: [HTMLNode] = []
    /// The text node still being filled (the last child of the innermost open element):
    /// its bytes, and whether it is character data (1) or CDATA (2); 0 when none.
    @exclusivity(unchecked) private var pending: HTMLNode?
    @exclusivity(unchecked) private var pendingKind = 0
    @exclusivity(unchecked) private var bytes: [UInt8] = []
    /// libxml2's document children as far as they decide where a parentless element goes.
    @exclusivity(unchecked) private var docHasChildren = false
    @exclusivity(unchecked) private var docFirstElement: HTMLNode?
    @exclusivity(unchecked) private var hasDTD = false
    /// Whether a void element received content (moved out by `finish`).
    @exclusivity(unchecked) private var voidHasContent = false
    /// Names already converted, by libxml2's pointer: the parser hands out each element and
    /// attribute name from its dictionary (or a constant, for implied elements), so one
    /// pointer is one name for the whole parse. Direct-mapped, `NameCache.size` slots each.
    private let elementNames = NameCache()
    private let attributeNames = NameCache()
    /// A placeholder pushed on libxml2's node stack for every open element, so that the
    /// parser's own node-stack bookkeeping (depth limit, pops) stays as with the tree builder.
    private let placeholder: UnsafeMutablePointer<xmlNode>
    /// A text node that the placeholder holds as its only child. libxml2 2.9's `areBlanks`
    /// asks, for every white-space-only text, whether the current node's last child is text
    /// and otherwise compares the element's name with some 60 names: its answer only chooses
    /// between the `characters` and `ignorableWhitespace` callbacks (one handler here) and
    /// whether `htmlCheckParagraph` runs, which does nothing below an element other than
    /// `html` or `head` (and for those, and outside any element, `areBlanks` answers before
    /// it looks at the node). With a text child the answer comes at once: about 3% of an
    /// extraction's instructions were those name comparisons.
    private let placeholderText: UnsafeMutablePointer<xmlNode>

    init(keepRawText: ((String, [HTMLAttribute]) -> Bool)? = nil) {
        self.keepRawText = keepRawText
        placeholder = .allocate(capacity: 1)
        placeholder.initialize(to: xmlNode())
        placeholder.pointee.type = XML_ELEMENT_NODE
        placeholderText = .allocate(capacity: 1)
        placeholderText.initialize(to: xmlNode())
        placeholderText.pointee.type = XML_TEXT_NODE
        placeholderText.pointee.parent = placeholder
        placeholder.pointee.children = placeholderText
        placeholder.pointee.last = placeholderText
        stack.reserveCapacity(64)
        openChildren.reserveCapacity(1024)
        bytes.reserveCapacity(4096)
    }

    deinit {
        placeholder.deinitialize(count: 1)
        placeholder.deallocate()
        placeholderText.deinitialize(count: 1)
        placeholderText.deallocate()
    }

    /// The finished tree.
    func finish() -> HTMLNode {
        flush()
        closeFrames(to: 0)
        if voidHasContent { Self.moveOutOfVoids(root) }
        return root
    }

    /// Closes the open elements above depth `depth`, innermost first: each gets its children,
    /// and the outermost, whose parent is already closed, tells its ancestors the element
    /// numbers below it (`descendantTags`).
    @inline(__always) private func closeFrames(to depth: Int) {
        while stack.count > depth {
            let f = stack.removeLast()
            if openChildren.count > f.childStart {
                f.node.appendParsedChildren(openChildren[f.childStart...])
                openChildren.removeLast(openChildren.count - f.childStart)
            }
            if stack.isEmpty, let parent = f.node.parent {
                var tags = f.node.descendantTags
                tags.insert(f.node.tag)
                parent.noteDescendantTags(tags)
            }
        }
    }

    /// Adds `node` as the last child of the innermost open element.
    @inline(__always) private func addToOpenElement(_ node: HTMLNode) {
        openChildren.append(node)
        if stack[stack.count - 1].isVoid { voidHasContent = true }
    }

    /// Ends the pending text node.
    @inline(__always) private func flush() {
        guard let p = pending else { return }
        p.text = String(decoding: bytes, as: UTF8.self)
        bytes.removeAll(keepingCapacity: true)
        pending = nil
        pendingKind = 0
    }

    /// Drops the elements the parser popped from its node stack itself (a start tag without
    /// its `>`).
    @inline(__always) private func sync(_ ctxt: xmlParserCtxtPtr) {
        let depth = Int(ctxt.pointee.nodeNr)
        if stack.count > depth {
            flush()
            closeFrames(to: depth)
        }
    }

    private func appendAtDocumentLevel(_ node: HTMLNode?) {
        if let node { root.append(node) }
        if !docHasChildren {
            docHasChildren = true
            docFirstElement = nil
        }
    }

    fileprivate func startElement(_ ctxt: xmlParserCtxtPtr, _ name: UnsafePointer<xmlChar>,
                                  _ atts: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        sync(ctxt)
        flush()
        if nodePush(ctxt, placeholder) < 0 { return }  // too deep: libxml2 stops and drops it
        var attrs: [HTMLAttribute] = []
        var lengths: UInt64 = 0
        if let atts {
            var count = 0
            while atts[count] != nil { count += 2 }
            attrs.reserveCapacity(count / 2)
            var i = 0
            while let an = atts[i] {
                // The name, and its length bit (`HTMLNode.lengthBit`; 64: none) as the tag.
                let (attName, _, bitIndex) = attributeNames.lookup(an) { p in
                    let n = HTMLParser.lowerName(p)
                    let bit = HTMLNode.lengthBit(n)
                    return (n, false, bit.map { UInt8($0.trailingZeroBitCount) } ?? 64)
                }
                let value: String
                if let v = atts[i + 1] {
                    value = String(cString: v)
                } else if htmlIsBooleanAttr(an) != 0 {
                    value = String(cString: an)
                } else {
                    value = ""
                }
                let bit: UInt64 = bitIndex < 64 ? 1 << UInt64(bitIndex) : ~0
                // A name seen before is dropped (no earlier name of its length: none was).
                if lengths & bit == 0 || !attrs.contains(where: { $0.name == attName }) {
                    attrs.append(HTMLAttribute(name: attName, value: value))
                    lengths |= bit
                }
                i += 2
            }
        }
        let (elName, elIsVoid, elTag) = elementNames.lookup(name) { p in
            let n = HTMLParser.lowerName(Self.localName(p))
            return (n, HTMLParser.isVoid(n), HTMLTag.number(n))
        }
        let el = HTMLNode(element: elName, tag: elTag, attributes: attrs, attributeLengths: lengths)
        if !stack.isEmpty {
            addToOpenElement(el)
        } else if !docHasChildren {
            root.append(el)
            docHasChildren = true
            docFirstElement = el
        } else if let first = docFirstElement {
            first.append(el)
            if HTMLParser.isVoid(first.name) { voidHasContent = true }
        } else {
            root.append(el)
        }
        stack.append(Frame(node: el, isVoid: elIsVoid, childStart: openChildren.count))
        if let keep = keepRawText, elName == "script" || elName == "style", !keep(elName, attrs) {
            _ = offprint_html_skip_raw_text(ctxt)
        }
    }

    /// The part of a prefixed name after its first colon, as libxml2's tree builder names
    /// elements (`xmlSplitQName`: `g:plusone` -> `plusone`; `:x` and `x:` stay whole).
    @inline(__always) static func localName(_ name: UnsafePointer<xmlChar>) -> UnsafePointer<xmlChar> {
        if name[0] == 0x3A { return name }
        var i = 0
        while name[i] != 0 && name[i] != 0x3A { i += 1 }
        if name[i] == 0x3A && name[i + 1] != 0 { return name + i + 1 }
        return name
    }

    fileprivate func endElement(_ ctxt: xmlParserCtxtPtr) {
        sync(ctxt)
        flush()
        if !stack.isEmpty { closeFrames(to: stack.count - 1) }
        _ = nodePop(ctxt)
    }

    fileprivate func characters(_ ctxt: xmlParserCtxtPtr, _ ch: UnsafePointer<xmlChar>, _ len: Int, cdata: Bool) {
        sync(ctxt)
        guard !stack.isEmpty else { return }
        let kind = cdata ? 2 : 1
        if pendingKind != kind {
            flush()
            let t = HTMLNode(kind: .text)
            addToOpenElement(t)
            pending = t
            pendingKind = kind
        }
        bytes.append(contentsOf: UnsafeBufferPointer(start: ch, count: len))
    }

    fileprivate func comment(_ ctxt: xmlParserCtxtPtr, _ value: UnsafePointer<xmlChar>) {
        sync(ctxt)
        flush()
        let c = HTMLNode(kind: .comment, text: String(cString: value))
        if !stack.isEmpty {
            addToOpenElement(c)
        } else {
            appendAtDocumentLevel(c)
        }
    }

    /// A processing instruction is no node here, but it ends a text node and counts as a
    /// document child.
    fileprivate func processingInstruction(_ ctxt: xmlParserCtxtPtr) {
        sync(ctxt)
        flush()
        if stack.isEmpty { appendAtDocumentLevel(nil) }
    }

    /// The DOCTYPE: libxml2 puts its node first among the document's children.
    fileprivate func internalSubset() {
        guard !hasDTD else { return }
        hasDTD = true
        docHasChildren = true
        docFirstElement = nil
    }

    /// Moves the children of void elements out, after them, recursively.
    private static func moveOutOfVoids(_ parent: HTMLNode) {
        var i = 0
        while i < parent.children.count {
            let c = parent.children[i]
            if c.kind == .element {
                if HTMLParser.isVoid(c.name) {
                    if !c.children.isEmpty {
                        let moved = c.children
                        c.removeAllChildren()
                        for (k, m) in moved.enumerated() { parent.insert(m, at: i + 1 + k) }
                    }
                } else {
                    moveOutOfVoids(c)
                }
            }
            i += 1
        }
    }

    /// The SAX handler (its SAX1 part is what the parser uses).
    static var handler: htmlSAXHandler {
        var h = htmlSAXHandler()
        h.internalSubset = { ctx, _, _, _ in
            saxBuilder(ctx).1.internalSubset()
        }
        h.startElement = { ctx, name, atts in
            let (ctxt, b) = saxBuilder(ctx)
            b.startElement(ctxt, name!, atts)
        }
        h.endElement = { ctx, _ in
            let (ctxt, b) = saxBuilder(ctx)
            b.endElement(ctxt)
        }
        h.characters = { ctx, ch, len in
            let (ctxt, b) = saxBuilder(ctx)
            b.characters(ctxt, ch!, Int(len), cdata: false)
        }
        h.ignorableWhitespace = { ctx, ch, len in
            let (ctxt, b) = saxBuilder(ctx)
            b.characters(ctxt, ch!, Int(len), cdata: false)
        }
        h.cdataBlock = { ctx, ch, len in
            let (ctxt, b) = saxBuilder(ctx)
            b.characters(ctxt, ch!, Int(len), cdata: true)
        }
        h.comment = { ctx, value in
            let (ctxt, b) = saxBuilder(ctx)
            b.comment(ctxt, value!)
        }
        h.processingInstruction = { ctx, _, _ in
            let (ctxt, b) = saxBuilder(ctx)
            b.processingInstruction(ctxt)
        }
        return h
    }
}

/// A direct-mapped cache from libxml2 name pointers to converted names (see
/// `SAXTreeBuilder.elementNames`).
private final class NameCache {
    static let size = 256
    struct Entry {
        var key: UnsafeRawPointer?
        var name: String
        var flag: Bool
        var tag: UInt8
    }
    private let slots: UnsafeMutablePointer<Entry>

    init() {
        slots = .allocate(capacity: Self.size)
        slots.initialize(repeating: Entry(key: nil, name: "", flag: false, tag: 0), count: Self.size)
    }

    deinit {
        slots.deinitialize(count: Self.size)
        slots.deallocate()
    }

    /// The name (with a flag and a tag number) for `p`, made by `make` the first time `p` is
    /// seen in its slot.
    @inline(__always) func lookup(_ p: UnsafePointer<xmlChar>, _ make: (UnsafePointer<xmlChar>) -> (String, Bool, UInt8))
        -> (name: String, flag: Bool, tag: UInt8) {
        let key = UnsafeRawPointer(p)
        let bits = UInt(bitPattern: key)
        let i = Int(bitPattern: (bits >> 2) ^ (bits >> 10)) & (Self.size - 1)
        if slots[i].key == key { return (slots[i].name, slots[i].flag, slots[i].tag) }
        let (name, flag, tag) = make(p)
        slots[i] = Entry(key: key, name: name, flag: flag, tag: tag)
        return (name, flag, tag)
    }
}

/// The parser context and the builder of a callback (`ctxt->_private`).
@inline(__always) private func saxBuilder(_ ctx: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, SAXTreeBuilder) {
    let ctxt = ctx!.assumingMemoryBound(to: xmlParserCtxt.self)
    return (ctxt, Unmanaged<SAXTreeBuilder>.fromOpaque(ctxt.pointee._private!).takeUnretainedValue())
}
