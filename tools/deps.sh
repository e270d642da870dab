#!/bin/sh
# Installs the Debian packages motesdok needs when they are missing: "build" for the
# program, "test" for make check. As root it runs apt-get; otherwise it prints the command.
set -eu

build_pkgs="build-essential pkg-config libxml2-dev libxslt1-dev libcairo2-dev libharfbuzz-dev
libfontconfig-dev libfreetype-dev libunibreak-dev libhyphen-dev hyphen-sv librsvg2-dev
libqpdf-dev zlib1g-dev"
# The finishing step's output intent embeds /usr/share/color/icc/sRGB.icc (src/finish.c).
build_pkgs="$build_pkgs icc-profiles-free"
test_pkgs="libxml2-utils xsltproc trang poppler-utils qpdf clang-format python3 clang libclang-rt-14-dev valgrind strace"
# The site's checks (tests/site): the Nu Html Checker needs Java; axe-core runs in Chromium.
test_pkgs="$test_pkgs default-jre-headless chromium"
# The differential test against Apache FOP (tests/suites/46-fop.sh) and make bench-pages.
test_pkgs="$test_pkgs fop"
# The PDF/A and PDF/UA checker (tests/pdf/check.py) runs on Debian's python3 with pikepdf.
test_pkgs="$test_pkgs python3-pikepdf"

want=""
for group in "$@"; do
    case "$group" in
    build) want="$want $build_pkgs" ;;
    test) want="$want $test_pkgs" ;;
    *) echo "deps.sh: unknown group '$group' (build, test)" >&2; exit 2 ;;
    esac
done

# Node.js runs the iCalendar check with ical.js (tests/ics); any node on the PATH will do.
case " $* " in
*" test "*) command -v node >/dev/null 2>&1 || want="$want nodejs npm" ;;
esac

missing=""
for p in $want; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
    *" installed") ;;
    *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

echo "motesdok: installing missing Debian packages:$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
    echo "motesdok: error: not root; run: sudo apt-get install -y$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# The package lists of a fresh machine are empty; update them only when the install fails.
if ! apt-get install -y -q --no-install-recommends $missing >/dev/null 2>&1; then
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends $missing >/dev/null
fi
