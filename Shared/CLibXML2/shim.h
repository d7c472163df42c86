#ifndef HOMEPRICE_CLIBXML2_SHIM_H
#define HOMEPRICE_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU; its encoding header would pull the system ICU headers,
   which clash with Foundation's own ICU module. Markup never touches the ICU-dependent
   fields of xmlCharEncodingHandler (it only passes pointers), so ICU is hidden here. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#endif
