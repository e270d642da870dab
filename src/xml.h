/* Safe reading of meeting XML (no network, no DTD, no entities, bounded size and depth),
 * RELAX NG validation against xml/schema/, and the checks the schema cannot express. */
#ifndef MD_XML_H
#define MD_XML_H

#include "base.h"
#include "diag.h"

/* The namespace of meeting documents. */
#define MD_XML_NS "urn:motesdok:meeting:1"

/* Largest XML file read, in bytes (a meeting is a few hundred kB at most). */
#define MD_XML_MAX_BYTES ((long)16 * 1024 * 1024)

typedef struct md_xml_doc md_xml_doc;

/* Reads and parses the XML file at path: it must be UTF-8 (a BOM is fine) and may not
 * declare a DTD or entities. On MD_OK *out belongs to the caller (md_xml_free); on
 * MD_EINPUT or MD_ELIMIT the reasons are in d; MD_EIO when the file cannot be read. */
md_status md_xml_read(const char *path, md_diags *d, md_xml_doc **out);

/* Parses len bytes already in memory as if read from the file name; as md_xml_read. */
md_status md_xml_read_memory(const char *name, const char *data, size_t len, md_diags *d,
                             md_xml_doc **out);

/* Validates doc against the RELAX NG schema (XML syntax) at schema_path. MD_EINPUT when
 * invalid, with one diagnostic per problem in d; MD_EIO when the schema cannot be read. */
md_status md_xml_validate(const md_xml_doc *doc, const char *schema_path, md_diags *d);

/* A RELAX NG schema parsed once, for validating many documents (motesdok batch): parsing
 * xml/schema/meeting.rng costs more than validating a meeting against it. */
typedef struct md_xml_schema md_xml_schema;

/* Reads and parses the RELAX NG schema (XML syntax) at schema_path. On MD_OK *out is the
 * caller's (md_xml_schema_free); MD_EIO with the reason in d when it cannot be read or
 * parsed. */
md_status md_xml_schema_load(const char *schema_path, md_diags *d, md_xml_schema **out);

/* As md_xml_validate, against a schema already parsed; schema is not changed, so one schema
 * validates any number of documents. */
md_status md_xml_validate_schema(const md_xml_doc *doc, const md_xml_schema *schema, md_diags *d);

/* Releases schema; NULL is fine. */
void md_xml_schema_free(md_xml_schema *schema);

/* The checks a schema cannot express: times in order, dates that exist, weekdays that
 * match dates, § numbers, references, files that exist, Swedish conventions (warnings).
 * Errors give MD_EINPUT; warnings alone give MD_OK. */
md_status md_xml_lint(const md_xml_doc *doc, md_diags *d);

/* The file name the document was read from; borrowed, valid until md_xml_free(doc). */
const char *md_xml_path(const md_xml_doc *doc);

/* Releases doc; NULL is fine. */
void md_xml_free(md_xml_doc *doc);

#endif
