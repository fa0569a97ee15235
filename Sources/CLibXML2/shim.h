/* CLibXML2: the libxml2 headers Offprint uses. Debian's libxml2 is built with ICU, whose
   headers clash with Foundation's; xmlversion.h is read first so the ICU switch can be
   turned off before the parser headers see it. */
#include <stdint.h>
#include <string.h>
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>
#include <libxml/xmlstring.h>
#include <libxml/globals.h>
#include <libxml/parserInternals.h>
#include <libxml/encoding.h>

/* xmlFree is a global function pointer; reading it from Swift 6 is a strict-concurrency
   error, so it is called through this inline function. */
static inline void offprint_xmlFree(void *p) { xmlFree(p); }

/* ---- Building Offprint's own tree from libxml2's HTML SAX callbacks (HTMLParser.swift) ----
   libxml2 2.9's htmlReadMemory builds libxml2's tree with its SAX2 handler; Offprint builds
   its HTMLNode tree straight from the same callbacks instead. The helpers below reproduce the
   parts of htmlReadMemory and of the SAX2 handler that the callbacks cannot see. */

/* htmlReadMemory(buffer, size, url, "UTF-8", options) with `handler` (its SAX1 part, as
   htmlReadMemory copies htmlDefaultSAXHandler) in place of the tree builder; `priv` is
   stored in ctxt->_private for the callbacks. Returns -1 when no parser could be made. */
static inline int offprint_html_sax_parse(const char *buffer, int size, const char *url,
                                          const htmlSAXHandler *handler, void *priv, int options) {
    xmlParserCtxtPtr ctxt;
    xmlCharEncodingHandlerPtr enc;
    xmlInitParser();
    ctxt = xmlCreateMemoryParserCtxt(buffer, size);
    if (ctxt == NULL) return -1;
    if (ctxt->sax != NULL) memcpy(ctxt->sax, handler, sizeof(xmlSAXHandlerV1));
    ctxt->_private = priv;
    htmlCtxtUseOptions(ctxt, options);
    ctxt->html = 1;
    enc = xmlFindCharEncodingHandler("UTF-8");
    if (enc != NULL) {
        xmlSwitchToEncoding(ctxt, enc);
        if (ctxt->input->encoding != NULL) xmlFree((xmlChar *) ctxt->input->encoding);
        ctxt->input->encoding = xmlStrdup((const xmlChar *) "UTF-8");
    }
    if ((url != NULL) && (ctxt->input != NULL) && (ctxt->input->filename == NULL))
        ctxt->input->filename = (char *) xmlStrdup((const xmlChar *) url);
    htmlParseDocument(ctxt);
    if (ctxt->myDoc != NULL) { xmlFreeDoc(ctxt->myDoc); ctxt->myDoc = NULL; }
    htmlFreeParserCtxt(ctxt);
    return 0;
}

/* ---- Skipping the content of a script or style element (HTMLParser.swift) ----
   Called from the SAX start-element callback of a `script` or `style` element: libxml2 2.9 to
   2.13 call it from htmlParseStartTag with ctxt->input->cur on the start tag's `>` (not yet
   consumed; htmlParseElementInternal consumes it after the callback), and then read the
   element's content in htmlParseScript one character at a time, until the first `</` followed
   by the element's name (case-insensitive, recover mode). This moves the input to the `>` just
   before that `</name` instead (writing the `>` over the last byte of the skipped content, in
   libxml2's own copy of the input), so the element ends with no content, as it would have
   after htmlParseScript, without the parser reading it. Nothing is skipped (returns 0) when the
   content is empty, starts with `<` (libxml2 checks for an end tag or an auto-closing start tag
   there before htmlParseScript), holds a control character other than tab, line feed and
   carriage return (a NUL ends htmlParseScript; before libxml2 2.9.11 any such character did,
   and the parser looked for end tags after it), or never reaches `</name`; or with another
   libxml2 version. Returns 1 when the content was skipped. */
static inline int offprint_html_skip_raw_text(xmlParserCtxtPtr ctxt) {
#if LIBXML_VERSION >= 20900 && LIBXML_VERSION < 21400
    xmlParserInputPtr in;
    const xmlChar *name, *start, *end, *p;
    size_t n;
    if (ctxt == NULL || ctxt->input == NULL || ctxt->name == NULL) return 0;
    in = ctxt->input;
    name = ctxt->name;
    /* libxml2 reads raw text only for elements named exactly so (not `x:script`). */
    if (!xmlStrEqual(name, BAD_CAST "script") && !xmlStrEqual(name, BAD_CAST "style")) return 0;
    if (in->cur == NULL || in->end == NULL || in->cur + 2 >= in->end || in->cur[0] != '>') return 0;
    start = in->cur + 1;
    end = in->end;
    if (start[0] == '<') return 0;
    n = strlen((const char *) name);
    p = start;
    for (;;) {
        p = memchr(p, '<', (size_t) (end - p));
        if (p == NULL || (size_t) (end - p) < n + 2) return 0;
        if (p[1] == '/' && xmlStrncasecmp(name, p + 2, (int) n) == 0) break;
        p++;
    }
    /* Eight bytes at a time: a word with no byte under 0x20 (most of them) needs no look at
       its bytes (the test, "hasless" of the bit-twiddling hacks, is exact for n <= 128). */
    {
        const xmlChar *q = start;
        for (; q + 8 <= p; q += 8) {
            uint64_t x;
            memcpy(&x, q, 8);
            if (((x - 0x2020202020202020ULL) & ~x & 0x8080808080808080ULL) == 0) continue;
            for (int k = 0; k < 8; k++) {
                if (q[k] < 0x20 && q[k] != 0x09 && q[k] != 0x0A && q[k] != 0x0D) return 0;
            }
        }
        for (; q < p; q++) {
            if (*q < 0x20 && *q != 0x09 && *q != 0x0A && *q != 0x0D) return 0;
        }
    }
    ((xmlChar *) p)[-1] = '>';
    in->cur = p - 1;
    return 1;
#else
    (void) ctxt;
    return 0;
#endif
}
