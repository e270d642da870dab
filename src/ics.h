/* iCalendar writer (RFC 5545): plain calendar events in, a VCALENDAR with the
 * Europe/Stockholm VTIMEZONE out. Knows no XML; the rules (UIDs, merging, month and term
 * entries) are in docs/ics.md. */
#ifndef MD_ICS_H
#define MD_ICS_H

#include <stddef.h>
#include <stdint.h>

#include "base.h"
#include "buf.h"
#include "date.h"

/* How precisely an event's day is known. */
typedef enum md_event_when {
    MD_EVENT_DAY,   /* date is the day */
    MD_EVENT_MONTH, /* only the month: date.day is 1 */
    MD_EVENT_TERM   /* only the term: date is 1 January (VT) or 1 August (HT) */
} md_event_when;

typedef enum md_event_status {
    MD_EVENT_NONE,        /* an entry without status */
    MD_EVENT_PLANNED,     /* meeting, not yet held */
    MD_EVENT_HELD,        /* meeting */
    MD_EVENT_PRELIMINARY, /* entry */
    MD_EVENT_CONFIRMED,   /* entry */
    MD_EVENT_CANCELLED    /* meeting or entry */
} md_event_status;

/* One event: a meeting or one time range of a calendar entry. Strings are UTF-8 and
 * borrowed (md_xml_events puts them in its arena); NULL when absent. */
typedef struct md_event {
    int is_meeting;               /* 1: the meeting itself; 0: an entry it announces */
    md_event_when when;           /* how precisely date is known */
    md_date date;                 /* the day (see md_event_when) */
    int start, end;               /* minutes since midnight, local time; -1 when unknown */
    const char *uid;              /* stable, from the data alone */
    const char *title;            /* SUMMARY */
    const char *place;            /* LOCATION: name, room and address */
    const char *note;             /* DESCRIPTION */
    const char *const *body_id;   /* ids of the bodies */
    const char *const *body_name; /* their names, same order (CATEGORIES) */
    size_t body_len;
    md_event_status status;
    md_date source; /* the date of the meeting that gives this event */
    long line;      /* line of the meeting or entry in the source file; 0 when unknown */
} md_event;

typedef struct md_ics_options {
    const char *name;    /* X-WR-CALNAME; NULL gives "motesdok" */
    const char *body_id; /* only events of this body; NULL for every event */
    int has_dtstamp;     /* 1: every DTSTAMP is dtstamp (e.g. SOURCE_DATE_EPOCH) */
    int64_t dtstamp;     /* seconds since 1970-01-01T00:00:00Z */
} md_ics_options;

/* Appends the calendar of the n events to out: duplicates merged by UID (a meeting beats
 * an entry; a newer announcement beats an older one), term entries left out, sorted by
 * DTSTART then UID. Without opt->has_dtstamp an event's DTSTAMP is its source date at
 * 00:00:00Z. MD_ENOMEM leaves out unchanged; MD_EBUG when an event lacks a UID or has a
 * day or time that does not exist (md_xml_events never makes one). */
md_status md_ics_write(const md_event *ev, size_t n, const md_ics_options *opt, md_buf *out);

/* Appends "name:value" as a content line: value escaped as TEXT when is_text (\\ \; \, \n),
 * CRLF at the end, folded before 75 octets without splitting a UTF-8 sequence. */
md_status md_ics_add_line(md_buf *out, const char *name, const char *value, int is_text);

/* Appends the lower-case ASCII slug of s ("Temakväll: Övning" -> "temakvall-ovning"),
 * at most max bytes, to out. Used for UIDs (docs/ics.md). */
md_status md_ics_add_slug(md_buf *out, const char *s, size_t max);

#endif
