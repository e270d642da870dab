/* Per-meeting records for the archive's whole-folder commands (motesdok ics, data, site): what
 * a command derived from one valid meeting, kept under OUT/.NAME-cache/ and used again while
 * the meeting's file, the schema, the meeting images and the program are unchanged, so that a
 * run after one meeting changed parses only that meeting. See docs/site.md ("Incremental"). */
#ifndef MD_SITE_CACHE_H
#define MD_SITE_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "base.h"
#include "buf.h"
#include "ics.h"

/* A 64-bit hash of len bytes (not cryptographic: it tells a changed file from an unchanged
 * one of the same size and time): md_hash64 from seed 0. */
uint64_t md_site_hash(const void *p, size_t len);

/* Appends " WHAT=seconds.nanoseconds" of path's modification time to key (0.0 when missing). */
md_status md_site_add_mtime(md_buf *key, const char *what, const char *path);

/* Appends the key line of a meeting's record to key: "motesdok-TAG 2 size=… mtime=… hash=…
 * schema=… images=… program=…" and the extra text (NULL for none), then '\n'. The hash is of
 * the file's bytes, so a change under the same size and time is caught. When the file cannot
 * be read, or changes while it is read, nothing is appended (no record is used or written).
 * MD_ENOMEM is the only failure. */
md_status md_site_rec_key(const char *file, const char *schema, const char *images, const char *tag,
                          const char *extra, md_buf *key);

/* Reads the record at path: *hit is 1 when it begins with key (not empty) and its payload is
 * whole (the length and hash md_site_rec_put wrote), and then the payload is appended to
 * payload. A missing, different or damaged record is no hit. MD_ENOMEM only. */
md_status md_site_rec_get(const char *path, const md_buf *key, md_buf *payload, int *hit);

/* Writes key, "payload LEN HASH\n" (the payload's length and md_site_hash, hex) and payload
 * as the record at path (a temporary file renamed into place, so a reader sees the old record
 * or the new one; the folder is made when missing; not synced: a record lost in a crash only
 * costs the next run time). Nothing is written for an empty key. MD_EIO when it cannot be
 * written (the caller may ignore it), MD_ENOMEM. */
md_status md_site_rec_put(const char *path, const md_buf *key, const char *payload, size_t len);

/* Record payloads: integers and strings, each self-delimiting ("12 ", "5:hello", "-" for a
 * NULL string), so any bytes survive. */
md_status md_site_pack_int(md_buf *out, long long v);
md_status md_site_pack_str(md_buf *out, const char *s);

typedef struct md_site_unpack {
    const char *p, *end;
    int bad; /* set on malformed input; every later read then gives 0 or NULL */
} md_site_unpack;

long long md_site_unpack_int(md_site_unpack *u);
/* The next string, copied into a (NULL for "-" or on failure; failure sets bad, as does an
 * arena out of memory, which the caller tells by checking bad after the reads). */
const char *md_site_unpack_str(md_site_unpack *u, md_arena *a);

/* The most bodies one meeting's record may name (more is a damaged record). */
#define MD_SITE_MAX_BODIES 1000

/* Whether e is an event md_xml_events can make, so md_ics_write and the callers take it: a
 * UID, a day that exists (and a source day that exists or year 0), times of a day (-1 when
 * unknown), known kinds, at most MD_SITE_MAX_BODIES bodies each with an id and a name. */
int md_site_event_ok(const md_event *e);

/* Appends the n events (md_xml_events' output) to out in the record form. */
md_status md_site_events_pack(const md_event *ev, size_t n, md_buf *out);
/* Reads events packed by md_site_events_pack from u into a: *out (*n) live in a. MD_EINPUT
 * when the bytes are not such a list or an event fails md_site_event_ok (a damaged record:
 * read the meeting instead),
 * MD_ENOMEM. */
md_status md_site_events_unpack(md_site_unpack *u, md_arena *a, md_event **out, size_t *n);

#endif
