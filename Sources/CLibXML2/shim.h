// Debian's libxml2 is built with ICU, so <libxml/encoding.h> pulls in <unicode/ucnv.h>.
// Foundation ships its own ICU module and the two definitions of UErrorCode clash.
// Nothing here uses libxml2's ICU converters, so keep the system ICU headers out and
// declare the two opaque types encoding.h needs.
#ifndef UCNV_H
#define UCNV_H
typedef struct UConverter UConverter;
typedef unsigned short UChar;
#endif
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
