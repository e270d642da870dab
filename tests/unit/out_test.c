/* Tests of out: atomic replacement, folders made, the old file kept when writing fails
 * (a full disk is simulated with a file size limit), and nothing left by a killed writer. */
#include "out.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

static char *
slurp(const char *path)
{
    static char buf[256];
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Number of entries in dir (to find stray temporary files). */
static int
count_files(const char *dir)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "ls -A %s | wc -l", dir);
    FILE *p = popen(cmd, "r");
    int n = -1;
    if (p != NULL) {
        if (fscanf(p, "%d", &n) != 1)
            n = -1;
        pclose(p);
    }
    return n;
}

int
main(void)
{
    char dir[] = "/tmp/md-out-test-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[256];
    snprintf(path, sizeof path, "%s/a/b/kallelse.pdf", dir);
    md_diags *d = md_diags_new();

    CHECK_INT(md_out_file(path, "första", 7, d), MD_OK);
    CHECK_STR(slurp(path), "första");
    struct stat sb;
    CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0044) != 0);

    /* An aborted write leaves the old file and no temporary file. */
    md_out *o = NULL;
    CHECK_INT(md_out_open(path, d, &o), MD_OK);
    CHECK_INT(md_out_write(o, "halv", 4), MD_OK);
    md_out_abort(o);
    CHECK_STR(slurp(path), "första");
    char sub[300];
    snprintf(sub, sizeof sub, "%s/a/b", dir);
    CHECK_INT(count_files(sub), 1);

    /* A write that fails as on a full disk (a file size limit: EFBIG instead of ENOSPC)
     * keeps the old file, reports the error and removes the temporary file. */
    CHECK_INT(md_out_open(path, d, &o), MD_OK);
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit old, small = {2, 2};
    getrlimit(RLIMIT_FSIZE, &old);
    small.rlim_max = old.rlim_max;
    setrlimit(RLIMIT_FSIZE, &small);
    CHECK_INT(md_out_write(o, "nytt", 4), MD_EIO);
    CHECK_INT(md_out_commit(o, d), MD_EIO);
    setrlimit(RLIMIT_FSIZE, &old);
    CHECK_STR(slurp(path), "första");
    CHECK_INT(count_files(sub), 1);
    CHECK_INT(md_diags_count(d, MD_DIAG_ERROR), 1);

    /* A process killed mid-write (SIGKILL: nothing can clean up) leaves the old file and no
     * temporary file, named or not. */
    pid_t pid = fork();
    if (pid == 0) {
        md_out *k = NULL;
        if (md_out_open(path, d, &k) == MD_OK)
            md_out_write(k, "halvskriv", 9);
        raise(SIGKILL);
        _exit(0);
    }
    int status = 0;
    CHECK(pid > 0 && waitpid(pid, &status, 0) == pid && WIFSIGNALED(status));
    CHECK_STR(slurp(path), "första");
    CHECK_INT(count_files(sub), 1);

    /* A folder that cannot be made is a clear error. */
    CHECK_INT(md_out_file("/proc/motesdok/x.pdf", "x", 1, d), MD_EIO);
    CHECK_INT(md_diags_count(d, MD_DIAG_ERROR), 2);

    md_diags_free(d);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK_INT(system(cmd), 0);
    return check_done();
}
