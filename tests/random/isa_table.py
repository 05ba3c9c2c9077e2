"""isa_table.py -- read-only access to backstep's decode tables (arm/*.decode)
for the random generators: it runs arm/decodegen.py's parser (the same one the
build uses, so nothing is listed twice) and gives, per table line, its
pattern, fields, argument set and facts, plus

  decode(table, word)     the line the generated C decoder picks for word
                          (file order, first match; a `cond` field never
                          matches 1111), or None
  args(line, word)        the argument-set members the decoder fills in
  facts(line, a)          the line's facts evaluated for those arguments:
                          written registers, flags, memory access,
                          UNPREDICTABLE, end of block, trap

The facts are C expressions over the argument fields (decodegen.py's
docstring); they are evaluated here after a small C->Python rewrite.  The
`!fn` field transforms are arm/decode_fn.h's own C functions, compiled into
a small shared library and called through ctypes (FIELD_FN below): nothing
of them is written twice.  Run as a script (ctest random/isa-table) it
checks itself: every line decodes words drawn from it (or an earlier line of
its group), and the transforms and facts give the ARM ARM's values for a few
known encodings.
"""
import os
import re
import sys

ARM_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "arm")
sys.path.insert(0, ARM_DIR)
import decodegen  # noqa: E402


def _sext(v, bits):
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >> (bits - 1) else v


def _field_fns():
    """The `!fn` field transforms, from arm/decode_fn.h itself: its static
    inline functions are compiled (once per version of the header, cached in
    the temp directory) into a small shared library called through ctypes,
    so a transform is written once, in C, for the decoders and for us."""
    import ctypes
    import hashlib
    import subprocess
    import tempfile
    hdr = os.path.join(ARM_DIR, "decode_fn.h")
    text = open(hdr).read()
    names = re.findall(r"static inline int32_t (\w+)\(uint32_t \w+\)", text)
    key = hashlib.sha1(text.encode()).hexdigest()[:16]
    so = os.path.join(tempfile.gettempdir(), "backstep-decode-fn-%s-%d.so" % (key, os.getuid()))
    if not os.path.exists(so):
        src = so[:-3] + ".c"
        with open(src, "w") as f:
            f.write('#include "arm/decode_fn.h"\n')
            for n in names:
                f.write("int32_t py_%s(uint32_t v) { return %s(v); }\n" % (n, n))
        tmp = "%s.%d.tmp" % (so, os.getpid())
        cc = os.environ.get("CC", "cc")
        p = subprocess.run([cc, "-shared", "-fPIC", "-O1", "-I", os.path.join(ARM_DIR, ".."), "-o", tmp, src],
                           capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit("isa_table.py: cannot compile arm/decode_fn.h with %s: %s" % (cc, p.stderr))
        os.replace(tmp, so)
    lib = ctypes.CDLL(so)
    out = {}
    for n in names:
        fn = getattr(lib, "py_" + n)
        fn.argtypes, fn.restype = [ctypes.c_uint32], ctypes.c_int32
        out[n] = fn
    return out


FIELD_FN = _field_fns()


class Line:
    """One pattern line of a table (a wrapper over decodegen's entry dict)."""

    def __init__(self, table, e, index):
        self.table, self.e, self.index = table, e, index
        self.name = e["name"]
        self.fixed, self.mask = e["fixed"], e["mask"]
        self.argset = e["argset"]
        self.where = e["where"]
        self.group = e["group"]          # the outermost group (lines that overlap share it)
        self.groups = e["groups"]
        self.has_cond = e["cond"]
        self.facts_raw = list(e["facts"])
        self.fact_keys = {f.partition(":")[0] for f in self.facts_raw}

    def __repr__(self):
        return "<%s %s>" % (self.name, self.where)

    def fact(self, key):
        """The raw values of one fact kind (e.g. 'w' -> ['rd'])."""
        return [f.partition(":")[2] for f in self.facts_raw if f.partition(":")[0] == key]


class Table:
    def __init__(self, name, gen_tab, gen):
        self.name = name
        self.width = gen_tab.width
        self.fields = gen_tab.fields
        self.members = gen.argsets
        self.contexts = gen.contexts
        self.lines = [Line(self, e, i) for i, e in enumerate(gen_tab.lines)]


def load(*names):
    """Parse arm/NAME.decode for each name (all in one decodegen.Gen, as the
    build does, so shared argument sets are checked) -> {name: Table}."""
    g = decodegen.Gen()
    g.parse(os.path.join(ARM_DIR, "args.decode"))  # the shared argument sets, as the build does
    for n in names:
        g.parse(os.path.join(ARM_DIR, n + ".decode"))
    return {t.name: Table(t.name, t, g) for t in g.tables}


def _field_value(f, word):
    width = sum(ln for _, ln in f.parts)
    v = 0
    for pos, ln in f.parts:
        v = (v << ln) | ((word >> pos) & ((1 << ln) - 1))
    if f.signed:
        v = _sext(v, width)
    if f.shl:
        v = _sext(v << f.shl, 32)
    if f.fn:
        v = FIELD_FN[f.fn](v)
    return v


def decode(table, word):
    for ln in table.lines:
        if (word & ln.mask) != ln.fixed:
            continue
        if ln.has_cond:
            c = ln.e["inline"]["cond"]
            if _field_value(c, word) == 0xf:
                continue
        return ln
    return None


def args(line, word, ctx=None):
    """Argument-set members as the generated decoder computes them, in decode
    context ctx ({name: 0/1}, e.g. {"in_it": 1}; absent names are 0)."""
    e, tab = line.e, line.table
    cvals = {n: (ctx or {}).get(n, 0) for n in tab.contexts}
    out = {}
    for m in tab.members[line.argset]:
        if m in e["inline"]:
            out[m] = _field_value(e["inline"][m], word)
        elif m in tab.fields:
            out[m] = _field_value(tab.fields[m], word)
        else:
            v = e["consts"][m]
            if re.fullmatch(r"-?\d+|0x[0-9a-f]+", v):
                out[m] = int(v, 0)
            else:
                # an expression over fields and context names (decodegen's const_c)
                names = dict(cvals)
                for nm in re.findall(r"%?\b[a-z_]\w*", v):
                    if nm.startswith("%"):
                        names["F_" + nm[1:]] = _field_value(tab.fields[nm[1:]], word)
                    elif nm in e["inline"]:
                        names[nm] = _field_value(e["inline"][nm], word)
                out[m] = int(evaluate(v.replace("%", "F_"), names))
    if "cond" in e["inline"]:
        out["cond"] = _field_value(e["inline"]["cond"], word)
    for nm, f in e["inline"].items():  # encoding fields the facts may name (rm2)
        out.setdefault(nm, _field_value(f, word))
    out.update(cvals)
    return out


def _ternary(s):
    """C's cond ? a : b (right-associative, lowest precedence) as Python's
    (a if cond else b), on a text where && || ! are already Python's."""
    depth, q = 0, -1
    for i, ch in enumerate(s):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "?" and depth == 0:
            q = i
            break
    if q < 0:
        return re.sub(r"\(([^()]*)\)", lambda m: "(" + _ternary(m.group(1)) + ")", s) \
            if "?" in s else s
    depth, nest = 0, 0
    for j in range(q + 1, len(s)):
        ch = s[j]
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and ch == "?":
            nest += 1
        elif depth == 0 and ch == ":":
            if nest == 0:
                return "((%s) if (%s) else (%s))" % (_ternary(s[q + 1:j]), _ternary(s[:q]),
                                                     _ternary(s[j + 1:]))
            nest -= 1
    raise ValueError("no ':' for '?' in %r" % s)


def _py(expr):
    """A fact's C expression as Python."""
    s = expr.replace("&&", " and ").replace("||", " or ")
    s = re.sub(r"!(?!=)", " not ", s)
    s = re.sub(r"\b(\d+|0x[0-9a-fA-F]+)u\b", r"\1", s)  # 1u << n
    return _ternary(s.replace("  ", " "))


# The helper functions the facts call (arm/decode_fn.h): the same
# definitions, for the table's expressions to mean here what they mean in C.
def _vfp_dmask(n, dp):
    return 1 << (n & 31) if dp else 1 << ((n >> 1) & 15)


def _vfp_list_len(imm8, dp):
    return imm8 >> 1 if dp else imm8


def _vfp_list_bad(vd, imm8, dp):
    n = _vfp_list_len(imm8, dp)
    return n == 0 or (dp and n > 16) or vd + n > 32


def _vfp_dmask_list(vd, imm8, dp):
    m, n = 0, _vfp_list_len(imm8, dp)
    for k in range(n):
        if vd + k >= 32:
            break
        m |= _vfp_dmask(vd + k, dp)
    return m


_FNS = {"__builtins__": {}, "vfp_dmask": _vfp_dmask, "vfp_list_len": _vfp_list_len,
        "vfp_list_bad": _vfp_list_bad, "vfp_dmask_list": _vfp_dmask_list}


_code = {}


def evaluate(expr, a):
    c = _code.get(expr)
    if c is None:
        c = _code[expr] = compile(_py(expr).strip(), "<fact %s>" % expr, "eval")
    return eval(c, _FNS, a)  # noqa: S307 (the table's own text)


FLAG_BITS = {"N": 8, "Z": 4, "C": 2, "V": 1}


def _flags(v, a):
    fl, _, cond = v.partition("?")
    if cond and not evaluate(cond, a):
        return 0
    return sum(FLAG_BITS[ch] for ch in fl)


class Facts:
    def __init__(self):
        self.wregs = set()
        self.wlist = []                   # the w: items that apply, in order
        self.fl_write = self.fl_may = self.fl_read = 0
        self.load = self.store = None     # access size in bytes (0: several)
        self.psr = self.extra = self.unpredictable = self.end = self.trap = False
        self.qemu_defined = False         # qdef: UNPREDICTABLE, executed as qemu-arm does
        self.dregs = 0                    # dw: mask of the D registers written (VFP)
        self.fp_read = False              # fpr: reads FPSCR beyond its mode
        self.fp_flags = False             # fpx: writes FPSCR's cumulative flags or NZCV
        self.fp_mode = False              # fpm: writes FPSCR's mode bits
        self.fp_vec = False               # vec: UNDEFINED while FPSCR.Len/Stride are not zero


def facts(line, a):
    f = Facts()
    for raw in line.facts_raw:
        k, _, v = raw.partition(":")
        if k == "w":
            for item in v.split(","):
                reg, _, cond = item.partition("?")
                if not cond or evaluate(cond, a):
                    f.wregs.add(evaluate(reg, a) & 15)
                    f.wlist.append(evaluate(reg, a) & 15)
        elif k == "wm":
            m = evaluate(v, a)
            f.wregs |= {r for r in range(16) if (m >> r) & 1}
        elif k == "fw":
            f.fl_write |= _flags(v, a)
        elif k == "fm":
            f.fl_may |= _flags(v, a)
        elif k == "fr":
            f.fl_read |= _flags(v, a)
        elif k == "ld":
            f.load = int(v)
        elif k == "st":
            f.store = int(v)
        elif k in ("psr", "x", "trap", "end"):
            val = bool(evaluate(v, a)) if v else True
            attr = {"psr": "psr", "x": "extra", "trap": "trap", "end": "end"}[k]
            setattr(f, attr, getattr(f, attr) or val)
        elif k == "unpred":
            f.unpredictable = f.unpredictable or bool(evaluate(v, a))
        elif k == "qdef":
            f.qemu_defined = f.qemu_defined or bool(evaluate(v, a))
        elif k == "dw":
            f.dregs |= evaluate(v, a)
        elif k in ("fpr", "fpx", "fpm", "vec"):
            attr = {"fpr": "fp_read", "fpx": "fp_flags", "fpm": "fp_mode", "vec": "fp_vec"}[k]
            setattr(f, attr, True)
    f.fl_may |= f.fl_write
    return f


def field_bits(line, member):
    """Bit positions of an argument member that comes from the encoding,
    least significant bit of its value first; [] for a constant."""
    e, tab = line.e, line.table
    f = e["inline"].get(member)
    if f is None and member in tab.fields:
        f = tab.fields[member]
    if f is None:
        v = e["consts"].get(member, "")
        if v.startswith("%"):
            f = tab.fields[v[1:]]
        elif re.fullmatch(r"[a-z_]\w*", v) and v in e["inline"]:
            f = e["inline"][v]
    if f is None:
        return []
    bits = []
    for pos, ln in reversed(f.parts):
        bits += [pos + i for i in range(ln)]
    return bits


def free_bits(line):
    """Mask of the bits a line leaves open (its fields)."""
    return ((1 << line.table.width) - 1) & ~line.mask


if __name__ == "__main__":
    # A quick self-check: every line decodes words drawn from itself or from
    # an earlier line of its group, and prints its facts for one such word.
    import random
    tabs = load("a32", "t16", "t32", "vfp")
    rng = random.Random(1)
    for tname in ("t16", "a32", "t32", "vfp"):
        tab = tabs[tname]
        for ln in tab.lines:
            w = ln.fixed | (rng.getrandbits(tab.width) & free_bits(ln))
            if ln.has_cond:
                w &= ~(1 << (ln.e["inline"]["cond"].parts[0][0] + 3))  # cond != 1111
            d = decode(tab, w)
            assert d is not None, (ln, hex(w))
            assert d is ln or (d.group and d.group == ln.group and d.index < ln.index), (ln, d, hex(w))
        print("%s: %d lines" % (tname, len(tab.lines)))

    def check(tname, word, name, ctx=None, **want):
        ln = decode(tabs[tname], word)
        assert ln is not None and ln.name == name, (hex(word), ln)
        a = args(ln, word, ctx)
        f = facts(ln, a)
        for k, v in want.items():
            got = sorted(f.wregs) if k == "wregs" else f.unpredictable if k == "unpred" \
                else f.qemu_defined if k == "qdef" else getattr(f, k) if hasattr(f, k) else a[k]
            assert got == v, (hex(word), name, k, got, v)

    check("t16", 0xb501, "STM", list=0x4001, wregs=[13])            # push {r0, lr}
    check("t16", 0xbd00, "LDM", list=0x8000, wregs=[13, 15])        # pop {pc}
    check("t16", 0xbc00, "LDM", unpred=True)                        # pop {}
    # UNPREDICTABLE/UNKNOWN forms qemu-arm executes (ARM ARM A8.8.38, A8.8.199)
    check("t16", 0x4501, "CMP_rrri", rn=1, rm=0, qdef=True, unpred=False)  # cmp r1, r0 (hi form)
    check("t16", 0x45f8, "CMP_rrri", rn=8, rm=15, qdef=True)        # cmp r8, pc
    check("t16", 0x45c8, "CMP_rrri", rn=8, rm=9, qdef=False)        # cmp r8, r9
    check("t16", 0xc107, "STM", rn=1, qdef=True)                    # stmia r1!, {r0-r2}
    check("t16", 0xc007, "STM", rn=0, qdef=False)                   # stmia r0!, {r0-r2}
    check("t16", 0xc904, "LDM", w=1, wregs=[1, 2])                  # ldm r1!, {r2}
    check("t16", 0xc902, "LDM", w=0, wregs=[1])                     # ldm r1, {r1}
    check("t16", 0xd0fe, "B", imm=-4, cond=0)                       # beq .
    check("t16", 0xdeff, "UDF")                                     # cond 1110: UDF
    check("t16", 0x4478, "ADD_rrri", rd=0, rm=15, wregs=[0])        # add r0, pc
    # 16-bit data processing sets flags outside an IT block only (A6.3.1)
    check("t16", 0x1888, "ADD_rrri", s=1, rd=0, rn=1, rm=2)          # adds r0, r1, r2
    check("t16", 0x1888, "ADD_rrri", ctx={"in_it": 1}, s=0)          # add<c> r0, r1, r2
    check("t16", 0x4288, "CMP_rrri", ctx={"in_it": 1}, s=1)          # cmp<c> r0, r1
    # ARMExpandImm: the rotation in bits (2 * rotate)
    check("a32", 0xe3a004ff, "MOV_rri", imm=0xff, rot=8)             # mov r0, #0xff000000
    check("t32", 0xf000f800, "BL", imm=0)
    # ThumbExpandImm (A6.3.2): patterns keep C (rot 0); rotations may be odd
    check("t32", 0xf04f0b00, "MOV_rri", rd=11, imm=0, rot=0)        # mov.w fp, #0
    check("t32", 0xf04f31ab, "MOV_rri", rd=1, imm=-0x54545455, rot=0)  # mov.w r1, #0xabababab (int32_t)
    check("t32", 0xf06f4180, "MVN_rri", rd=1, imm=0x80, rot=9)      # mvn r1, #0x40000000
    check("t32", 0xf5b16f80, "CMP_rri", rn=1, imm=0x80, rot=29)     # cmp.w r1, #1024
    check("t32", 0xe9721302, "LDRD_ri", rt=1, rt2=3, rn=2, p=1, u=0, w=1, imm=8, wregs=[1, 2, 3])
    check("a32", 0xe1c620d0, "LDRD_ri", rt=2, rt2=3)                # A32: Rt2 = Rt + 1
    check("t32", 0xe8d2137f, "LDREXD", rt=1, rt2=3, rn=2, wregs=[1, 3])
    check("t32", 0xfa92f182, "REV", rd=1, rm=2, unpred=False)
    check("t32", 0xfa93f182, "REV", unpred=True)                    # Rm named twice, differently
    check("t32", 0xf0008000, "B", cond=0, imm=0)                    # beq.w
    check("t16", 0xbf08, "IT", firstcond=0, mask=8)                 # it eq
    check("t16", 0xbf08, "IT", ctx={"in_it": 1}, unpred=True)       # IT inside IT
    check("t32", 0xf7fffffe, "BL", imm=-4)
    check("t32", 0xf000e800, "BLX_i", imm=0)
    check("a32", 0xfa000000, "BLX_i", imm=0)
    check("a32", 0xfb000000, "BLX_i", imm=2)
    check("a32", 0xfaffffff, "BLX_i", imm=-4)
    check("a32", 0xe0e621d1, "LDRD_ri", unpred=True)                # p = 0, w = 1
    check("a32", 0xe1c620d0, "LDRD_ri", unpred=False, wregs=[2, 3])
    check("a32", 0xe0810392, "UMULL", wregs=[0, 1])
    # VFP (words from arm-linux-gnueabi-as; D registers written per A8.8.x:
    # S<n> is half of D<n/2>)
    check("vfp", 0xee711a20, "VADD", dregs=1 << 1, fp_flags=True, fp_vec=True, fp_read=False)  # vadd.f32 s3, s2, s1
    check("vfp", 0xee721b03, "VADD", dregs=1 << 17)                  # vadd.f64 d17, d2, d3
    check("vfp", 0xec510a12, "VMOV_2", dregs=0, wregs=[0, 1])        # vmov r0, r1, s4, s5
    check("vfp", 0xec410a1f, "VMOV_2", dregs=1 << 15, wregs=[])      # vmov s30, s31, r0, r1
    check("vfp", 0xec410a3f, "VMOV_2", unpred=True)                  # vmov s31, s32?, r0, r1
    check("vfp", 0xee112a90, "VMOV_cs", dregs=0, wregs=[2])          # vmov r2, s3
    check("vfp", 0xee273b10, "VMOV_sc", dregs=1 << 7)                # vmov.32 d7[1], r3
    check("vfp", 0xeef11a10, "VMRS", fp_read=True, wregs=[1])        # vmrs r1, fpscr
    check("vfp", 0xeef1fa10, "VMRS", fp_read=True, wregs=[], fl_write=15)  # vmrs APSR_nzcv, fpscr
    check("vfp", 0xeee11a10, "VMSR", fp_mode=True, fp_flags=True)    # vmsr fpscr, r1
    check("vfp", 0xeeb41b42, "VCMP", dregs=0, fp_flags=True)         # vcmp.f64 d1, d2
    check("vfp", 0xec904b06, "VLDM", dregs=0x70, unpred=False)       # vldmia r0, {d4-d6}
    check("vfp", 0xeef72a00, "VMOV_imm", dregs=1 << 2, fp_flags=False, fp_vec=True)  # vmov.f32 s5, #1.0
    print("field transforms and facts: ok")
