# shellcheck shell=sh
# Sourced by tests/run.sh. librsvg is loaded at run time (dlopen in src/img.c), not linked, and
# only for an SVG outside img.c's own subset: the program starts without it and the libraries
# it brings (Pango, GdkPixbuf, GIO …); the brand logos and the golden figure never load it
# (tests/unit/img_test.c shows they are drawn as librsvg draws them); a librsvg that cannot be
# loaded is an error naming the SVG that needs it, and leaves no PDF. A file that is not a
# library, first on LD_LIBRARY_PATH, stands for a broken installation.
echo "== librsvg loaded at run time (src/img.c)"
libs=$(ldd "$BIN" 2>&1 | sed -n 's/^[[:space:]]*\([^ ]*\) .*/\1/p' | tr '\n' ' ')
case " $libs " in
*librsvg* | *libpango* | *libgdk_pixbuf* | *libgio-2* | *libgobject-2* | " ")
    fail "img-lib: the program links librsvg or its libraries, or ldd failed: $libs" ;;
*) pass "img-lib: the program links neither librsvg nor Pango, GdkPixbuf, GIO or GObject" ;;
esac

il=$O/img-lib
rm -rf "$il" "$tmp/img-lib"
mkdir -p "$il" "$tmp/img-lib/fake"
printf 'not a shared library\n' >"$tmp/img-lib/fake/librsvg-2.so.2"
# A figure outside the subset (a group), in place of the golden test's figure.
printf '%s\n' "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 200 100'>" \
    "<g fill='#1b5e7e'><circle cx='50' cy='50' r='35'/></g></svg>" >"$il/group.svg"
sed "s|tests/golden/img/shapes\.svg|$il/group.svg|g" tests/golden/images.fo >"$il/group.fo"

"$BIN" typeset tests/golden/images.fo -o "$il/images.pdf" >"$tmp/out" 2>&1 ||
    fail "img-lib: tests/golden/images.fo is typeset"
name="img-lib: a tree with PNG and subset SVG figures is made without librsvg, the same bytes"
if LD_LIBRARY_PATH="$tmp/img-lib/fake" "$BIN" typeset tests/golden/images.fo \
    -o "$il/images-nolib.pdf" >"$tmp/out" 2>&1 && cmp -s "$il/images.pdf" "$il/images-nolib.pdf"
then
    pass "$name"
else
    sed 's/^/    /' "$tmp/out" | head -n 20
    fail "$name"
fi

printf 'an earlier PDF\n' >"$il/group.pdf"
LD_LIBRARY_PATH="$tmp/img-lib/fake" "$BIN" typeset "$il/group.fo" -o "$il/group.pdf" \
    >"$tmp/out" 2>&1
rc=$?
want="$il/group.svg: error: cannot read SVG images: librsvg could not be loaded ("
name="img-lib: without a loadable librsvg an SVG outside the subset is an error (exit 3)"
name="$name and the earlier PDF stays"
if [ "$rc" -eq 3 ] && grep -qF "$want" "$tmp/out" &&
    grep -qF "install Debian's librsvg2-2" "$tmp/out" &&
    [ "$(cat "$il/group.pdf")" = "an earlier PDF" ] &&
    [ "$(ls "$il" | grep -c 'group.*pdf')" -eq 1 ]
then
    pass "$name"
else
    sed 's/^/    /' "$tmp/out" | head -n 20
    fail "$name (exit $rc)"
fi
if "$BIN" typeset "$il/group.fo" -o "$il/group.pdf" >"$tmp/out" 2>&1 &&
    [ "$(head -c 5 "$il/group.pdf")" = "%PDF-" ]; then
    pass "img-lib: with librsvg the same tree is made"
else
    sed 's/^/    /' "$tmp/out" | head -n 20
    fail "img-lib: with librsvg the same tree is made"
fi

# Both ways under the memory checker (valgrind; ASan/LSan in the sanitizer build, which
# valgrind cannot run): nothing invalid read, no leak.
case "$O" in
*sanitize*) img_mc="" ;;
*) img_mc="valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite,indirect
             --suppressions=tests/valgrind.supp" ;;
esac
ok "img-lib: subset SVG and PNG figures read nothing invalid and leak nothing" \
    $img_mc "$BIN" typeset tests/golden/images.fo -o "$tmp/img-lib/checked.pdf"
ok "img-lib: an SVG drawn by librsvg, loaded at run time, reads nothing invalid, leaks nothing" \
    $img_mc "$BIN" typeset "$il/group.fo" -o "$tmp/img-lib/checked-group.pdf"
