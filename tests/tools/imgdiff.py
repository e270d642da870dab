#!/usr/bin/env python3
"""Compares two page images (PNG from pdftoppm, or binary PGM) at a tolerance.

Usage: imgdiff.py REFERENCE.png NEW.png [--tolerance FRACTION] [--level L] [--diff OUT.pgm]

A pixel differs when its grey levels (0-255) differ by more than L (default 64): anti-aliasing
shades that move by a step or two between poppler builds do not count, a glyph that moved
does. The images match when they have the same size and at most FRACTION (default 0.002, that
is 0.2 %) of their pixels differ. Prints one line saying which, exits 0 on a match, 1 on a
difference, 2 on an unreadable file. Python 3 standard library only (zlib for PNG).
"""
import struct
import sys
import zlib


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def read_png(data):
    """Greyscale rows of a non-interlaced 8-bit PNG (grey, grey+alpha, RGB or RGBA)."""
    pos, idat, head = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + n
    if head is None:
        raise ValueError("no IHDR chunk")
    w, h, depth, ctype, _, _, interlace = head
    channels = {0: 1, 4: 2, 2: 3, 6: 4}.get(ctype)
    if depth != 8 or channels is None or interlace != 0:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {ctype}, interlace {interlace})")
    raw = zlib.decompress(b"".join(idat))
    stride = w * channels
    prev = bytearray(stride)
    rows = []
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        bpp = channels
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                upleft = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + paeth(left, prev[i], upleft)) & 255
        elif f != 0:
            raise ValueError(f"bad filter type {f} in row {y}")
        prev = line
        if channels == 1:
            rows.append(bytes(line))
        elif channels == 2:
            rows.append(bytes(line[0::2]))
        else:
            rows.append(bytes((r * 299 + g * 587 + b * 114) // 1000
                              for r, g, b in zip(line[0::channels], line[1::channels],
                                                 line[2::channels])))
    return w, h, rows


def read_pgm(data):
    """Rows of a binary (P5) 8-bit PGM."""
    fields, pos = [], 2
    while len(fields) < 3:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(int(data[pos:end]))
        pos = end
    w, h, maxval = fields
    if maxval != 255:
        raise ValueError("only 8-bit PGM")
    pos += 1
    return w, h, [data[pos + y * w:pos + (y + 1) * w] for y in range(h)]


def read_image(path):
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return read_png(data)
    if data.startswith(b"P5"):
        return read_pgm(data)
    raise ValueError("neither PNG nor binary PGM")


def main(argv):
    args, tol, level, diff_path = [], 0.002, 64, None
    i = 1
    while i < len(argv):
        if argv[i] == "--tolerance":
            tol = float(argv[i + 1]); i += 2
        elif argv[i] == "--level":
            level = int(argv[i + 1]); i += 2
        elif argv[i] == "--diff":
            diff_path = argv[i + 1]; i += 2
        else:
            args.append(argv[i]); i += 1
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        a, b = read_image(args[0]), read_image(args[1])
    except (OSError, ValueError, zlib.error, struct.error) as e:
        print(f"imgdiff: cannot read: {e}", file=sys.stderr)
        return 2
    if a[:2] != b[:2]:
        print(f"{args[1]}: size {b[0]}x{b[1]}, expected {a[0]}x{a[1]} as {args[0]}")
        return 1
    w, h = a[:2]
    bad = 0
    out = []
    for ra, rb in zip(a[2], b[2]):
        marks = bytearray(w)
        for x in range(w):
            if abs(ra[x] - rb[x]) > level:
                bad += 1
                marks[x] = 255
        out.append(bytes(marks))
    frac = bad / (w * h)
    same = frac <= tol
    print(f"{args[1]}: {bad} of {w * h} pixels differ ({frac * 100:.3f} %, tolerance "
          f"{tol * 100:.3f} %): {'same' if same else 'DIFFERENT'}")
    if diff_path and not same:
        with open(diff_path, "wb") as f:
            f.write(b"P5 %d %d 255\n" % (w, h) + b"".join(out))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
