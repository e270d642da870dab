#!/bin/sh
# Checks the include rules of STYLE.md §1: a third-party header only in the files of its row,
# and no file including a motesdok header from a higher layer. Prints each violation.
set -u
cd "$(dirname "$0")/.."

# Layer of a module stem (lowest first); a new module must be added here.
layer() {
    case "$1" in
    base | diag | arena | buf | date | json) echo 0 ;;
    xml | xml-imp | xslt | font | font-hb | brk | hyph | out | kp | ics | img) echo 1 ;;
    fo | shape | site) echo 2 ;;
    para) echo 3 ;;
    page | canvas) echo 4 ;;
    pdf | trace | finish) echo 5 ;;
    main) echo 6 ;;
    *) echo "" ;;
    esac
}

# Files allowed to include each third-party header family.
allowed() {
    case "$1" in
    libxml/*) echo "xml.c xml-lint.c xml-imp.h xslt.c fo.c" ;;
    libxslt/* | libexslt/*) echo "xslt.c" ;;
    cairo*) echo "pdf.c img.c img-cairo.h" ;;
    hb*.h | harfbuzz/*) echo "shape.c font.c font-hb.h pdf.c" ;;
    ft2build.h | freetype/*) echo "font.c font-hb.h shape.c pdf.c" ;;
    fontconfig/*) echo "font.c" ;;
    linebreak.h | linebreakdef.h) echo "brk.c" ;;
    hyphen.h) echo "hyph.c" ;;
    librsvg/*) echo "img.c" ;;
    qpdf/* | zlib.h) echo "finish.c" ;;
    *) echo "" ;;
    esac
}

bad=0
for f in src/*.c src/*.h; do
    base=$(basename "$f")
    stem=${base%.*}
    # A split module (name-part.c) shares its stem's layer.
    my=$(layer "$stem")
    [ -n "$my" ] || my=$(layer "${stem%%-*}")
    if [ -z "$my" ]; then
        echo "$f: module '$stem' has no layer in tools/check-includes.sh"
        bad=1
        continue
    fi
    grep -n '^#include' "$f" | while IFS= read -r line; do
        n=${line%%:*}
        inc=$(echo "$line" | sed -n 's/.*#include *[<"]\([^>"]*\)[>"].*/\1/p')
        case "$line" in
        *'"'*)
            istem=${inc%.h}
            il=$(layer "$istem")
            [ -n "$il" ] || il=$(layer "${istem%%-*}")
            if [ -z "$il" ]; then
                echo "$f:$n: includes unknown motesdok header $inc"
                echo x >>/tmp/check-includes.$$
            elif [ "$il" -gt "$my" ]; then
                echo "$f:$n: $inc is in layer $il, above this file's layer $my"
                echo x >>/tmp/check-includes.$$
            fi
            ;;
        *)
            files=$(allowed "$inc")
            if [ -n "$files" ]; then
                case " $files " in
                *" $base "*) ;;
                *)
                    echo "$f:$n: <$inc> may only be included by: $files"
                    echo x >>/tmp/check-includes.$$
                    ;;
                esac
            fi
            ;;
        esac
    done
done
if [ -s /tmp/check-includes.$$ ]; then
    bad=1
fi
rm -f /tmp/check-includes.$$
exit $bad
