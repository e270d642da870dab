/* Per-meeting records for ics, data and the site (site-cache.h). A record is one file,
 * OUT/.TAG-cache/NAME: its key line, then the payload its command wrote. The key names
 * everything the payload was derived from that can change without the program knowing: the
 * meeting file (size, time and a hash of its bytes), the schema and the meeting images (their
 * times: a meeting valid against an older schema or naming a figure since deleted must be
 * read again) and the program itself. */
#include "site-cache.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xml.h"

uint64_t
md_site_hash(const void *p, size_t len)
{
    return md_hash64(0, p, len);
}

md_status
md_site_add_mtime(md_buf *key, const char *what, const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return md_buf_addf(key, " %s=0.0", what);
    return md_buf_addf(key, " %s=%lld.%09ld", what, (long long)sb.st_mtim.tv_sec,
                       (long)sb.st_mtim.tv_nsec);
}

md_status
md_site_rec_key(const char *file, const char *schema, const char *images, const char *tag,
                const char *extra, md_buf *key)
{
    md_buf raw = {0};
    struct stat sb;
    md_status st = MD_OK;
    if (stat(file, &sb) != 0 || !S_ISREG(sb.st_mode))
        return MD_OK;
    md_status r = md_buf_read_file(&raw, file, (size_t)MD_XML_MAX_BYTES);
    if (r == MD_ENOMEM)
        st = r;
    if (r == MD_OK && (off_t)raw.len == sb.st_size) {
        size_t mark = key->len;
        st = md_buf_addf(key, "motesdok-%s 2 size=%zu mtime=%lld.%09ld hash=%016llx", tag, raw.len,
                         (long long)sb.st_mtim.tv_sec, (long)sb.st_mtim.tv_nsec,
                         (unsigned long long)md_site_hash(raw.data, raw.len));
        if (st == MD_OK)
            st = md_site_add_mtime(key, "schema", schema);
        if (st == MD_OK)
            st = md_site_add_mtime(key, "images", images);
        if (st == MD_OK)
            st = md_site_add_mtime(key, "program", "/proc/self/exe");
        if (st == MD_OK && extra != NULL)
            st = md_buf_addf(key, " %s", extra);
        if (st == MD_OK)
            st = md_buf_adds(key, "\n");
        if (st != MD_OK && key->data != NULL) {
            key->len = mark;
            key->data[mark] = '\0';
        }
    }
    md_buf_free(&raw);
    return st;
}

md_status
md_site_rec_get(const char *path, const md_buf *key, md_buf *payload, int *hit)
{
    md_buf rec = {0};
    *hit = 0;
    if (key->len == 0)
        return MD_OK;
    md_status r = md_buf_read_file(&rec, path, 64UL * 1024 * 1024);
    md_status st = r == MD_ENOMEM ? r : MD_OK;
    if (r == MD_OK && rec.len >= key->len && memcmp(rec.data, key->data, key->len) == 0) {
        /* The payload's line: its length and hash, so a damaged payload is no hit. */
        const char *line = rec.data + key->len, *end = rec.data + rec.len;
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        char head[64], want[64];
        if (eol != NULL && (size_t)(eol - line) < sizeof head) {
            memcpy(head, line, (size_t)(eol - line));
            head[eol - line] = '\0';
            size_t len = (size_t)(end - (eol + 1));
            snprintf(want, sizeof want, "payload %zu %016llx", len,
                     (unsigned long long)md_site_hash(eol + 1, len));
            if (strcmp(head, want) == 0) {
                st = md_buf_add(payload, eol + 1, len);
                *hit = st == MD_OK;
            }
        }
    }
    md_buf_free(&rec);
    return st;
}

md_status
md_site_rec_put(const char *path, const md_buf *key, const char *payload, size_t len)
{
    if (key->len == 0)
        return MD_OK;
    md_buf tmp = {0};
    md_status st = md_buf_addf(&tmp, "%s.tmp-%ld", path, (long)getpid());
    if (st != MD_OK)
        return st;
    FILE *f = fopen(tmp.data, "wb");
    if (f == NULL && errno == ENOENT) {
        /* The records' folder: made once (its parent, OUT, exists when anything was built). */
        char *slash = strrchr(tmp.data, '/');
        if (slash != NULL) {
            *slash = '\0';
            (void)mkdir(tmp.data, 0777);
            *slash = '/';
            f = fopen(tmp.data, "wb");
        }
    }
    if (f == NULL) {
        md_buf_free(&tmp);
        return MD_EIO;
    }
    char head[64];
    int head_len = snprintf(head, sizeof head, "payload %zu %016llx\n", len,
                            (unsigned long long)md_site_hash(len > 0 ? payload : "", len));
    int ok = fwrite(key->data, 1, key->len, f) == key->len;
    ok = ok && fwrite(head, 1, (size_t)head_len, f) == (size_t)head_len;
    ok = ok && (len == 0 || fwrite(payload, 1, len, f) == len);
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp.data, path) != 0) {
        remove(tmp.data);
        st = MD_EIO;
    }
    md_buf_free(&tmp);
    return st;
}

md_status
md_site_pack_int(md_buf *out, long long v)
{
    return md_buf_addf(out, "%lld ", v);
}

md_status
md_site_pack_str(md_buf *out, const char *s)
{
    if (s == NULL)
        return md_buf_adds(out, "-");
    size_t len = strlen(s);
    md_status st = md_buf_addf(out, "%zu:", len);
    return st == MD_OK ? md_buf_add(out, s, len) : st;
}

/* Reads decimal digits (with an optional '-') up to stop; sets bad otherwise. */
static long long
read_number(md_site_unpack *u, char stop)
{
    if (u->bad)
        return 0;
    int neg = u->p < u->end && *u->p == '-';
    const char *q = u->p + neg;
    long long v = 0;
    int digits = 0;
    while (q < u->end && *q >= '0' && *q <= '9' && digits < 18) {
        v = v * 10 + (*q - '0');
        q++;
        digits++;
    }
    if (digits == 0 || q >= u->end || *q != stop) {
        u->bad = 1;
        return 0;
    }
    u->p = q + 1;
    return neg ? -v : v;
}

long long
md_site_unpack_int(md_site_unpack *u)
{
    return read_number(u, ' ');
}

const char *
md_site_unpack_str(md_site_unpack *u, md_arena *a)
{
    if (u->bad)
        return NULL;
    if (u->p < u->end && *u->p == '-') {
        u->p++;
        return NULL;
    }
    long long len = read_number(u, ':');
    if (u->bad || len < 0 || len > u->end - u->p) {
        u->bad = 1;
        return NULL;
    }
    char *s = md_arena_strndup(a, u->p, (size_t)len);
    if (s == NULL) {
        u->bad = 1;
        return NULL;
    }
    u->p += len;
    return s;
}

/* Whether d is a day that exists (years 1..9999, as md_ics_write takes them). */
static int
day_ok(md_date d)
{
    return d.year >= 1 && d.year <= 9999 && d.day >= 1 &&
           d.day <= md_date_days_in_month(d.year, d.month);
}

int
md_site_event_ok(const md_event *e)
{
    if (e->uid == NULL || (e->is_meeting != 0 && e->is_meeting != 1) || !day_ok(e->date) ||
        (e->source.year != 0 && !day_ok(e->source)) || e->start < -1 || e->start >= 24 * 60 ||
        e->end < -1 || e->end >= 24 * 60 || e->line < 0 || e->body_len > MD_SITE_MAX_BODIES ||
        (int)e->when < MD_EVENT_DAY || (int)e->when > MD_EVENT_TERM ||
        (int)e->status < MD_EVENT_NONE || (int)e->status > MD_EVENT_CANCELLED)
        return 0;
    if (e->body_len > 0 && (e->body_id == NULL || e->body_name == NULL))
        return 0;
    for (size_t b = 0; b < e->body_len; b++) {
        if (e->body_id[b] == NULL || e->body_name[b] == NULL)
            return 0;
    }
    return 1;
}

md_status
md_site_events_pack(const md_event *ev, size_t n, md_buf *out)
{
    md_status st = md_site_pack_int(out, (long long)n);
    for (size_t i = 0; st == MD_OK && i < n; i++) {
        const md_event *e = &ev[i];
        const long long ints[] = {
            e->is_meeting,         e->when,         e->date.year,  e->date.month,
            e->date.day,           e->start,        e->end,        e->status,
            e->source.year,        e->source.month, e->source.day, e->line,
            (long long)e->body_len};
        for (size_t k = 0; st == MD_OK && k < sizeof ints / sizeof ints[0]; k++)
            st = md_site_pack_int(out, ints[k]);
        const char *const strs[] = {e->uid, e->title, e->place, e->note};
        for (size_t k = 0; st == MD_OK && k < sizeof strs / sizeof strs[0]; k++)
            st = md_site_pack_str(out, strs[k]);
        for (size_t b = 0; st == MD_OK && b < e->body_len; b++) {
            st = md_site_pack_str(out, e->body_id[b]);
            if (st == MD_OK)
                st = md_site_pack_str(out, e->body_name[b]);
        }
    }
    return st;
}

md_status
md_site_events_unpack(md_site_unpack *u, md_arena *a, md_event **out, size_t *n_out)
{
    long long n = md_site_unpack_int(u);
    if (u->bad || n < 0 || n > 100000)
        return MD_EINPUT;
    md_event *ev = n > 0 ? md_arena_alloc_array(a, (size_t)n, sizeof *ev) : NULL;
    if (n > 0 && ev == NULL)
        return MD_ENOMEM;
    for (long long i = 0; i < n && !u->bad; i++) {
        md_event *e = &ev[i];
        e->is_meeting = (int)md_site_unpack_int(u);
        long long when = md_site_unpack_int(u);
        e->date.year = (int)md_site_unpack_int(u);
        e->date.month = (int)md_site_unpack_int(u);
        e->date.day = (int)md_site_unpack_int(u);
        e->start = (int)md_site_unpack_int(u);
        e->end = (int)md_site_unpack_int(u);
        long long status = md_site_unpack_int(u);
        e->source.year = (int)md_site_unpack_int(u);
        e->source.month = (int)md_site_unpack_int(u);
        e->source.day = (int)md_site_unpack_int(u);
        e->line = (long)md_site_unpack_int(u);
        long long bodies = md_site_unpack_int(u);
        if (u->bad || when < MD_EVENT_DAY || when > MD_EVENT_TERM || status < MD_EVENT_NONE ||
            status > MD_EVENT_CANCELLED || bodies < 0 || bodies > MD_SITE_MAX_BODIES)
            return MD_EINPUT;
        e->when = (md_event_when)when;
        e->status = (md_event_status)status;
        e->uid = md_site_unpack_str(u, a);
        e->title = md_site_unpack_str(u, a);
        e->place = md_site_unpack_str(u, a);
        e->note = md_site_unpack_str(u, a);
        e->body_len = (size_t)bodies;
        const char **ids = bodies > 0 ? md_arena_alloc_array(a, (size_t)bodies, sizeof *ids) : NULL;
        const char **names =
            bodies > 0 ? md_arena_alloc_array(a, (size_t)bodies, sizeof *names) : NULL;
        if (bodies > 0 && (ids == NULL || names == NULL))
            return MD_ENOMEM;
        for (long long b = 0; b < bodies && !u->bad; b++) {
            ids[b] = md_site_unpack_str(u, a);
            names[b] = md_site_unpack_str(u, a);
        }
        e->body_id = ids;
        e->body_name = names;
        if (!u->bad && !md_site_event_ok(e))
            return MD_EINPUT;
    }
    if (u->bad)
        return MD_EINPUT;
    *out = ev;
    *n_out = (size_t)n;
    return MD_OK;
}
