/* The bridge of xml-lx.h: the libxml2 document inside an md_xml_doc. */
#include "xml-lx.h"

#include "xml-imp.h"

struct _xmlDoc *
md_xml_lx_doc(const md_xml_doc *doc)
{
    return doc->doc;
}
