/* Open data: a meeting as JSON modelled on OParl 1.1 (Meeting, AgendaItem, Location, File,
 * Person, Membership, Organization), written through json.h. Field names and what each
 * holds are in docs/opendata.md. */
#ifndef MD_XML_OPARL_H
#define MD_XML_OPARL_H

#include <stddef.h>

#include "arena.h"
#include "base.h"
#include "diag.h"
#include "json.h"
#include "xml.h"

/* OParl's type URLs. */
#define MD_OPARL_TYPE "https://schema.oparl.org/1.1/"

/* A body (OParl Organization) of a meeting. Strings live in the arena given. */
typedef struct md_oparl_body {
    const char *id;   /* the <body> id, e.g. "samverkansradet" */
    const char *name; /* "Samverkansrådet" */
    const char *type; /* "Råd", "Nämnd", "Nätverk", "Utskott", "Styrelse"; static */
} md_oparl_body;

/* Writes the Meeting of doc (valid and linted) as one JSON value at the writer's current
 * place. name is the meeting's file name without ".xml" ("2024-01-30"); object ids are
 * paths relative to the data folder ("meetings/2024-01-30.json"). is_full 0 writes the
 * summary the index holds (no agenda, persons or memberships). MD_ENOMEM, or the writer's
 * own failure; MD_EINPUT with a diagnostic when the meeting has no usable date or time. */
md_status md_xml_oparl_meeting(const md_xml_doc *doc, const char *name, int is_full, md_diags *d,
                               md_json *j);

/* The bodies of doc in document order: *out (*len of them) in a, until md_arena_free(a). */
md_status md_xml_oparl_bodies(const md_xml_doc *doc, md_arena *a, md_oparl_body **out, size_t *len);

/* The ISO 8601 local time with Europe/Stockholm's offset of day (YYYY-MM-DD) at minutes
 * past midnight: "2024-01-30T16:00:00+01:00", summer time (EU rule, from the last Sunday of
 * March 01:00 UTC to the last Sunday of October 01:00 UTC) "+02:00". out holds 32 bytes. */
void md_oparl_local_time(const char *day, int minutes, char out[32]);

#endif
