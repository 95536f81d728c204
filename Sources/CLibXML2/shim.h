#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, and encoding.h then pulls in ICU's
 * headers, which clash with the ICU copy inside Foundation in any Swift
 * module that imports both. malkoll never touches the ICU converter fields
 * (it only passes encoding handlers around by pointer), so the ICU part of
 * the headers is left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
/* zlib (which libxml2 itself links), for inflating DOCX/ODT members with
 * limits checked while inflating. */
#include <zlib.h>
