# shellcheck shell=sh
# Sourced by tests/run.sh.
echo "== brands (xml/brand/)"
ok "xmllint: the brand files are valid" \
    xmllint --noout --relaxng xml/schema/brand.rng xml/brand/*.xml
must_fail "xmllint: a brand file missing a colour is not" \
    xmllint --noout --relaxng xml/schema/brand.rng tests/brand/missing-primary.xml
ok "every brand's text colours meet WCAG 2.1 AA (4.5:1)" python3 tests/brand/contrast.py xml/brand/*.xml
trang -I rnc -O rng xml/schema/brand.rnc "$tmp/brand.rng" &&
    ok "brand.rng is trang's output of brand.rnc" cmp "$tmp/brand.rng" xml/schema/brand.rng
