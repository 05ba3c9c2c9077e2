#!/bin/sh
# The man page cannot drift from the program: every option `backstep -h`
# lists, every log item `-d help` lists and every command `monitor help`
# lists (asked of a running backstep -g through gdb) has its entry in the
# page, in bold as the page writes them (\fB\-undo\-limit\fR, .B state\-hash).
#   man_options.sh BACKSTEP PAGE GDB CC
set -u
backstep=$1 page=$2 gdb=$3 cc=$4
dir=$(mktemp -d "${TMPDIR:-/tmp}/backstep-manopt.XXXXXX") || exit 1
trap '[ -n "${bs:-}" ] && kill -9 "$bs" 2>/dev/null; rm -rf "$dir"' EXIT
fail=0
# in_page WHAT WORD: WORD (dashes as roff's \-) in bold in the page
in_page() {
    roff=$(printf '%s' "$2" | sed 's/-/\\-/g')
    if grep -qF -e "\\fB$roff\\fR" -e ".B $roff" "$page"; then
        n=$((n + 1))
    else
        echo "FAIL: $1 $2 is not in $page"; fail=1
    fi
}
# check WHAT MIN FILE: every word of FILE is in the page, and there are at least MIN
check() {
    n=0
    for w in $(cat "$3"); do in_page "$1" "$w"; done
    [ "$n" -ge "$2" ] || { echo "FAIL: only $n ${1}s found (want at least $2): is the list parsed right?"; fail=1; }
    echo "$n ${1}s of $(wc -w < "$3") in the page"
}

# "  -L SYSROOT  ..." and "  -h, --help  ..." lines
"$backstep" -h | sed -n 's/^  \(-[^ ,]*\)\(, \(-[^ ,]*\)\)\{0,1\}.*/\1 \3/p' > "$dir/options"
check option 15 "$dir/options"
# "in_asm     show ..." after the heading line
"$backstep" -d help | sed -n '2,$s/^\([a-z_]*\) .*/\1/p' > "$dir/items"
check "log item" 8 "$dir/items"

printf 'int main(void) { return 0; }\n' > "$dir/p.c"
"$cc" -static -o "$dir/p" "$dir/p.c" || { echo "FAIL: cannot compile"; exit 1; }
"$backstep" -g "unix:$dir/sock" "$dir/p" > /dev/null 2> "$dir/err" < /dev/null &
bs=$!
for _ in $(seq 100); do grep -q "waiting for gdb" "$dir/err" && break; sleep 0.05; done
timeout 60 "$gdb" -batch -nx -ex "target remote $dir/sock" -ex "monitor help" -ex kill "$dir/p" > "$dir/gdb" 2>&1
wait "$bs"
bs=""
# "  seek N    go to ..." lines of the monitor's help
sed -n 's/^  \([a-z][a-z-]*\)\( .*\)\{0,1\}$/\1/p' "$dir/gdb" > "$dir/monitor"
check "monitor command" 6 "$dir/monitor"
exit $fail
