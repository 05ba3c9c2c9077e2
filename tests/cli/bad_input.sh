#!/bin/sh
# Runs backstep on one kind of bad input and checks that it fails cleanly:
# exit status non-zero and below 128 (no crash, no signal), nothing on stdout,
# exactly one line on stderr, starting with "backstep: " and mentioning the
# expected problem.
#   usage: bad_input.sh BACKSTEP CASE
set -u
backstep=$1
case_name=$2
dir=$(mktemp -d "${TMPDIR:-/tmp}/backstep-cli.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT

# 9 zero bytes (the rest of e_ident after class, data, version).
pad9='\000\000\000\000\000\000\000\000\000'

case $case_name in
missing)
    file=$dir/does-not-exist; want='No such file or directory' ;;
text)
    file=$dir/notes.txt; printf 'just some text\n' > "$file"; want='not an ELF' ;;
empty)
    file=$dir/empty; : > "$file"; want='not an ELF' ;;
script)
    file=$dir/script.sh; printf '#!/bin/sh\necho hi\n' > "$file"; want='#!' ;;
directory)
    file=$dir; want='directory' ;;
fifo)
    # Opening a FIFO must not wait for a writer.
    file=$dir/fifo; mkfifo "$file"; want='not a regular file' ;;
x86-64)
    file=/bin/true; want='x86-64' ;;
aarch64)
    # ELFCLASS64, little-endian, ET_EXEC, EM_AARCH64 (183 = 0267), 64-byte header.
    file=$dir/aarch64
    { printf "\177ELF\002\001\001$pad9"; printf '\002\000\267\000\001\000\000\000'; head -c 40 /dev/zero; } > "$file"
    want='ARM64/64-bit ELF not supported' ;;
armeb)
    # ELFCLASS32, big-endian, ET_EXEC, EM_ARM (40 = 050) in big-endian order.
    file=$dir/armeb
    { printf "\177ELF\001\002\001$pad9"; printf '\000\002\000\050\000\000\000\001'; head -c 28 /dev/zero; } > "$file"
    want='big-endian ARM' ;;
truncated)
    # The first 30 bytes of a 32-bit little-endian ARM header.
    file=$dir/truncated
    { printf "\177ELF\001\001\001$pad9"; printf '\002\000\050\000\001\000\000\000'; head -c 6 /dev/zero; } > "$file"
    want='truncated ELF header' ;;
no-phdrs)
    # A complete 52-byte ARM header announcing one program header at offset 52,
    # with the file ending right there.
    file=$dir/no-phdrs
    { printf "\177ELF\001\001\001$pad9"; printf '\002\000\050\000\001\000\000\000'
      printf '\000\000\001\000\064\000\000\000\000\000\000\000\000\002\000\005'
      printf '\064\000\040\000\001\000\050\000\000\000\000\000'; } > "$file"
    want='program header table (1 x 32 bytes at offset 0x34) extends past end of file' ;;
*)
    echo "bad_input.sh: unknown case '$case_name'" >&2; exit 2 ;;
esac

# Files made here must be executable, as execve (and backstep) refuse a file
# without an x bit before reading it (tests/cli/not_executable.sh).
[ -f "$file" ] && [ ! -x "$file" ] && chmod +x "$file"

"$backstep" "$file" > "$dir/out" 2> "$dir/err" < /dev/null
status=$?
fail=0
if [ "$status" -eq 0 ] || [ "$status" -ge 128 ]; then
    echo "FAIL: exit status $status (want 1..127)"; fail=1
fi
if [ -s "$dir/out" ]; then
    echo "FAIL: unexpected stdout:"; cat "$dir/out"; fail=1
fi
lines=$(wc -l < "$dir/err")
if [ "$lines" -ne 1 ]; then
    echo "FAIL: $lines lines on stderr (want 1):"; cat "$dir/err"; fail=1
fi
if ! head -n 1 "$dir/err" | grep -q '^backstep: '; then
    echo "FAIL: stderr does not start with 'backstep: '"; fail=1
fi
if ! grep -qF -- "$want" "$dir/err"; then
    echo "FAIL: stderr does not mention '$want'"; fail=1
fi
echo "stderr: $(cat "$dir/err")"
exit $fail
