# shellcheck shell=sh
# Sourced by tests/run.sh.
echo "== schema and source hygiene"
if command -v trang >/dev/null; then
    trang -I rnc -O rng xml/schema/meeting.rnc "$tmp/meeting.rng" &&
        ok "meeting.rng is trang's output of meeting.rnc" cmp "$tmp/meeting.rng" \
            xml/schema/meeting.rng
else
    fail "trang is not installed (make deps-test)"
fi
ok "check-includes" tools/check-includes.sh
ok "check-headers" tools/check-headers.sh "${CC:-cc} $(sed -n 's/^PKG_CFLAGS := //p' "$O/pkg.mk") -std=c17 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Isrc"
ok "format-check" tools/format-check.sh
ok "check-xsl: no stylesheet reads the clock" tools/check-xsl.sh
must_fail "check-xsl notices date:date-time()" tools/check-xsl.sh tests/xslt/evil-clock.xsl
