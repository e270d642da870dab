/* The calendar events of a meeting: the meeting itself and every time range of the
 * <entry> elements of its <calendar>s, as plain md_event structs for the ics writer. */
#ifndef MD_XML_EVENTS_H
#define MD_XML_EVENTS_H

#include <stddef.h>

#include "arena.h"
#include "base.h"
#include "diag.h"
#include "ics.h"
#include "xml.h"

/* Reads the events of doc (which should be valid and linted): the meeting first, then the
 * entries in document order, an entry with n <time> ranges giving n events. UIDs follow
 * docs/ics.md. On MD_OK *out (*len of them) and its strings live in a, until
 * md_arena_free(a); on MD_EINPUT (no usable date or time) the reasons are in d. */
md_status md_xml_events(const md_xml_doc *doc, md_arena *a, md_diags *d, md_event **out,
                        size_t *len);

#endif
