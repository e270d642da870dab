/* Private to the xml module (xml.c, xml-lint.c): the document wrapper. */
#ifndef MD_XML_IMP_H
#define MD_XML_IMP_H

#include <libxml/tree.h>

#include "xml.h"

struct md_xml_doc {
    xmlDocPtr doc;
    char *path;
};

#endif
