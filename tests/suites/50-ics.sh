# shellcheck shell=sh
# Sourced by tests/run.sh.
echo "== the iCalendar feed in a real parser (ical.js)"
if (cd tests/ics && npm ci --no-audit --no-fund --silent >"$tmp/npm.log" 2>&1); then
    counted "ical.js reads tests/ics/*.ics" node tests/ics/parse.mjs
else
    sed 's/^/    /' "$tmp/npm.log" | tail -n 5
    fail "npm ci in tests/ics (ical.js)"
fi
