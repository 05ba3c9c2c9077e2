# Session basics on programs/basics.c: the state at the entry point, a
# breakpoint in main, locals and memory, writes in a diversion in the past and
# taken at the end of history (the program's output shows them), kill.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bs_gdb import *  # noqa: E402,F403

connect()
m = markers()

# At the entry point: pc is the ELF entry, user mode, ARM state (Thumb if the
# ELF entry address has bit 0 set, as armhf glibc's _start), the initial
# stack holds argc = 1 and argv[0] (the program's path).
entry = entry_point()
r = regs()
check(r["pc"] == entry, "pc 0x%x at connect is the ELF entry point 0x%x" % (r["pc"], entry))
check(func() == "_start", "the entry point is _start (%s)" % func())
check(r["cpsr"] & 0x1F == 0x10, "cpsr 0x%x: user mode" % r["cpsr"])
if elf_entry_thumb():
    check(r["cpsr"] & 0x20, "cpsr 0x%x: Thumb state (T set; the ELF entry has bit 0 set)" % r["cpsr"])
else:
    check(not r["cpsr"] & 0x20, "cpsr 0x%x: ARM state (T clear)" % r["cpsr"])
check(r["sp"] != 0 and r["sp"] % 8 == 0, "sp 0x%x: nonzero, 8-aligned" % r["sp"])
check(word(r["sp"]) == 1, "argc at [sp] is 1 (got %d)" % word(r["sp"]))
argv0 = gdb.parse_and_eval("*(char **)(%d + 4)" % r["sp"]).string()
# As Linux starts an ARM ELF program: r0 = 0 (no rtld_fini), r1 = argv[0].
check(r["r0"] == 0 and r["r1"] == word(r["sp"] + 4), "r0 = 0, r1 = argv[0] (0x%x)" % word(r["sp"] + 4))
prog = gdb.current_progspace().filename
check(os.path.basename(argv0) == os.path.basename(prog), "argv[0] %r names the program %r" % (argv0, prog))
info = run("info registers")
for reg in ["r0", "r7", "sp", "lr", "pc", "cpsr"]:
    check(re.search(r"^%s\s+0x[0-9a-f]+" % reg, info, re.M), "`info registers` lists %s" % reg)

# break main: stops at main's first statement.
out = run("break main")
bp_addr = int(re.search(r"Breakpoint 1 at (0x[0-9a-f]+)", out).group(1), 16)
out = run("continue")
check("Breakpoint 1, main ()" in out, "continue reports breakpoint 1 in main")
check(pc() == bp_addr, "pc 0x%x is breakpoint 1's address 0x%x" % (pc(), bp_addr))
check(frame_line() == m["main_first"], "stopped at main's first line %d (got %d)" % (m["main_first"], frame_line()))

# Before `int r = scale(a) + b`: locals and the table, by construction.
run("break %d" % m["scaled"])
out = run("continue")
check("Breakpoint 2, main ()" in out and frame_line() == m["scaled"], "stopped at line %d" % m["scaled"])
table = [0x1000 + i * 0x11 for i in range(8)]
check(val("a") == 6 and val("b") == 7, "locals a = 6, b = 7")
check(val("sum") == sum(table), "local sum = %d" % sum(table))
locs = run("info locals")
check(re.search(r"^a = 6$", locs, re.M) and re.search(r"^sum = %d$" % sum(table), locs, re.M),
      "`info locals` shows a and sum")
out = run("x/8wx &table")
words = [int(w, 16) for w in re.findall(r"\t(0x[0-9a-f]{8})", out)]
check(words == table, "x/8wx &table shows %s" % [hex(w) for w in table])
table_addr = val("&table")
raw = bytes(gdb.selected_inferior().read_memory(table_addr, 32))
check(raw == b"".join(w.to_bytes(4, "little") for w in table), "memory read of table (32 bytes)")
check(val("factor") == 3, "global factor = 3")

# In the past (one instruction back), writes go to a diversion (issue 14,
# as rr does): visible at once, gone once a reverse command ends it, and
# history is unchanged.
before = regs()
run("stepi")
run("reverse-stepi")
check(regs() == before, "stepi + reverse-stepi: registers as before")
here = when()
run("set var factor = 9")
run("set $r0 = 1")
check(val("factor") == 9 and regs()["r0"] == 1, "writes in the past are visible (in a diversion)")
run("reverse-stepi")
run("stepi")
check(when() == here, "reverse-stepi + stepi: back at %d (%d)" % (here, when()))
check(val("factor") == 3 and regs() == before, "the diversion is gone: factor and registers as recorded")
run("maintenance flush register-cache")
check(val("factor") == 3 and regs() == before, "... also after gdb re-reads the state")

# Back at the end of history (stepi replays to it): writes are taken.
run("stepi")
run("set var factor = 5")
run("set var b = 10")
run("set $r12 = 0x12345678")
check(val("factor") == 5 and val("b") == 10, "writes at the end of history read back (factor 5, b 10)")
check(regs()["r12"] == 0x12345678, "register write at the end of history reads back")
run("maintenance flush register-cache")
check(val("factor") == 5 and val("b") == 10 and regs()["r12"] == 0x12345678, "... also after flushregs")

# The writes are part of history: one instruction before them the old
# values are back, and replaying to that point applies them again.
run("stepi")
run("reverse-stepi")
check(val("factor") == 5 and val("b") == 10 and regs()["r12"] == 0x12345678, "stepi + reverse-stepi: writes kept")
run("reverse-stepi")
check(val("factor") == 3 and val("b") == 7 and regs()["r12"] != 0x12345678, "one more back: before the writes")
run("stepi")
check(val("factor") == 5 and val("b") == 10 and regs()["r12"] == 0x12345678, "stepi: the writes again")

# The program uses them: r = scale(6) + 10 = 6 * 5 + 10.
run("break %d" % m["done"])
out = run("continue")
check("Breakpoint 3, main ()" in out and frame_line() == m["done"], "stopped at line %d" % m["done"])
check(val("r") == 40, "r = 6 * 5 + 10 = 40 (got %d)" % val("r"))
with open(os.environ["BS_GUEST_OUT"]) as f:
    text = f.read()
check(text == "result 40 sum %d\n" % sum(table), "the program printed the changed result: %r" % text)

out = run("kill")
check("killed" in out, "kill: %r" % out.strip())
with open(os.environ["BS_GUEST_OUT"]) as f:
    text = f.read()
check("done" not in text, "nothing printed after kill")
