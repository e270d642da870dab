/* Atomic output files: an unnamed temporary file in the target's folder (Linux O_TMPFILE), fsync,
 * then a name given with linkat(2) and rename(2) onto the target, and an fsync of the folder.
 * rename within one file system replaces the target in one step (POSIX). A process killed
 * while writing leaves nothing behind: the unnamed file vanishes with it. Where O_TMPFILE is
 * not supported (some file systems, no /proc) the temporary file is named from the start
 * (.NAME.tmp-XXXXXX, hidden, never mistaken for output) and removed on every failure. */
#define _GNU_SOURCE /* O_TMPFILE, AT_SYMLINK_FOLLOW */
#include "out.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

struct md_out {
    int fd;
    char *path;
    char *tmp;   /* the temporary file's name; NULL while it is unnamed (O_TMPFILE) */
    int err;     /* errno of the first failed write, 0 if none */
    md_diags *d; /* where the open's caller wants errors, kept to report a failed write */
    int is_reported;
};

/* Reports o->err once, with a hint for the errors a user can do something about. */
static void
report(md_out *o)
{
    if (o->is_reported || o->d == NULL)
        return;
    const char *hint = o->err == ENOSPC || o->err == EDQUOT
                           ? " (the disk is full: free some space and run again)"
                       : o->err == EFBIG ? " (a file size limit: see ulimit -f)"
                                         : "";
    md_diag_add(o->d, MD_DIAG_ERROR, o->path, 0, 0,
                "cannot write: %s%s; the previous file, if any, is unchanged", strerror(o->err),
                hint);
    o->is_reported = 1;
}

/* Makes every missing folder on the way to the file path (like mkdir -p of its dirname). */
static int
make_parents(const char *path)
{
    char *p = md_strdup(path);
    if (p == NULL)
        return ENOMEM;
    int rc = 0;
    for (char *s = strchr(p + 1, '/'); s != NULL && rc == 0; s = strchr(s + 1, '/')) {
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            rc = errno;
        *s = '/';
    }
    md_free(p);
    return rc;
}

/* The temporary name for path: ".NAME.tmp-XXXXXX" in the same folder. */
static char *
temp_name(const char *path)
{
    md_buf b = {0};
    const char *slash = strrchr(path, '/');
    const char *base = slash != NULL ? slash + 1 : path;
    if (md_buf_add(&b, path, (size_t)(base - path)) != MD_OK ||
        md_buf_addf(&b, ".%s.tmp-XXXXXX", base) != MD_OK) {
        md_buf_free(&b);
        return NULL;
    }
    return md_buf_take(&b);
}

/* An unnamed file in path's folder, or -1 (errno set) when the system cannot make one. */
static int
open_unnamed(const char *path)
{
#ifdef O_TMPFILE
    if (access("/proc/self/fd", X_OK) != 0)
        return -1;
    char *dir = md_strdup(path);
    if (dir == NULL)
        return -1;
    char *slash = strrchr(dir, '/');
    const char *d = ".";
    if (slash != NULL) {
        *slash = '\0';
        d = slash == dir ? "/" : dir;
    }
    /* The mode goes through the umask, as for any file the user makes. */
    int fd = open(d, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    int e = errno;
    md_free(dir);
    errno = e;
    return fd;
#else
    (void)path;
    errno = EOPNOTSUPP;
    return -1;
#endif
}

md_status
md_out_open(const char *path, md_diags *d, md_out **out)
{
    md_out *o = md_alloc(sizeof *o);
    if (o == NULL || (o->path = md_strdup(path)) == NULL) {
        md_free(o);
        return MD_ENOMEM;
    }
    int rc = make_parents(path);
    o->tmp = NULL;
    o->fd = rc == 0 ? open_unnamed(path) : -1;
    if (rc == 0 && o->fd < 0 && errno != EACCES && errno != EROFS && errno != ENOSPC &&
        errno != EDQUOT) {
        /* No O_TMPFILE here: a named temporary file, made 0600 by mkstemp and then given
         * the mode of an ordinary file (0644 under the usual umask). */
        if ((o->tmp = temp_name(path)) == NULL) {
            md_free(o->path);
            md_free(o);
            return MD_ENOMEM;
        }
        o->fd = mkstemp(o->tmp);
        if (o->fd >= 0) {
            mode_t mask = umask(0);
            umask(mask);
            fchmod(o->fd, 0666 & ~mask);
        }
    }
    if (o->fd < 0) {
        int e = rc != 0 ? rc : errno;
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "cannot write: %s%s", strerror(e),
                    e == EACCES || e == EROFS ? "; check that the folder is writable" : "");
        md_free(o->tmp);
        md_free(o->path);
        md_free(o);
        return MD_EIO;
    }
    o->err = 0;
    o->d = d;
    o->is_reported = 0;
    *out = o;
    return MD_OK;
}

md_status
md_out_write(md_out *o, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0 && o->err == 0) {
        ssize_t n = write(o->fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            o->err = n < 0 ? errno : ENOSPC;
            break;
        }
        p += n;
        len -= (size_t)n;
    }
    if (o->err != 0)
        report(o); /* now: a caller that gives up after this never reaches the commit */
    return o->err == 0 ? MD_OK : MD_EIO;
}

/* fsync the folder holding path, so that the rename itself survives a crash. */
static void
sync_parent(const char *path)
{
    char *p = md_strdup(path);
    if (p == NULL)
        return;
    char *slash = strrchr(p, '/');
    const char *dir = ".";
    if (slash != NULL) {
        *slash = '\0';
        dir = slash == p ? "/" : p;
    }
    int fd = open(dir, O_RDONLY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    md_free(p);
}

/* Gives the unnamed file o->fd the temporary name beside the target (o->tmp): linkat through
 * /proc/self/fd, retried with another name if one is taken. Returns 0 or an errno. */
static int
name_unnamed(md_out *o)
{
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", o->fd);
    for (int attempt = 0; attempt < 100; attempt++) {
        char *t = temp_name(o->path);
        if (t == NULL)
            return ENOMEM;
        /* mkstemp's pattern, filled without creating the file: linkat makes it. */
        size_t n = strlen(t);
        unsigned v = (unsigned)getpid() * 2654435761u + (unsigned)attempt * 40503u;
        for (size_t i = n - 6; i < n; i++, v /= 36)
            t[i] = "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36];
        if (linkat(AT_FDCWD, proc, AT_FDCWD, t, AT_SYMLINK_FOLLOW) == 0) {
            o->tmp = t;
            return 0;
        }
        int e = errno;
        md_free(t);
        if (e != EEXIST)
            return e;
    }
    return EEXIST;
}

md_status
md_out_commit(md_out *o, md_diags *d)
{
    md_status st = MD_OK;
    if (d != NULL && !o->is_reported)
        o->d = d;
    if (o->err == 0 && fsync(o->fd) != 0)
        o->err = errno;
    if (o->err == 0 && o->tmp == NULL)
        o->err = name_unnamed(o);
    if (close(o->fd) != 0 && o->err == 0)
        o->err = errno;
    o->fd = -1;
    if (o->err == 0 && rename(o->tmp, o->path) != 0)
        o->err = errno;
    if (o->err != 0) {
        report(o);
        if (o->tmp != NULL)
            unlink(o->tmp);
        st = MD_EIO;
    } else {
        sync_parent(o->path);
    }
    md_free(o->tmp);
    md_free(o->path);
    md_free(o);
    return st;
}

void
md_out_abort(md_out *o)
{
    if (o == NULL)
        return;
    if (o->fd >= 0)
        close(o->fd);
    if (o->tmp != NULL)
        unlink(o->tmp);
    md_free(o->tmp);
    md_free(o->path);
    md_free(o);
}

md_status
md_out_file(const char *path, const void *data, size_t len, md_diags *d)
{
    md_out *o = NULL;
    md_status st = md_out_open(path, d, &o);
    if (st != MD_OK)
        return st;
    /* A failed write is remembered in o; the commit reports it and keeps the old file. */
    (void)md_out_write(o, data, len);
    return md_out_commit(o, d);
}
