# shellcheck shell=sh
# Sourced by tests/run.sh.
echo "== bad meetings give the expected messages"
for f in tests/bad/*.xml; do
    name="bad $(basename "$f")"
    "$BIN" validate "$f" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    sed -n 's/^<!-- expect: \(.*\) -->$/\1/p' "$f" >"$tmp/expect"
    if [ ! -s "$tmp/expect" ]; then
        fail "$name (no <!-- expect: … --> line)"
        continue
    fi
    problem=""
    [ "$rc" -eq 1 ] || problem="exit $rc, expected 1"
    while IFS= read -r e; do
        grep -qxF "$f:$e" "$tmp/err" || problem="$problem; missing: $f:$e"
    done <"$tmp/expect"
    want=$(grep -c ': error: ' "$tmp/expect")
    got=$(grep -c ': error: ' "$tmp/err")
    [ "$want" -eq "$got" ] || problem="$problem; $got errors, expected $want"
    if [ -z "$problem" ]; then
        pass "$name"
    else
        sed 's/^/    got: /' "$tmp/err"
        fail "$name ($problem)"
    fi
done
