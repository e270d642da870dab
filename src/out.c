/* Atomic output files: temporary file in the target's folder, fsync, rename(2), fsync of the
 * folder. rename within one file system replaces the target in one step (POSIX). */
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
    char *tmp;
    int err; /* errno of the first failed write, 0 if none */
};

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

md_status
md_out_open(const char *path, md_diags *d, md_out **out)
{
    md_out *o = md_alloc(sizeof *o);
    md_buf tmp = {0};
    if (o == NULL || md_buf_addf(&tmp, "%s.tmp-XXXXXX", path) != MD_OK ||
        (o->path = md_strdup(path)) == NULL) {
        if (o != NULL)
            md_free(o->path);
        md_free(o);
        md_buf_free(&tmp);
        return MD_ENOMEM;
    }
    int rc = make_parents(path);
    o->tmp = md_buf_take(&tmp);
    o->fd = rc == 0 ? mkstemp(o->tmp) : -1;
    if (o->fd < 0) {
        md_diag_add(d, MD_DIAG_ERROR, path, 0, 0, "cannot write: %s",
                    strerror(rc != 0 ? rc : errno));
        md_free(o->tmp);
        md_free(o->path);
        md_free(o);
        return MD_EIO;
    }
    /* mkstemp makes the file 0600; outputs are ordinary files (0644 under the umask). */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(o->fd, 0666 & ~mask);
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

md_status
md_out_commit(md_out *o, md_diags *d)
{
    md_status st = MD_OK;
    if (o->err == 0 && fsync(o->fd) != 0)
        o->err = errno;
    if (close(o->fd) != 0 && o->err == 0)
        o->err = errno;
    o->fd = -1;
    if (o->err == 0 && rename(o->tmp, o->path) != 0)
        o->err = errno;
    if (o->err != 0) {
        md_diag_add(d, MD_DIAG_ERROR, o->path, 0, 0,
                    "cannot write: %s; the previous file, if any, is unchanged", strerror(o->err));
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
