/* COffprintZlib: the zlib header (not "CZlib": ZIPFoundation, used by the tests, has a module of that name), for the ZIP writer (Sources/OffprintExport/ZIPWriter.swift).
   deflateInit2 is a macro in zlib.h; this inline function makes it callable from Swift. */
#include <zlib.h>

static inline int offprint_deflateInit2(z_streamp strm, int level) {
    return deflateInit2(strm, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}
