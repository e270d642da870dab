/* Private to the xml module (xml.c, xml-lint.c): the document wrapper. */
#ifndef MD_XML_IMP_H
#define MD_XML_IMP_H

#include <libxml/tree.h>

#include "xml.h"

struct md_xml_doc {
    xmlDocPtr doc;
    char *path;
};

/* True when n is an element in the meeting namespace called name (any name when NULL). */
int md_xml_is(xmlNodePtr n, const char *name);
/* n's first child element in the meeting namespace called name, or NULL (n may be NULL). */
xmlNodePtr md_xml_child(xmlNodePtr n, const char *name);
/* The value of n's attribute name (no namespace), or NULL; borrowed from the tree. */
const char *md_xml_attr(xmlNodePtr n, const char *name);

#endif
