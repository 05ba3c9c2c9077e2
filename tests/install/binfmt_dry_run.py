#!/usr/bin/env python3
"""backstep-binfmt --dry-run (installed under PREFIX) prints the binfmt_misc
writes it would make, and makes none. The entry it prints must match the
files the kernel should hand to backstep (little-endian 32-bit ARM ELF
executables, static, PIE, armhf, any OS/ABI byte) and no other (an ARM
object file, big-endian ARM, an x86-64 program); where Debian's
qemu-user-binfmt is installed, it matches what its qemu-arm entry matches.
Nothing is ever registered: only --dry-run is run.
  binfmt_dry_run.py PREFIX ARMEL_CC [ARMHF_CC]"""
import os
import re
import subprocess
import sys
import tempfile

prefix, armel = sys.argv[1], sys.argv[2]
armhf = sys.argv[3] if len(sys.argv) > 3 else None
script = os.path.join(prefix, "sbin", "backstep-binfmt")
interp = os.path.realpath(os.path.join(prefix, "libexec", "backstep-binfmt-P"))
binfmt = "/proc/sys/fs/binfmt_misc"
failures = []


def fail(msg):
    print("FAIL:", msg)
    failures.append(msg)


def entries():
    return sorted(os.listdir(binfmt)) if os.path.isdir(binfmt) else []


def dry(*args):
    r = subprocess.run([script, "--dry-run", *args], capture_output=True, text=True)
    if r.returncode != 0 or r.stderr:
        fail(f"--dry-run {args}: status {r.returncode}, stderr {r.stderr!r}")
    return r.stdout.splitlines()


def unescape(field):
    if not re.fullmatch(r"(\\x[0-9a-f]{2})+", field):
        fail(f"not a string of \\xHH escapes: {field}")
        return b""
    return bytes(int(h, 16) for h in field.split("\\x")[1:])


def matches(magic, mask, path):
    with open(path, "rb") as f:
        head = f.read(len(magic))
    return len(head) == len(magic) and all((h ^ m) & k == 0 for h, m, k in zip(head, magic, mask))


before = entries()
lines = dry()
# A removal first only if an entry of that name is already registered.
write = re.compile(r"^printf '%s' '(.*)' > (\S+)$")
m = write.match(lines[-1]) if lines else None
if not m or m.group(2) != f"{binfmt}/register":
    sys.exit(f"FAIL: the last line is not a write to {binfmt}/register: {lines}")
for extra in lines[:-1]:
    if extra != f"printf '%s' '-1' > {binfmt}/backstep-arm" or "backstep-arm" not in before:
        fail(f"unexpected line: {extra}")
entry = m.group(1)
print("entry:", entry)
fields = entry.split(":")
if len(fields) != 8 or fields[0] != "":
    sys.exit(f"FAIL: not :name:type:offset:magic:mask:interpreter:flags: {entry}")
_, name, kind, offset, magic, mask, path, flags = fields
magic, mask = unescape(magic), unescape(mask)
if (name, kind, offset, flags) != ("backstep-arm", "M", "0", "P"):
    fail(f"name/type/offset/flags are {name}/{kind}/{offset}/{flags}")
if path != interp or not os.access(path, os.X_OK):
    fail(f"interpreter {path}, want the installed {interp}")
if len(magic) != len(mask) or not magic:
    fail("magic and mask differ in length")

rm = dry("--remove")
if rm != [f"printf '%s' '-1' > {binfmt}/backstep-arm"]:
    fail(f"--remove --dry-run printed {rm}")

# An unknown option is refused before anything is looked at (with --dry-run
# after it, so that nothing could be written even if it were not).
r = subprocess.run([script, "--bogus", "--dry-run"], capture_output=True, text=True)
if r.returncode == 0 or "unknown option '--bogus'" not in r.stderr or r.stdout:
    fail(f"--bogus: status {r.returncode}, stdout {r.stdout!r}, stderr {r.stderr!r}")

with tempfile.TemporaryDirectory() as d:
    src = os.path.join(d, "p.c")
    with open(src, "w") as f:
        f.write("int main(void) { return 0; }\n")
    start = os.path.join(d, "s.c")
    with open(start, "w") as f:
        f.write("void _start(void) { for (;;) ; }\n")
    want = {}  # file -> should the entry match it

    def build(out, cc, *flags, source=src, expect=True):
        r = subprocess.run([cc, *flags, "-o", os.path.join(d, out), source], capture_output=True, text=True)
        if r.returncode:
            fail(f"cannot build {out}: {r.stderr}")
        else:
            want[out] = expect

    build("armel-static", armel, "-static")
    build("armel-pie", armel, "-fPIE", "-pie")
    build("armel-nopie", armel, "-no-pie")
    build("armel-object", armel, "-c", expect=False)
    build("armeb-static", armel, "-mbig-endian", "-nostdlib", "-static", source=start, expect=False)
    if armhf:
        build("armhf-static", armhf, "-static")
        build("armhf-pie", armhf, "-fPIE", "-pie")
    # OS/ABI byte 3 (ELFOSABI_GNU), as some toolchains write it: still run.
    if "armel-static" in want:
        with open(os.path.join(d, "armel-static"), "rb") as f:
            data = bytearray(f.read())
        data[7] = 3
        with open(os.path.join(d, "armel-osabi3"), "wb") as f:
            f.write(data)
        want["armel-osabi3"] = True
    files = {k: os.path.join(d, k) for k in want}
    files["x86-64 python3"] = os.path.realpath(sys.executable)
    want["x86-64 python3"] = False
    for k, p in files.items():
        got = matches(magic, mask, p)
        print(f"{'ok' if got == want[k] else 'FAIL'}: {k}: {'matches' if got else 'does not match'}")
        if got != want[k]:
            fail(f"{k}: match {got}, want {want[k]}")

# Debian's qemu-user-binfmt entry for qemu-arm, where installed: the same files.
deb = "/usr/share/binfmts/qemu-arm"
if os.path.exists(deb):
    spec = dict(line.split(None, 1) for line in open(deb).read().splitlines() if " " in line)
    dm, dk = unescape(spec["magic"].strip()), unescape(spec["mask"].strip())
    if (dm, dk) != (magic, mask) or spec.get("offset", "0").strip() != "0":
        fail(f"differs from {deb}: magic {dm.hex()} mask {dk.hex()}")
    else:
        print(f"ok: magic and mask are those of {deb}")

if entries() != before:
    fail(f"{binfmt} changed: {before} -> {entries()}")
sys.exit(1 if failures else 0)
