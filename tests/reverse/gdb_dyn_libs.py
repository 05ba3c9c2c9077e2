# A dynamically linked program (programs/dynlib.c, built without -static)
# with gdb's default settings: the libraries come through the stub (vFile,
# target: sysroot) and the list from qXfer:libraries-svr4; GDB_SYSROOT set:
# `set sysroot DIR` instead. Checks against what the program's own memory
# and the library files say, never against backstep's reports.
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

sysroot = os.environ.get("GDB_SYSROOT")
if sysroot:
    gdb.execute("set sysroot " + sysroot)
out = connect()
m = markers()


def libraries():
    """{basename: (from, to, path)} from `info sharedlibrary`."""
    libs = {}
    for line in run("info sharedlibrary").splitlines():
        f = re.match(r"(0x[0-9a-f]+)\s+(0x[0-9a-f]+)\s+Yes(?: \(\*\))?\s+(\S+)$", line.strip())
        if f:
            libs[os.path.basename(f.group(3))] = (int(f.group(1), 16), int(f.group(2), 16), f.group(3))
    return libs


def text_addr(path):
    """The .text address in the library file (readelf), gdb's `From`."""
    local = path
    if path.startswith("target:"):  # the program's path: under backstep's -L first
        local = path[len("target:"):]
        opts = os.environ.get("BS_OPTS", "").split()
        if "-L" in opts and os.path.exists(opts[opts.index("-L") + 1] + local):
            local = opts[opts.index("-L") + 1] + local
    out = subprocess.run(["readelf", "-SW", local], capture_output=True, text=True).stdout
    return int(re.search(r"\.text\s+PROGBITS\s+([0-9a-f]+)", out).group(1), 16)


def check_loaded(name, libs):
    check(name in libs, "%s is listed with its symbols read (%s)" % (name, sorted(libs)))
    lo, hi, path = libs[name]
    if not sysroot:
        check(path.startswith("target:"), "%s was read through the stub (%s)" % (name, path))
    base = lo - text_addr(path)
    magic = bytes(gdb.selected_inferior().read_memory(base, 4))
    check(magic == b"\x7fELF", "%s: its ELF header is in memory at From - .text = 0x%x" % (name, base))


# The dynamic linker by the name the program asks for (PT_INTERP):
# ld-linux.so.3 (armel), ld-linux-armhf.so.3 (armhf).
LD = elf_interp()
check(LD is not None, "the program has a PT_INTERP (%s)" % LD)

# At the first instruction only ld.so is mapped.
libs = libraries()
check_loaded(LD, libs)
check("libc.so.6" not in libs, "libc is not loaded yet")

# A breakpoint in libc before continuing: it resolves once libc is loaded.
run("break puts")
out = run("continue")
check("Breakpoint 1" in out and func() == "puts", "break puts; continue: stopped in puts (%s)" % func())
libs = libraries()
check_loaded(LD, libs)
check_loaded("libc.so.6", libs)
lo, hi, _ = libs["libc.so.6"]
# The stub's own list (qXfer:libraries-svr4), asked for directly: both
# libraries, each lm a link_map whose l_addr is the ELF header's address.
xml = gdb.execute("maint packet qXfer:libraries-svr4:read::0,fff", to_string=True)
entries = re.findall(r'<library name="([^"]+)" lm="(0x[0-9a-f]+)" l_addr="(0x[0-9a-f]+)"', xml)
check(sorted(os.path.basename(e[0]) for e in entries) == sorted([LD, "libc.so.6"]),
      "qXfer:libraries-svr4 lists ld.so and libc (%s)" % [e[0] for e in entries])
for name, lm, l_addr in entries:
    check(word(int(lm, 16)) == int(l_addr, 16) and bytes(gdb.selected_inferior().read_memory(int(l_addr, 16), 4))
          == b"\x7fELF", "%s: lm->l_addr = %s holds its ELF header" % (os.path.basename(name), l_addr))
check(lo <= pc() < hi, "the stop is inside libc's text")
bt = run("bt")
check(re.search(r"#0 .* in puts \(\) from \S*libc\.so\.6", bt) and re.search(r"#1 .* in main \(", bt),
      "bt: puts from libc, called by main")

# finish out of libc, then back into it and reverse-finish out again (the
# second call: the first one went through ld.so's lazy binding).
out = run("continue")
check("Breakpoint 1" in out and func() == "puts", "continue: puts again")
check(re.search(r"#1 .* in main \(.*dynlib\.c:%d" % m["puts_line"], run("bt")), "called from MARK:puts_line")
run("delete")  # (puts' breakpoint would stop reverse-finish at puts' entry)
out = run("finish")
check(func() == "main" and line_of(pc() - 4) == m["puts_line"], "finish: back in main, just after the call")
after_call = pc()
run("reverse-stepi")
check(func() == "puts" and lo <= pc() < hi, "reverse-stepi from the return: inside puts again")
run("reverse-finish")
check(func() == "main" and frame_line() == m["puts_line"] and pc() < after_call,
      "reverse-finish: out of libc, at the call in main")

# reverse-step back over a PLT call lands in the caller: the second puts
# (bound), then the first (bound lazily by ld.so when it ran).
run("next")
check(frame_line() > m["puts_line"], "next over the second puts")
run("reverse-step")
check(func() == "main" and frame_line() == m["puts_line"], "reverse-step over it: main, MARK:puts_line")
run("break %d" % m["cell5_write"])
out = run("reverse-continue")
check(frame_line() == m["cell5_write"], "reverse-continue to MARK:cell5_write (after the first puts)")
run("delete")
if os.environ.get("BIND_NOW"):
    # Bound lazily, the first call ran through ld.so's resolver, which has no
    # symbols for gdb to step back out of (see README); with LD_BIND_NOW the
    # PLT entry was bound before main.
    run("reverse-step")
    check(func() == "main" and frame_line() == m["puts_call"],
          "reverse-step over the first puts@plt: in main at MARK:puts_call (%s:%d)" % (func(), frame_line()))

# A watchpoint on malloc'ed memory, found again with reverse-continue.
run("delete")
run("break %d" % m["cell5_again"])
run("continue")
check(frame_line() == m["cell5_again"] and val("cells[5]") == 4, "at MARK:cell5_again, cells[5] = 4")
cells = val("cells")
run("watch -l cells[5]")
out = run("reverse-continue")
check("Old value = 4" in out and "New value = 5" in out and frame_line() == m["cell5_write"],
      "reverse-continue: the write of scale() at MARK:cell5_write (5 -> 4)")
check(val("cells") == cells, "the same heap block")
run("delete")

# Back to before main: libc breakpoints still resolve, bt shows symbols.
out = run("reverse-continue")
check(no_history(out), "reverse-continue without breakpoints: the start of history")
check("libc.so.6" not in [os.path.basename(p) for p in re.findall(r"from (\S+)", out)], "stopped outside libc")
# gdb has the library list of this point (ld.so only): the breakpoint is
# pending and resolves when ld.so maps libc again.
run("set breakpoint pending on")
run("break strlen")
out = run("continue")
check(func() == "strlen" and lo <= pc() < hi, "continue: stopped in libc's strlen")
bt = run("bt")
# armhf: gdb cannot unwind through the stripped Thumb-2 libc.so.6 (no CFI
# gdb uses; its prologue analysis stops with "previous frame identical to
# this frame"); the same bt under qemu-arm -g stops the same way. Only
# frame #0 is checked there.
check(re.search(r"in strlen \(\) from \S*libc\.so\.6", bt)
      and (LD == "ld-linux-armhf.so.3" or re.search(r" in main \(", bt)),
      "bt from strlen shows libc's symbols (and main, armel)")
run("delete")
continue_to_exit()
