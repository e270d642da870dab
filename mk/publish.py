#!/usr/bin/env python3
"""Publishes a built site atomically: `make publish DEST=dir` (docs/archive.md).

    mk/publish.py SRC DEST

The site is copied into a new folder beside DEST (.DEST.new-PID), every file and folder
fsynced, and then swapped in with one atomic step, so a reader sees the old site or the new
one, never a mixture, and the old one stays until the new one is complete:

- DEST a folder: renameat2(RENAME_EXCHANGE) swaps the two folders in one system call
  (Linux 3.15+); the old site, now at the temporary name, is then removed.
- DEST a symbolic link (a web server pointing at it): the new folder gets a lasting name
  (.DEST.site-PID-N) and a new link replaces DEST with rename(2); the folder the old link
  pointed to is removed if it is one of ours.
- DEST missing: the new folder is renamed to DEST.

Killed at any moment, DEST is untouched or already the new site; leftovers of a killed run
(.DEST.new-PID of a process that is gone) are removed by the next run.
Test hook: MOTESDOK_PUBLISH_PAUSE=copy (half-way through the copy) or =swap (just before the
swap) prints "publish: paused" on stderr and sleeps, so a test can kill the process there.
"""
import ctypes
import errno
import os
import shutil
import sys
import time

AT_FDCWD = -100
RENAME_EXCHANGE = 2


def fail(msg, code=1):
    print(f"publish: error: {msg}", file=sys.stderr)
    sys.exit(code)


def pause(where):
    if os.environ.get("MOTESDOK_PUBLISH_PAUSE") == where:
        print("publish: paused", file=sys.stderr, flush=True)
        time.sleep(600)


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_leftovers(parent, base):
    """Removes .BASE.new-PID and .BASE.old-PID folders of runs that are no longer alive."""
    for name in os.listdir(parent):
        for kind in (f".{base}.new-", f".{base}.old-"):
            if name.startswith(kind):
                pid = name[len(kind):].split("-")[0]
                if pid.isdigit() and not alive(int(pid)):
                    shutil.rmtree(os.path.join(parent, name), ignore_errors=True)


def fsync_path(path, is_dir):
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if is_dir else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_tree(src, dst):
    """Copies src into the new folder dst (files, folders; symbolic links are refused so the
    site cannot point outside itself), fsyncs each file and folder."""
    entries = []
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for f in sorted(files):
            entries.append(os.path.join(root, f))
    os.mkdir(dst)
    half = len(entries) // 2
    made = {dst}
    for i, path in enumerate(entries):
        if i == half:
            pause("copy")
        rel = os.path.relpath(path, src)
        if os.path.islink(path):
            fail(f"{path} is a symbolic link; the site must hold plain files")
        target = os.path.join(dst, rel)
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        shutil.copyfile(path, target)
        shutil.copymode(path, target)
        fsync_path(target, False)
    for folder in sorted(made, key=len, reverse=True):
        fsync_path(folder, True)


def exchange(a, b):
    libc = ctypes.CDLL(None, use_errno=True)
    fn = getattr(libc, "renameat2", None)
    if fn is None:
        return errno.ENOSYS
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if fn(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return 0
    return ctypes.get_errno()


def main():
    if len(sys.argv) != 3:
        fail("usage: publish.py SRC DEST", 2)
    src, dest = sys.argv[1], sys.argv[2].rstrip("/")
    if not os.path.isdir(src):
        fail(f"{src} does not exist; build the site first (make archive or make site)")
    if not os.path.isfile(os.path.join(src, "index.html")):
        fail(f"{src}/index.html does not exist; the site is incomplete, nothing was published")
    dest = os.path.abspath(dest)
    parent, base = os.path.dirname(dest), os.path.basename(dest)
    if not os.path.isdir(parent):
        fail(f"{parent} does not exist; make the folder that will hold {base}")
    if os.path.exists(dest) and not os.path.islink(dest) and not os.path.isdir(dest):
        fail(f"{dest} is a file; DEST must be a folder, a symbolic link or not exist yet")
    clean_leftovers(parent, base)
    pid = os.getpid()
    new = os.path.join(parent, f".{base}.new-{pid}")
    try:
        copy_tree(src, new)
    except OSError as e:
        shutil.rmtree(new, ignore_errors=True)
        fail(f"copying {src} to {new}: {e.strerror}; {dest} is unchanged")
    pause("swap")
    if os.path.islink(dest):
        old_target = os.path.realpath(dest)
        lasting = os.path.join(parent, f".{base}.site-{pid}-{time.monotonic_ns()}")
        os.rename(new, lasting)
        link = os.path.join(parent, f".{base}.new-{pid}-link")
        os.symlink(os.path.basename(lasting), link)
        os.rename(link, dest)  # atomic replacement of the link
        fsync_path(parent, True)
        if os.path.basename(old_target).startswith(f".{base}.site-"):
            shutil.rmtree(old_target, ignore_errors=True)
        how = f"link to {os.path.basename(lasting)}"
    elif os.path.isdir(dest):
        err = exchange(new, dest)
        if err != 0:
            shutil.rmtree(new, ignore_errors=True)
            fail(f"cannot swap folders atomically ({os.strerror(err)}); {dest} is unchanged; "
                 "make DEST a symbolic link to publish on this file system")
        fsync_path(parent, True)
        old = os.path.join(parent, f".{base}.old-{pid}")
        os.rename(new, old)
        shutil.rmtree(old, ignore_errors=True)
        how = "folders swapped"
    else:
        os.rename(new, dest)
        fsync_path(parent, True)
        how = "new folder"
    files = sum(len(f) for _, _, f in os.walk(dest))
    print(f"publish: {files} files in {dest} ({how})")


if __name__ == "__main__":
    main()
