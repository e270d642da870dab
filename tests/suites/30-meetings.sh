# shellcheck shell=sh
# Sourced by tests/run.sh.
echo "== meetings validate"
for f in xml/meetings/*.xml tests/meetings/*.xml; do
    ok "validate $f" "$BIN" validate "$f"
done
ok "xmllint agrees the meetings are valid" \
    xmllint --noout --relaxng xml/schema/meeting.rng xml/meetings/*.xml tests/meetings/*.xml

echo "== the seeds are complete"
for s in tests/seeds/*.txt; do
    m=$(basename "$s" .txt)
    counted "completeness $m" "$O/tests/completeness" "$s" "xml/meetings/$m.xml" \
        "tests/seeds/$m.map"
done
# The completeness test must notice a sentence that is gone: drop one paragraph of each.
sed '/Mötet inleds med en presentationsrunda/d' xml/meetings/2024-01-30.xml \
    >"$tmp/2024-01-30.xml"
must_fail "completeness notices a removed sentence (2024-01-30)" \
    "$O/tests/completeness" tests/seeds/2024-01-30.txt "$tmp/2024-01-30.xml" \
    tests/seeds/2024-01-30.map
sed '/Föreningarnas hus ordnar med tilltugg/d' xml/meetings/2020-01-29.xml \
    >"$tmp/2020-01-29.xml"
must_fail "completeness notices a removed sentence (2020-01-29)" \
    "$O/tests/completeness" tests/seeds/2020-01-29.txt "$tmp/2020-01-29.xml" \
    tests/seeds/2020-01-29.map
