/* A test-only LD_PRELOAD shim that makes writing an output file fail the way real systems do,
 * deterministically, so that tests/suites/32-bad-pipeline.sh can check that no good output
 * is ever lost. It watches the file descriptors whose first write starts with the bytes in
 * FAULTIO_MAGIC (e.g. "%PDF-" picks the PDF and nothing else: not the .fo, not stderr) and,
 * once FAULTIO_AFTER bytes have gone to such a descriptor, does what FAULTIO_MODE says:
 *   kill    raise SIGKILL (a build killed mid-write: power cut, OOM killer, kill -9)
 *   enospc  that write and every later one fail with ENOSPC (the disk is full)
 *   eio     fsync of a watched descriptor fails with EIO (a failing disk at the flush)
 * Nothing is changed for other descriptors. Built by the suite with
 *   cc -shared -fPIC tests/tools/shim/faultio.c -o faultio.so -ldl
 * Not part of motesdok. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_FD 1024

typedef ssize_t (*write_fn)(int, const void *, size_t);
typedef int (*fsync_fn)(int);

/* Per descriptor: 0 unseen, 1 not watched, 2 watched; and the bytes written while watched. */
static unsigned char state[MAX_FD];
static size_t written[MAX_FD];

static const char *
env(const char *name)
{
    const char *v = getenv(name);
    return v != NULL ? v : "";
}

/* Whether fd is watched; decided by its first non-empty write. A descriptor number reused by
 * a later open is seen afresh (close resets it). */
static int
watched(int fd, const void *buf, size_t len)
{
    if (fd < 0 || fd >= MAX_FD)
        return 0;
    if (state[fd] == 0 && len > 0) {
        const char *magic = env("FAULTIO_MAGIC");
        size_t m = strlen(magic);
        state[fd] = m > 0 && len >= m && memcmp(buf, magic, m) == 0 ? 2 : 1;
        written[fd] = 0;
    }
    return state[fd] == 2;
}

ssize_t
write(int fd, const void *buf, size_t len)
{
    static write_fn real;
    if (real == NULL)
        real = (write_fn)dlsym(RTLD_NEXT, "write");
    if (!watched(fd, buf, len))
        return real(fd, buf, len);
    size_t after = (size_t)strtoull(env("FAULTIO_AFTER"), NULL, 10);
    const char *mode = env("FAULTIO_MODE");
    if (written[fd] + len > after) {
        if (strcmp(mode, "kill") == 0) {
            /* Write up to the limit first, so that the file really is half-written. */
            if (after > written[fd])
                real(fd, buf, after - written[fd]);
            raise(SIGKILL);
        }
        if (strcmp(mode, "enospc") == 0) {
            errno = ENOSPC;
            return -1;
        }
    }
    ssize_t n = real(fd, buf, len);
    if (n > 0)
        written[fd] += (size_t)n;
    return n;
}

int
fsync(int fd)
{
    static fsync_fn real;
    if (real == NULL)
        real = (fsync_fn)dlsym(RTLD_NEXT, "fsync");
    if (fd >= 0 && fd < MAX_FD && state[fd] == 2 && strcmp(env("FAULTIO_MODE"), "eio") == 0) {
        errno = EIO;
        return -1;
    }
    return real(fd);
}

int
close(int fd)
{
    static int (*real)(int);
    if (real == NULL)
        real = (int (*)(int))dlsym(RTLD_NEXT, "close");
    if (fd >= 0 && fd < MAX_FD)
        state[fd] = 0;
    return real(fd);
}
