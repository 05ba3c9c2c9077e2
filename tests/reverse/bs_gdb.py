# Helpers for the scripted gdb sessions in this directory (gdb_*.py), run by
# run_gdb.sh inside gdb-multiarch. A script starts with
#     sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
#     from bs_gdb import *
# Expected values come from the program's source (MARK:name comments, see
# markers()), from gdb's own view of the binary, or from comparing states;
# never from backstep's output.
import os
import re
import signal
import threading

import gdb

REGS = ["r%d" % i for i in range(13)] + ["sp", "lr", "pc", "cpsr"]

# One line of `monitor writes` / `monitor last`: count, pc, thread, address,
# old -> new bytes, and the kind of kernel write if any.
WRITE_LINE = re.compile(r"^(\d+)  pc=0x([0-9a-f]+)  thread=(-?\d+)  0x([0-9a-f]+): ([0-9a-f]+)(?:\.\.\.)? -> "
                        r"([0-9a-f]+)(?:\.\.\.)?(?:  \((\w[\w ]*)\))?$")


class Failure(gdb.GdbError):
    pass


def fail(msg):
    raise Failure("FAIL: " + msg)


def check(cond, msg):
    if not cond:
        fail(msg)
    print("ok: " + msg)


def _out_size():
    gdb.flush()
    try:
        return os.stat("/proc/self/fd/1").st_size
    except OSError:
        return None


def run(cmd):
    """Runs a gdb command; returns everything it printed, including what gdb
    prints when the inferior stops, which gdb.execute(to_string=True) does
    not return. run_gdb.sh sends gdb's stdout to a file; the text is read
    back from there, so it also stays in the test log."""
    print(">>> " + cmd)
    start = _out_size()
    err = None
    try:
        gdb.execute(cmd)
    except gdb.error as e:
        err = e
    end = _out_size()
    if start is None or end is None:
        fail("gdb's stdout must be a regular file (run the script with run_gdb.sh)")
    with open("/proc/self/fd/1", "rb") as f:
        f.seek(start)
        text = f.read(end - start).decode("utf-8", "replace")
    if err is not None:
        print("(error: %s)" % err)
        err.output = text
        raise err
    return text


def run_interrupted(cmd="continue", after=1.0):
    """Runs cmd with a Ctrl-C after `after` seconds: SIGINT to gdb itself, as
    a terminal sends it (gdb then interrupts the target). Returns gdb's output."""
    timer = threading.Timer(after, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    try:
        return run(cmd)
    finally:
        timer.cancel()


def run_error(cmd):
    """Runs a command that must fail; returns what it printed followed by
    gdb's error message."""
    try:
        out = run(cmd)
    except gdb.error as e:
        return getattr(e, "output", "") + str(e)
    fail("`%s` should have failed, but printed: %r" % (cmd, out))


def connect():
    gdb.execute("set pagination off")
    gdb.execute("set confirm off")
    gdb.execute("set width 0")
    return run("target remote " + os.environ["BS_TARGET"])


def markers(path=None):
    """{name: line} for the `MARK:name` comments of the program's source
    (found through the debug info of main)."""
    if path is None:
        path = gdb.lookup_global_symbol("main").symtab.fullname()
    out = {}
    with open(path) as f:
        for n, text in enumerate(f, 1):
            for m in re.finditer(r"MARK:(\w+)", text):
                out[m.group(1)] = n
    return out


def pc():
    return int(gdb.parse_and_eval("$pc")) & 0xFFFFFFFF


def frame_line():
    return gdb.selected_frame().find_sal().line


def func():
    return gdb.selected_frame().name()


def line_of(addr):
    return gdb.find_pc_line(addr).line


def regs():
    f = gdb.selected_frame()
    return {r: int(f.read_register(r)) & 0xFFFFFFFF for r in REGS}


def word(addr):
    return int(gdb.parse_and_eval("*(unsigned int *)%d" % addr)) & 0xFFFFFFFF


def val(expr):
    return int(gdb.parse_and_eval(expr))


def entry_point():
    m = re.search(r"Entry point: (0x[0-9a-f]+)", gdb.execute("info files", to_string=True))
    return int(m.group(1), 16)


def _elf_header():
    """The program's ELF file (32-bit little-endian): its bytes."""
    with open(gdb.current_progspace().filename, "rb") as f:
        return f.read()


def elf_entry_thumb():
    """True if the ELF entry address has bit 0 set (a Thumb _start, as in
    armhf glibc), read from the file itself."""
    import struct
    return bool(struct.unpack_from("<I", _elf_header(), 0x18)[0] & 1)


def elf_interp():
    """The basename of the program's PT_INTERP (its dynamic linker), read
    from the file's program headers; None for a static program."""
    import struct
    data = _elf_header()
    phoff, = struct.unpack_from("<I", data, 0x1C)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x2A)
    for i in range(phnum):
        p_type, p_offset, _, _, p_filesz = struct.unpack_from("<5I", data, phoff + i * phentsize)
        if p_type == 3:  # PT_INTERP
            return os.path.basename(data[p_offset:p_offset + p_filesz].rstrip(b"\0").decode())
    return None


def syscall_frame():
    """The frame of the function that made the syscall the program is
    stopped at: armhf glibc's Thumb-2 code goes through __libc_do_syscall
    (it cannot use r7, the Thumb frame pointer, directly), so the caller of
    that helper."""
    f = gdb.selected_frame()
    if f.name() == "__libc_do_syscall" and f.older() is not None:
        f = f.older()
    return f


def syscall_func():
    return syscall_frame().name()


def markers_path():
    return gdb.lookup_global_symbol("main").symtab.fullname()


def continue_to_mark(m, name):
    """Breaks at MARK:name of the markers m, continues there, checks it."""
    run("break %d" % m[name])
    out = run("continue")
    check(frame_line() == m[name], "stopped at MARK:%s: %r" % (name, out[-200:]))
    return out


def when():
    return int(gdb.execute("monitor when", to_string=True).split()[-1])


def no_history(text):
    return "No more reverse-execution history." in text


EXIT_SYSCALLS = (1, 248)  # ARM EABI exit, exit_group


def at_exit_stop(out):
    """True if gdb just reported the exit stop: a SIGTRAP with pc at an SVC
    whose r7 is exit or exit_group (the program has not left yet)."""
    if "Program received signal SIGTRAP" not in out:
        return False
    insn = gdb.execute("x/i $pc", to_string=True)
    return re.search(r"\bsvc\b", insn) is not None and val("$r7") in EXIT_SYSCALLS


def continue_to_exit(what="the program"):
    """`continue` to the end: first the exit stop (checked), then a second
    `continue` that really exits. Returns what both printed."""
    out = run("continue")
    check(at_exit_stop(out), "%s reaches its exit: stopped before the exit SVC (%r)" % (what, out.strip()[-200:]))
    return out + run("continue")
