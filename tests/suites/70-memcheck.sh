# shellcheck shell=sh
# Sourced by tests/run.sh.
# valgrind cannot run AddressSanitizer's binaries; in that build ASan and LeakSanitizer check
# the same two things (invalid reads, leaks) on the same commands.
case "$O" in
*sanitize*) memcheck="" checker="ASan/LSan" ;;
*) memcheck="valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite,indirect
              --suppressions=tests/valgrind.supp"
   checker="valgrind" ;;
esac
echo "== $checker on the seed pipeline"
ok "$checker: validating the meetings reads nothing invalid and leaks nothing" \
    $memcheck "$BIN" validate xml/meetings/2024-01-30.xml xml/meetings/2020-01-29.xml \
    tests/meetings/protokoll-namnd.xml
ok "$checker: setting the seed paragraphs to PDF reads nothing invalid and leaks nothing" \
    $memcheck "$O/tests/textpdf" tests/text/paragraphs.txt "$tmp/valgrind.pdf"
