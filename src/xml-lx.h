/* Bridge for the one module that must hand the parsed meeting to libxml2-based code (xslt.c):
 * the libxml2 document inside an md_xml_doc, without including libxml2 here (STYLE.md §5). */
#ifndef MD_XML_LX_H
#define MD_XML_LX_H

#include "xml.h"

struct _xmlDoc;

/* The libxml2 document of doc (an xmlDocPtr); borrowed, valid until md_xml_free(doc). Callers
 * may read it but must not change or free it. */
struct _xmlDoc *md_xml_lx_doc(const md_xml_doc *doc);

#endif
