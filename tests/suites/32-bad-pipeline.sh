# shellcheck shell=sh
# Sourced by tests/run.sh. Bad input across the whole pipeline (arguments, brand, fonts,
# images, encodings, layout trees, hostile stylesheets) and nothing lost when writing fails:
# each case asserts the exit status and the message. tests/suites/31-bad.sh runs the bad
# meetings in tests/bad/.
#
# Broken brands, missing fonts and hostile stylesheets are tested in a scratch project root
# ($tmp/root): motesdok finds xml/, xsl/ and fonts/ relative to where it runs (and the
# stylesheets' read limits follow the real paths), so a copy of the folders a case breaks,
# with links to the rest, is a complete project. The real xml/brand/ and fonts/ are never
# touched. Writing failures come from tests/tools/shim/faultio.c (LD_PRELOAD), which kills
# the process or fails write/fsync for the file being written, deterministically.
echo "== bad input across the pipeline, and nothing lost"

bp_top=$(pwd)
bp_bin=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

# expect_error NAME STATUS TEXT COMMAND…: COMMAND exits with STATUS and its stderr contains
# the line fragment TEXT (any stderr when TEXT is empty).
expect_error() {
    bp_name=$1 bp_want=$2 bp_text=$3
    shift 3
    "$@" >"$tmp/bp-out" 2>"$tmp/bp-err"
    bp_rc=$?
    if [ "$bp_rc" -eq "$bp_want" ] && { [ -z "$bp_text" ] || grep -qF -- "$bp_text" "$tmp/bp-err"; }; then
        pass "$bp_name"
    else
        sed 's/^/    got: /' "$tmp/bp-err" | head -n 20
        fail "$bp_name (exit $bp_rc, expected $bp_want with \"$bp_text\")"
    fi
}

# make_root DIR: a scratch project: xml/brand, xml/meetings and out/ copied or made, the rest
# linked to this tree.
make_root() {
    rm -rf "$1"
    mkdir -p "$1/xml/brand" "$1/xml/meetings" "$1/out"
    cp xml/brand/* "$1/xml/brand/"
    cp -R xml/meetings/. "$1/xml/meetings/"
    ln -s "$bp_top/xml/schema" "$1/xml/schema"
    ln -s "$bp_top/xml/hyphenation" "$1/xml/hyphenation"
    ln -s "$bp_top/xsl" "$1/xsl"
    ln -s "$bp_top/fonts" "$1/fonts"
}

# in_root DIR COMMAND…: runs COMMAND in DIR with documents going to DIR/out.
in_root() {
    (bp_dir=$1 && shift && cd "$bp_dir" && unset MOTESDOK_MEETINGS && MOTESDOK_OUT="$bp_dir/out" "$@")
}

# -- arguments: refused before any file is opened ------------------------------------------
# Run in an empty folder: had motesdok looked for the file, the message would be another.
mkdir -p "$tmp/empty"
for a in ../2024-01-30 /etc/passwd "$(printf '2024-01-30\nx')" "" .hidden xml/meetings/2024-01-30.xml \
    ../../../../etc/passwd; do
    expect_error "MEETING '$(printf '%s' "$a" | tr '\n' '|')' is refused (exit 2)" 2 \
        "error: MEETING must be a plain name such as 2024-01-30" in_root "$tmp/empty" "$bp_bin" kallelse "$a"
done
expect_error "protokoll with MEETING '../etc/passwd' is refused" 2 \
    "error: MEETING must be a plain name" in_root "$tmp/empty" "$bp_bin" protokoll ../etc/passwd
for a in ../ 24 "" "$(printf '20\n24')" /etc; do
    expect_error "YEAR '$(printf '%s' "$a" | tr '\n' '|')' is refused (exit 2)" 2 "error: YEAR must be four digits, e.g. YEAR=2024" \
        in_root "$tmp/empty" "$bp_bin" kalender "$a"
done
for a in ../orebro /etc/passwd ""; do
    expect_error "BRAND '$a' is refused (exit 2)" 2 \
        "error: BRAND must be the name of a file in xml/brand/, such as orebro" \
        in_root "$tmp/empty" "$bp_bin" kallelse 2024-01-30 --brand "$a"
done
if command -v strace >/dev/null; then
    strace -f -e trace=open,openat,stat,newfstatat,access -o "$tmp/bp-strace" \
        "$bp_bin" kallelse ../../../etc/passwd >/dev/null 2>&1
    if ! grep -q 'open' "$tmp/bp-strace"; then
        echo "SKIP no file is opened: strace cannot trace here"
    elif grep -q 'passwd\|xml/meetings' "$tmp/bp-strace"; then
        grep 'passwd\|xml/meetings' "$tmp/bp-strace" | sed 's/^/    /' | head -n 5
        fail "MEETING ../../../etc/passwd: no file is opened (strace)"
    else
        pass "MEETING ../../../etc/passwd: no file is opened (strace)"
    fi
fi

# -- the scratch project ------------------------------------------------------------------
root=$tmp/root
make_root "$root"

mv "$root/xml/meetings/2024-01-30.xml" "$root/xml/2024-01-30.xml"
expect_error "a meeting in the wrong folder (xml/, not xml/meetings/) is not found (exit 2)" 2 \
    "error: no meeting 2024-01-30: xml/meetings/2024-01-30.xml does not exist; meetings: " \
    in_root "$root" "$bp_bin" kallelse 2024-01-30
mv "$root/xml/2024-01-30.xml" "$root/xml/meetings/2024-01-30.xml"

# A good kallelse first: every failure below must leave it as it is.
in_root "$root" "$bp_bin" kallelse 2024-01-30 2>/dev/null
cp "$root/out/2024-01-30/kallelse.pdf" "$tmp/bp-good.pdf" 2>/dev/null
ok "the scratch project makes kallelse 2024-01-30" test -s "$tmp/bp-good.pdf"
# unchanged NAME: kallelse.pdf is still the good one and no other file is in its folder.
unchanged() {
    if cmp -s "$tmp/bp-good.pdf" "$root/out/2024-01-30/kallelse.pdf" &&
        [ "$(ls -A "$root/out/2024-01-30" | tr '\n' ' ')" = "kallelse.fo kallelse.pdf " ]; then
        pass "$1: the previous PDF is untouched, no file left behind"
    else
        ls -lA "$root/out/2024-01-30" | sed 's/^/    /'
        fail "$1: the previous PDF is untouched, no file left behind"
    fi
}

cp tests/brand/missing-primary.xml "$root/xml/brand/"
expect_error "a brand file missing a colour is named with the colour (exit 1)" 1 \
    "error: brand file xml/brand/missing-primary.xml: <color role='primary'> is missing" \
    in_root "$root" "$bp_bin" kallelse 2024-01-30 --brand missing-primary
unchanged "brand missing a colour"
expect_error "a brand that does not exist is named (exit 1)" 1 "nosuch" \
    in_root "$root" "$bp_bin" kallelse 2024-01-30 --brand nosuch

rm "$root/fonts" && mkdir "$root/fonts" && cp fonts/* "$root/fonts/" && rm "$root/fonts/NotoSans-Bold.ttf"
expect_error "a font file missing from fonts/ is named (exit 3)" 3 \
    "fonts/NotoSans-Bold.ttf: error: font file missing; restore it (docs/fonts.md lists the fonts)" \
    in_root "$root" "$bp_bin" kallelse 2024-01-30
unchanged "font missing"
rm -rf "$root/fonts" && ln -s "$bp_top/fonts" "$root/fonts"

m=$root/xml/meetings/2024-01-30.xml
cp "$m" "$tmp/bp-meeting.xml"
cp "$root/xml/meetings/images/2024-01-30-portfolj.svg" "$tmp/bp-figure.svg"
printf '\377\330\377\340\000\020JFIF' >"$root/xml/meetings/images/2024-01-30-portfolj.svg"
expect_error "an image in an unsupported format (a JPEG named .svg) is refused (exit 1)" 1 \
    '<image src="images/2024-01-30-portfolj.svg">: the file is named .svg but is a JPEG image' \
    in_root "$root" "$bp_bin" protokoll 2024-01-30
cp "$tmp/bp-figure.svg" "$root/xml/meetings/images/2024-01-30-portfolj.svg"

sed 's/date="2024-01-30"/date="30\/1\/2024"/' "$tmp/bp-meeting.xml" >"$m"
expect_error "a date written 30/1/2024 is refused with the form to use (exit 1)" 1 \
    'error: <meeting date="30/1/2024">: write the date as YYYY-MM-DD, e.g. 2024-01-30' \
    in_root "$root" "$bp_bin" kallelse 2024-01-30
unchanged "wrong date format"

# Latin-1 text declared as UTF-8: "Välkomna" with ä as the single byte 0xE4.
sed 's/Välkomna/V\xe4lkomna/' "$tmp/bp-meeting.xml" >"$m"
bp_off=$(LC_ALL=C grep -boa "$(printf 'V\344lkomna')" "$m" | head -n 1 | cut -d: -f1)
expect_error "Latin-1 text declared as UTF-8 is refused with its byte offset (exit 1)" 1 \
    "is not UTF-8 (Latin-1 text?); save the file as UTF-8" \
    in_root "$root" "$bp_bin" kallelse 2024-01-30
ok "... and the offset is that of the byte" grep -qF "byte 0xE4 at offset $((bp_off + 1)) " "$tmp/bp-err"

# Windows line ends and a UTF-8 byte order mark, as Notepad saves: accepted.
{ printf '\357\273\277'; sed 's/$/\r/' "$tmp/bp-meeting.xml"; } >"$m"
expect_error "a meeting with a byte order mark and CRLF line ends is valid (exit 0)" 0 "" \
    in_root "$root" "$bp_bin" validate xml/meetings/2024-01-30.xml
expect_error "... and makes its kallelse (exit 0)" 0 "" in_root "$root" "$bp_bin" kallelse 2024-01-30
ok "... whose text is the same as from the original file" \
    sh -c "pdftotext '$root/out/2024-01-30/kallelse.pdf' '$tmp/bp-crlf.txt' &&
           pdftotext '$tmp/bp-good.pdf' '$tmp/bp-lf.txt' && cmp '$tmp/bp-crlf.txt' '$tmp/bp-lf.txt'"
cp "$tmp/bp-meeting.xml" "$m"
cp "$tmp/bp-good.pdf" "$root/out/2024-01-30/kallelse.pdf"

# -- layout trees (typeset) --------------------------------------------------------------
expect_error "typeset: a missing file (exit 3)" 3 "$tmp/nosuch.fo: error: cannot open: No such file or directory" \
    "$BIN" typeset "$tmp/nosuch.fo" -o "$tmp/bp.pdf"
: >"$tmp/bp-empty.fo"
expect_error "typeset: an empty file (exit 1)" 1 "error: the file is empty; a layout tree starts with fo:root" \
    "$BIN" typeset "$tmp/bp-empty.fo" -o "$tmp/bp.pdf"
expect_error "typeset: a meeting instead of a layout tree (exit 1)" 1 \
    "error: the document element is <meeting>, not fo:root in namespace http://www.w3.org/1999/XSL/Format" \
    "$BIN" typeset xml/meetings/2024-01-30.xml -o "$tmp/bp.pdf"
printf '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">&c;</fo:root>\n' >"$tmp/bp-bomb.fo"
# libxml2 stops this one before the reader sees the DOCTYPE ("entity reference loop").
expect_error "typeset: an entity bomb is refused (exit 1)" 1 "bp-bomb.fo:" \
    "$BIN" typeset "$tmp/bp-bomb.fo" -o "$tmp/bp.pdf"
printf '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY pw SYSTEM "file:///etc/passwd">]>\n<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">&pw;</fo:root>\n' >"$tmp/bp-xxe.fo"
expect_error "typeset: an external entity reading /etc/passwd is refused (exit 1)" 1 \
    "bp-xxe.fo:2: error: <!DOCTYPE> in a layout tree; motesdok reads no DTD or entities, remove it" \
    "$BIN" typeset "$tmp/bp-xxe.fo" -o "$tmp/bp.pdf"
printf '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:block>' >"$tmp/bp-cut.fo"
expect_error "typeset: a tree cut off inside an element (exit 1)" 1 \
    "error: the file ends inside fo:block (line 1); close it" \
    "$BIN" typeset "$tmp/bp-cut.fo" -o "$tmp/bp.pdf"
expect_error "typeset: an output folder that cannot be made (exit 3)" 3 \
    "/proc/motesdok/bp.pdf: error: cannot write: No such file or directory" \
    "$BIN" typeset tests/page/small.fo -o /proc/motesdok/bp.pdf
ok "typeset: no PDF is left by any of the failures" test ! -e "$tmp/bp.pdf"

# -- hostile stylesheets: xsl/kallelse.xsl replaced in the scratch project -----------------
rm "$root/xsl" && cp -R xsl "$root/xsl"
cp "$tmp/bp-meeting.xml" "$tmp/bp-outside.xml"
evil() { # evil NAME TEXT EXPR: a stylesheet that evaluates EXPR must fail with TEXT
    cat >"$root/xsl/kallelse.xsl" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:template match="/"><fo:root><xsl:value-of select="count($3//*)"/></fo:root></xsl:template>
</xsl:stylesheet>
EOF
    expect_error "$1 (exit 1)" 1 "$2" in_root "$root" "$bp_bin" kallelse 2024-01-30
    unchanged "$1"
}
evil "a stylesheet reading /etc/passwd is refused" \
    "xsl/kallelse.xsl:4: error: document('/etc/passwd') is outside xml/ and xsl/" "document('/etc/passwd')"
evil "a stylesheet reading from the network is refused" \
    "xsl/kallelse.xsl:4: error: document('http://example.com/m.xml') reads from the network" \
    "document('http://example.com/m.xml')"
evil "document() of a meeting outside xml/ is refused" \
    "xsl/kallelse.xsl:4: error: document('$tmp/bp-outside.xml') is outside xml/ and xsl/" \
    "document('$tmp/bp-outside.xml')"
evil "document() climbing out of xml/ with .. is refused" \
    "error: document('../xml/../../bp-outside.xml') is outside xml/ and xsl/" \
    "document('../xml/../../bp-outside.xml')"
cat >"$root/xsl/kallelse.xsl" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:template match="/"><exsl:document href="$tmp/bp-owned.txt" method="text">owned</exsl:document></xsl:template>
</xsl:stylesheet>
EOF
expect_error "a stylesheet writing a file (exsl:document) is refused (exit 1)" 1 \
    "<exsl:document> would write \"$tmp/bp-owned.txt\"; stylesheets may not write files" \
    in_root "$root" "$bp_bin" kallelse 2024-01-30
ok "... and wrote nothing" test ! -e "$tmp/bp-owned.txt"
rm -rf "$root/xsl" && ln -s "$bp_top/xsl" "$root/xsl"

# -- nothing lost: killed mid-write, disk full, failing flush ------------------------------
bp_shim=$tmp/faultio.so
if ${CC:-cc} -shared -fPIC -o "$bp_shim" tests/tools/shim/faultio.c -ldl 2>"$tmp/bp-cc"; then
    # A sanitizer build wants its runtime first; the shim only wraps write, fsync and close.
    bp_asan="verify_asan_link_order=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
    fault() { # fault MODE AFTER MAGIC COMMAND…
        bp_mode=$1 bp_after=$2 bp_magic=$3
        shift 3
        TMPDIR=$tmp/bp-tmpdir ASAN_OPTIONS=$bp_asan LD_PRELOAD=$bp_shim FAULTIO_MODE=$bp_mode FAULTIO_AFTER=$bp_after \
            FAULTIO_MAGIC=$bp_magic "$@"
    }
    # Cairo's PDF goes to a temporary file in TMPDIR before the finishing step: watched too.
    mkdir -p "$tmp/bp-tmpdir"
    # A changed meeting, so that a PDF written in full would differ from the good one.
    sed 's/Välkomna/Välkomna alla/' "$tmp/bp-meeting.xml" >"$m"
    expect_error "killed (SIGKILL) halfway through writing the PDF" 137 "" \
        in_root "$root" fault kill 20000 %PDF- "$bp_bin" kallelse 2024-01-30
    unchanged "killed mid-PDF"
    ok "... and no half-written file is left in TMPDIR" sh -c "[ -z \"\$(find '$tmp/bp-tmpdir' -type f)\" ]"
    cp "$root/out/2024-01-30/kallelse.fo" "$tmp/bp-good.fo"
    sed 's/Välkomna/Välkomna alla två/' "$tmp/bp-meeting.xml" >"$m"
    expect_error "killed (SIGKILL) halfway through writing the layout tree" 137 "" \
        in_root "$root" fault kill 4000 "<?xml" "$bp_bin" kallelse 2024-01-30
    unchanged "killed mid-.fo"
    ok "... and the previous layout tree is untouched" cmp "$tmp/bp-good.fo" "$root/out/2024-01-30/kallelse.fo"
    expect_error "disk full (ENOSPC) while writing the PDF: a clear error (exit 3)" 3 \
        "error: cannot write: No space left on device (the disk is full: free some space and run again); the previous file, if any, is unchanged" \
        in_root "$root" fault enospc 20000 %PDF- "$bp_bin" kallelse 2024-01-30
    unchanged "disk full"
    expect_error "disk full at the very first byte of the PDF (exit 3)" 3 \
        "cannot write: No space left on device" \
        in_root "$root" fault enospc 0 %PDF- "$bp_bin" kallelse 2024-01-30
    unchanged "disk full at once"
    expect_error "disk full while writing the layout tree (exit 3)" 3 \
        "kallelse.fo: error: cannot write: No space left on device" \
        in_root "$root" fault enospc 100 "<?xml" "$bp_bin" kallelse 2024-01-30
    unchanged "disk full in the .fo"
    expect_error "the flush (fsync) fails with an I/O error (exit 3)" 3 \
        "error: cannot write: Input/output error; the previous file, if any, is unchanged" \
        in_root "$root" fault eio 0 %PDF- "$bp_bin" kallelse 2024-01-30
    unchanged "fsync fails"
    cp "$tmp/bp-good.pdf" "$tmp/bp-typeset.pdf"
    expect_error "typeset: disk full keeps the previous PDF at -o (exit 3)" 3 \
        "error: cannot write: No space left on device" \
        fault enospc 1000 %PDF- "$BIN" typeset tests/page/small.fo -o "$tmp/bp-typeset.pdf"
    ok "... which is byte for byte the previous one" cmp "$tmp/bp-good.pdf" "$tmp/bp-typeset.pdf"
    # Control: the shim in place but nothing to fail on, the document is made as usual.
    expect_error "the same run without a fault replaces the PDF (exit 0)" 0 "" \
        in_root "$root" fault none 0 %PDF- "$bp_bin" kallelse 2024-01-30
    ok "... with the changed text" sh -c "! cmp -s '$tmp/bp-good.pdf' '$root/out/2024-01-30/kallelse.pdf'"
    cp "$tmp/bp-meeting.xml" "$m"
else
    sed 's/^/    /' "$tmp/bp-cc"
    fail "tests/tools/shim/faultio.c does not build"
fi

# -- concurrent runs write whole files only ---------------------------------------------------
in_root "$root" "$bp_bin" protokoll 2024-01-30 2>/dev/null
cp "$root/out/2024-01-30/protokoll.pdf" "$tmp/bp-protokoll.pdf"
for i in 1 2 3 4; do
    in_root "$root" "$bp_bin" protokoll 2024-01-30 2>/dev/null &
done
wait
ok "four protokoll runs at once leave one whole PDF, the same bytes, and no temporary file" \
    sh -c "cmp '$tmp/bp-protokoll.pdf' '$root/out/2024-01-30/protokoll.pdf' &&
           [ \"\$(ls -A '$root/out/2024-01-30' | tr '\n' ' ')\" = 'kallelse.fo kallelse.pdf protokoll.fo protokoll.pdf ' ]"
rm -rf "$root"
