/* CLibXML2: the libxml2 headers Offprint uses. Debian's libxml2 is built with ICU, whose
   headers clash with Foundation's; xmlversion.h is read first so the ICU switch can be
   turned off before the parser headers see it. */
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

/* xmlFree is a global function pointer; reading it from Swift 6 is a strict-concurrency
   error, so it is called through this inline function. */
static inline void offprint_xmlFree(void *p) { xmlFree(p); }
