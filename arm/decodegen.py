#!/usr/bin/env python3
"""decodegen.py -- turns backstep's instruction tables (arm/TABLE.decode) into C.

One table per instruction set; one line per encoding. The language (our own,
in the spirit of QEMU's decodetree):

    # comment                        to the end of the line
    .width 32 | 16                   instruction width of the table (first line)
    .bucket HI:LO                    bits used to pre-select candidate lines
    .context NAME BIT                a decode-context bit the lines may name in
                                     constants and facts (e.g. in_it: the
                                     instruction stands inside an IT block);
                                     the caller passes the context word
                                     (NAME_decode_ctx; NAME_decode: context 0)
    .iset fetch                      the table serves several instruction sets
                                     (vfp.decode: A32 and T32): its decoder
                                     takes the set the word was fetched in, and
                                     the decoded iset and length come from it
    %name  POS:LEN [POS:LEN ...] [>>N] [<<N] [!fn]
                                     a field assembled from bit ranges (MSB
                                     first), optionally shifted and passed
                                     through C function fn (arm/decode_fn.h)
    &name  f1 f2 ...                 an argument set: struct arg_name, declared
                                     once for all tables (arm/args.decode holds
                                     the shared ones; declaring one twice is an
                                     error)
    @name  PATTERN  [&set] [f=V ...] [fact:VALUE ...]
                                     a format: bit pattern with inline fields;
                                     its constants and facts apply to every
                                     line that names it (written once there)
    NAME   PATTERN  [@fmt] [&set] [f=V ...] [fact:VALUE ...]
    {  ...  }                        a group: its lines may overlap; the first
                                     that matches wins (file order). Groups
                                     nest. Two lines that overlap must share a
                                     group, else it is an error.

A file with no .width and no pattern lines (arm/args.decode) declares
argument sets, fields and contexts only: it makes no decoder.

PATTERN is WIDTH characters of 0, 1 and . (any), and inline fields NAME:LEN
(unsigned) or NAME:sLEN (signed), written MSB first; spaces between tokens are
ignored. An inline field called `cond` of 4 bits never matches 1111 (that is
the unconditional space in A32). Argument-set members come from inline
fields, %fields or f=V constants, in that order of preference. A constant V
is a number, %field, or a C expression (no spaces) over the line's inline
fields, %fields and context names: rt2=rt+1, s=!in_it.

Facts (C expressions over the argument fields, no spaces inside):
    w:R,R?COND,...   core registers written (numbers or field expressions)
    wm:EXPR          a mask of core registers written
    fw:FLAGS[?COND]  NZCV flags always written (when COND)
    fm:FLAGS[?COND]  NZCV flags maybe written (as well as fw)
    fr:FLAGS[?COND]  NZCV flags read (the condition's reads are added in C)
    st:N ld:N        a store / load of N bytes (0: several)
    psr              may change Q, GE, T or IT
    x                changes the extra state (exclusive monitor, TLS, FPSCR)
    end[:COND]       leaves the block on every path besides a write to the PC
                     (SVC)
    trap[:COND]      raises a signal instead of retiring (BKPT, UDF): it gets
                     a block of its own and is not counted
    dw:EXPR          a mask of D registers written (bit k: D<k>; an S register
                     is half of D<n/2>)
    fpr              reads FPSCR beyond its mode bits (VMRS)
    fpx              writes FPSCR's cumulative exception flags or its NZCV
    fpm              writes FPSCR's mode bits (they are in the block key): ends
                     the block
    vec              a form that FPSCR.Len/Stride would make a short-vector
                     operation: UNDEFINED when they are not zero, on a CPU
                     without short vectors (the one backstep mirrors)
    unpred:COND      UNPREDICTABLE when COND: never translated (SIGILL)
    thumb2           an ARMv6T2 (Thumb-2) form in the 16-bit table: the
                     generators of ARMv6 streams leave it out (no C output)
    qdef:COND        UNPREDICTABLE (or UNKNOWN) when COND, but qemu-arm defines
                     what happens and backstep does the same: translated; the
                     random generators never emit it (no C output)
FLAGS is a word of N Z C V letters. The same NAME may stand on several lines
and in several tables: they must use the same argument set, and one semantic
function (trans_NAME) serves them all.

Output: arm_decode_gen.h (ops, argument sets, decoders' prototypes),
arm_decode_gen.c (decoders), trans_gen.h (the translator's dispatch),
arm_ops_gen.h (the operations as an X-macro list).
Every pattern line is also listed (arm_table_*) for the table tests and the
random generators.
"""
import re
import sys

FLAG = {"N": 8, "Z": 4, "C": 2, "V": 1}


class Field:
    def __init__(self, name, parts, signed=False, shl=0, fn=None):
        self.name, self.parts, self.signed, self.shl, self.fn = name, parts, signed, shl, fn

    def c_expr(self, var):
        width = sum(l for _, l in self.parts)
        e = None
        for pos, ln in self.parts:
            piece = "((%s >> %d) & 0x%xu)" % (var, pos, (1 << ln) - 1)
            e = piece if e is None else "((%s << %d) | %s)" % (e, ln, piece)
        if self.signed:
            e = "(int32_t)((uint32_t)%s << %d) >> %d" % (e, 32 - width, 32 - width)
            e = "(%s)" % e
        if self.shl:
            e = "(int32_t)((uint32_t)(%s) << %d)" % (e, self.shl)
        if self.fn:
            e = "%s(%s)" % (self.fn, e)
        return e


class Table:
    def __init__(self, name):
        self.name = name
        self.width = 32
        self.bucket = None
        self.iset_fetch = False
        self.fields = {}
        self.lines = []  # dicts
        self.declares_only = False  # args.decode: no decoder


CONST_RE = re.compile(r"([a-z_][a-z0-9_]*)=(?!=)(\S+)")


class Gen:
    def __init__(self):
        self.argsets = {}  # name -> [members]
        self.formats = {}  # (table, name) -> dict
        self.ops = {}  # op name -> argset
        self.op_order = []
        self.tables = []
        self.argset_where = {}  # name -> where declared
        self.contexts = {}  # name -> bit
        self.shared_fields = {}  # %fields of args.decode, visible to every table

    def err(self, where, msg):
        sys.exit("%s: %s" % (where, msg))

    def parse_pattern(self, where, width, toks):
        """Returns (fixed, mask, inline fields, rest of tokens)."""
        bits = ""
        inline = {}
        rest = []
        i = 0
        while i < len(toks):
            t = toks[i]
            if len(bits) >= width:
                rest = toks[i:]
                break
            m = re.fullmatch(r"([a-z_][a-z0-9_]*):(s?)(\d+)", t)
            if m:
                ln = int(m.group(3))
                pos = width - len(bits) - ln
                inline[m.group(1)] = Field(m.group(1), [(pos, ln)], m.group(2) == "s")
                bits += "f" * ln
            elif re.fullmatch(r"[01.\-]+", t):
                bits += t.replace("-", ".")
            else:
                rest = toks[i:]
                break
            i += 1
        if len(bits) != width:
            self.err(where, "pattern has %d bits, the table's width is %d" % (len(bits), width))
        fixed = mask = 0
        for k, ch in enumerate(bits):
            b = width - 1 - k
            if ch in "01":
                mask |= 1 << b
                if ch == "1":
                    fixed |= 1 << b
        return fixed, mask, inline, rest

    def parse(self, path):
        tab = Table(re.sub(r"\.decode$", "", path.split("/")[-1]))
        tab.fields.update(self.shared_fields)
        self.tables.append(tab)
        groups = []  # the open groups, outermost first
        ngroups = 0
        saw_width = False
        for lineno, raw in enumerate(open(path), 1):
            where = "%s:%d" % (path, lineno)
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            toks = line.split()
            head = toks[0]
            if head == ".width":
                tab.width = int(toks[1])
                saw_width = True
                continue
            if head == ".context":
                if len(toks) != 3 or not re.fullmatch(r"[a-z_]\w*", toks[1]) or not toks[2].isdigit():
                    self.err(where, ".context NAME BIT")
                old = self.contexts.get(toks[1])
                if old is not None and old != int(toks[2]):
                    self.err(where, "context %s is bit %d elsewhere" % (toks[1], old))
                self.contexts[toks[1]] = int(toks[2])
                continue
            if head == ".iset":
                if toks[1:] != ["fetch"]:
                    self.err(where, ".iset takes `fetch`")
                tab.iset_fetch = True
                continue
            if head == ".bucket":
                hi, lo = map(int, toks[1].split(":"))
                tab.bucket = (hi, lo)
                continue
            if head == "{":
                ngroups += 1
                groups.append(ngroups)
                continue
            if head == "}":
                if not groups:
                    self.err(where, "} without {")
                groups.pop()
                continue
            if head.startswith("%"):
                parts, shl, fn = [], 0, None
                for t in toks[1:]:
                    if t.startswith("<<"):
                        shl = int(t[2:])
                    elif t.startswith("!"):
                        fn = t[1:]
                    else:
                        m = re.fullmatch(r"(\d+):(s?)(\d+)", t)
                        if not m:
                            self.err(where, "bad field part %s" % t)
                        parts.append((int(m.group(1)), int(m.group(3))))
                signed = any(re.fullmatch(r"\d+:s\d+", t) for t in toks[1:2])
                tab.fields[head[1:]] = Field(head[1:], parts, signed, shl, fn)
                continue
            if head.startswith("&"):
                name = head[1:]
                if name in self.argsets:
                    self.err(where, "argument set &%s is declared again (first at %s): declare a shared "
                             "set once, in arm/args.decode" % (name, self.argset_where[name]))
                self.argsets[name] = toks[1:]
                self.argset_where[name] = where
                continue
            fixed, mask, inline, rest = self.parse_pattern(where, tab.width, toks[1:])
            entry = {"name": head, "fixed": fixed, "mask": mask, "inline": inline, "where": where,
                     "group": groups[0] if groups else None, "groups": tuple(groups),
                     "consts": {}, "facts": [], "argset": None, "fmt": None}
            for t in rest:
                if t.startswith("@"):
                    fmt = self.formats.get((tab.name, t[1:]))
                    if not fmt:
                        self.err(where, "unknown format %s" % t)
                    entry["fmt"] = fmt
                elif t.startswith("&"):
                    entry["argset"] = t[1:]
                elif CONST_RE.fullmatch(t):
                    k, v = CONST_RE.fullmatch(t).groups()
                    entry["consts"][k] = v
                elif re.fullmatch(r"[a-z][a-z0-9]*(:\S+)?", t):
                    entry["facts"].append(t)
                else:
                    self.err(where, "cannot read %s" % t)
            if head.startswith("@"):
                self.formats[(tab.name, head[1:])] = entry
                continue
            fmt = entry["fmt"]
            if fmt:
                if fmt["mask"] & entry["mask"] & (fmt["fixed"] ^ entry["fixed"]):
                    self.err(where, "fixed bits contradict format")
                # the format's fields stand where the line has no fixed bits
                entry["fixed"] |= fmt["fixed"]
                entry["mask"] |= fmt["mask"]
                for k, v in fmt["inline"].items():
                    entry["inline"].setdefault(k, v)
                for k, v in fmt["consts"].items():
                    entry["consts"].setdefault(k, v)
                if not entry["argset"]:
                    entry["argset"] = fmt["argset"]
                entry["facts"] = fmt["facts"] + entry["facts"]
            if not entry["argset"]:
                entry["argset"] = "empty"
                self.argsets.setdefault("empty", [])
            if entry["argset"] not in self.argsets:
                self.err(where, "unknown argument set %s" % entry["argset"])
            prev = self.ops.get(head)
            if prev and prev != entry["argset"]:
                self.err(where, "%s decodes into &%s elsewhere, &%s here" % (head, prev, entry["argset"]))
            if not prev:
                self.ops[head] = entry["argset"]
                self.op_order.append(head)
            entry["cond"] = "cond" in entry["inline"] and entry["inline"]["cond"].parts[0][1] == 4
            # every member must be decodable
            for mbr in self.argsets[entry["argset"]]:
                if mbr not in entry["inline"] and mbr not in tab.fields and mbr not in entry["consts"]:
                    self.err(where, "%s: no field or constant for member %s" % (head, mbr))
            tab.lines.append(entry)
        if groups:
            self.err(path, "a group is not closed")
        if not saw_width and not tab.lines:
            # arm/args.decode: shared declarations, no decoder
            tab.declares_only = True
            self.tables.remove(tab)
            self.shared_fields.update(tab.fields)
            return
        self.check_overlaps(tab)

    def check_overlaps(self, tab):
        ls = tab.lines
        for i in range(len(ls)):
            for j in range(i + 1, len(ls)):
                a, b = ls[i], ls[j]
                if a["group"] is not None and a["group"] == b["group"]:
                    continue
                both = a["mask"] & b["mask"]
                if (a["fixed"] ^ b["fixed"]) & both:
                    continue
                # a `cond` field excludes 1111: such a line cannot overlap one
                # that fixes those bits to 1111
                disjoint = False
                for x, y in ((a, b), (b, a)):
                    if x["cond"]:
                        cm = 0xF << x["inline"]["cond"].parts[0][0]
                        if (y["mask"] & cm) == cm and (y["fixed"] & cm) == cm:
                            disjoint = True
                if not disjoint:
                    self.err(b["where"], "%s overlaps %s (%s) outside a group" % (b["name"], a["name"], a["where"]))

    # --- facts ---------------------------------------------------------------
    def cexpr(self, entry, s):
        members = set(self.argsets[entry["argset"]])

        def repl(m):
            w = m.group(0)
            if w in members:
                return "a->" + w
            if w == "cond" and entry["cond"]:
                return "d->cond"
            if w in self.contexts:
                return "((ctx >> %d) & 1u)" % self.contexts[w]
            if w in entry["inline"]:  # an encoding field outside the argument set
                return "(int32_t)(%s)" % entry["inline"][w].c_expr("insn")
            return w

        return re.sub(r"\b[a-z_][a-z0-9_]*\b", repl, s)

    def flags_expr(self, entry, v):
        fl, _, cond = v.partition("?")
        val = 0
        for ch in fl:
            if ch not in FLAG:
                self.err(entry["where"], "bad flag letter in %s" % v)
            val |= FLAG[ch]
        if cond:
            return "((%s) ? %du : 0u)" % (self.cexpr(entry, cond), val)
        return "%du" % val

    def facts_c(self, entry):
        out = []
        w = []
        for f in entry["facts"]:
            k, _, v = f.partition(":")
            if k == "w":
                for item in v.split(","):
                    reg, _, cond = item.partition("?")
                    e = "(1u << ((%s) & 15))" % self.cexpr(entry, reg)
                    if cond:
                        e = "((%s) ? %s : 0u)" % (self.cexpr(entry, cond), e)
                    w.append(e)
            elif k == "wm":
                w.append("(uint32_t)(%s)" % self.cexpr(entry, v))
            elif k in ("fw", "fm", "fr"):
                dst = {"fw": "fl_write", "fm": "fl_may", "fr": "fl_read"}[k]
                out.append("d->f.%s |= (uint8_t)%s;" % (dst, self.flags_expr(entry, v)))
            elif k in ("st", "ld"):
                out.append("d->f.mem |= %s;" % ("ARM_MEM_STORE" if k == "st" else "ARM_MEM_LOAD"))
            elif k in ("psr", "x", "trap", "end"):
                dst = {"psr": "psr", "x": "extra", "trap": "trap", "end": "end"}[k]
                out.append("d->f.%s |= %s;" % (dst, "(%s)" % self.cexpr(entry, v) if v else "true"))
            elif k == "dw":
                out.append("d->f.dwrite |= (uint32_t)(%s);" % self.cexpr(entry, v))
            elif k in ("fpr", "fpx", "fpm", "vec"):
                if v:
                    self.err(entry["where"], "%s takes no value" % k)
                out.append("d->f.%s = true;" % {"fpr": "fp_read", "fpx": "fp_flags", "fpm": "fp_mode",
                                                "vec": "fp_vec"}[k])
                if k == "fpm":
                    out.append("d->f.end = true;")
            elif k == "unpred":
                out.append("d->f.unpredictable |= (%s);" % self.cexpr(entry, v))
            elif k == "qdef":
                self.cexpr(entry, v)  # checked like any fact, used by the generators only
            elif k == "thumb2" and not v:
                pass  # for the generators only
            else:
                self.err(entry["where"], "unknown fact %s" % k)
        if w:
            out.insert(0, "d->f.wregs = (uint16_t)(%s);" % " | ".join(w))
        out.append("d->f.fl_may |= d->f.fl_write;")
        return out

    def const_c(self, tab, e, v):
        """A constant's C expression: %fields, the line's inline fields and
        context names become their values; numbers stay."""
        def repl(m):
            w = m.group(0)
            if w.startswith("%"):
                if w[1:] not in tab.fields:
                    self.err(e["where"], "unknown field %s" % w)
                return "(%s)" % tab.fields[w[1:]].c_expr("insn")
            if w in e["inline"]:
                return "(%s)" % e["inline"][w].c_expr("insn")
            if w in self.contexts:
                return "((ctx >> %d) & 1u)" % self.contexts[w]
            self.err(e["where"], "constant %s: unknown name %s" % (v, w))
        return "(%s)" % re.sub(r"%?\b[a-z_][a-z0-9_]*\b", repl, v)

    # --- output ----------------------------------------------------------------
    def header(self):
        o = ["/* Generated by arm/decodegen.py from arm/TABLE.decode: do not edit. */",
             "#pragma once", "#include <stdbool.h>", "#include <stdint.h>", "",
             "enum isa_op {", "    ISA_OP_INVALID = 0,"]
        for op in self.op_order:
            o.append("    ISA_OP_%s," % op)
        o += ["    ISA_OP_COUNT", "};", ""]
        for name, members in sorted(self.argsets.items()):
            o.append("struct arg_%s {" % name)
            if not members:
                o.append("    int unused_;")
            for mbr in members:
                o.append("    int32_t %s;" % mbr)
            o.append("};")
        o += ["", "union arm_args {"]
        for name in sorted(self.argsets):
            o.append("    struct arg_%s %s;" % (name, name))
        o += ["};", "",
              "#define ARM_MEM_LOAD 1u", "#define ARM_MEM_STORE 2u", "",
              "/* What the rest of the system needs to know of one instruction. */",
              "struct arm_facts {",
              "    uint16_t wregs;   /* core registers it may write (bit 15: PC) */",
              "    uint8_t fl_write; /* NZCV (FL_* bits) it always writes when it executes */",
              "    uint8_t fl_may;   /* NZCV it may write (includes fl_write) */",
              "    uint8_t fl_read;  /* NZCV it reads (its condition aside) */",
              "    uint8_t mem;      /* ARM_MEM_* */",
              "    bool psr;         /* may change Q, GE, T or IT */",
              "    bool extra;       /* changes the exclusive monitor, TLS or FPSCR */",
              "    bool unpredictable;",
              "    bool end;         /* leaves the block on every path (besides writes to the PC) */",
              "    bool trap;        /* raises a signal instead of retiring (BKPT, UDF) */",
              "    bool fp_read;     /* reads FPSCR beyond its mode bits */",
              "    bool fp_flags;    /* writes FPSCR's cumulative flags or NZCV */",
              "    bool fp_mode;     /* writes FPSCR's mode bits (and ends the block) */",
              "    bool fp_vec;      /* UNDEFINED while FPSCR.Len/Stride are not zero */",
              "    uint32_t dwrite;  /* D registers it may write (bit k: D<k>) */",
              "};", "",
              "enum arm_iset { ARM_ISET_A32 = 0, ARM_ISET_T16 = 1, ARM_ISET_T32 = 2 };", "",
              "struct isa_insn {",
              "    enum isa_op op;",
              "    uint8_t iset;  /* enum arm_iset */",
              "    uint8_t len;   /* bytes: 4 or 2 */",
              "    uint8_t cond;  /* 14 (AL) unless the encoding has a condition */",
              "    uint16_t line; /* index of the table line that decoded it */",
              "    uint32_t raw;  /* the encoding (T32: first halfword in the high half) */",
              "    struct arm_facts f;",
              "    union arm_args a;",
              "};", "",
              "/* One line of a table, for tests and generators. */",
              "struct arm_table_line {",
              "    const char *name;",
              "    enum isa_op op;",
              "    uint32_t fixed, mask;",
              "    int group; /* 0: none */",
              "    bool cond; /* has a cond field that excludes 1111 */",
              "    uint8_t cond_lsb; /* its lowest bit */",
              "};", "",
              "extern const char *const isa_op_names[ISA_OP_COUNT];", ""]
        for name, bit in sorted(self.contexts.items(), key=lambda kv: kv[1]):
            o.append("#define ARM_CTX_%s (1u << %d) /* decode context bit (.context) */" % (name.upper(), bit))
        for tab in self.tables:
            if tab.iset_fetch:
                o += ["/* Decodes one %s instruction fetched in instruction set iset (A32 or" % tab.name,
                      " * T32: its iset and length are the fetch's); false if no line matches. */",
                      "bool %s_decode(uint32_t insn, enum arm_iset iset, struct isa_insn *d);" % tab.name]
            else:
                o += ["/* Decodes one %s instruction in decode context ctx (ARM_CTX_*); false if" % tab.name,
                      " * no line matches. */",
                      "bool %s_decode_ctx(uint32_t insn, unsigned ctx, struct isa_insn *d);" % tab.name,
                      "static inline bool %s_decode(uint32_t insn, struct isa_insn *d) { return %s_decode_ctx(insn, 0, d); }"
                      % (tab.name, tab.name)]
            o += [
                  "extern const struct arm_table_line %s_table[];" % tab.name,
                  "extern const unsigned %s_table_len;" % tab.name]
        return "\n".join(o) + "\n"

    def decoder(self, tab):
        o = []
        idx = {id(e): k for k, e in enumerate(tab.lines)}

        def emit_line(e, ind):
            cond_chk = ""
            if e["cond"]:
                cond_chk = " && %s != 0xfu" % e["inline"]["cond"].c_expr("insn")
            o.append("%sif ((insn & 0x%08xu) == 0x%08xu%s) { /* %s */" % (ind, e["mask"], e["fixed"], cond_chk, e["where"]))
            o.append("%s    d->op = ISA_OP_%s;" % (ind, e["name"]))
            o.append("%s    d->line = %d;" % (ind, idx[id(e)]))
            if "cond" in e["inline"]:
                o.append("%s    d->cond = (uint8_t)%s;" % (ind, e["inline"]["cond"].c_expr("insn")))
            aset = e["argset"]
            if self.argsets[aset]:
                o.append("%s    struct arg_%s *a = &d->a.%s;" % (ind, aset, aset))
                for mbr in self.argsets[aset]:
                    if mbr in e["consts"] and mbr in tab.fields and mbr not in e["inline"]:
                        # the %field would silently win over the constant
                        self.err(e["where"], "constant %s= and field %%%s: rename the field" % (mbr, mbr))
                    if mbr in e["inline"]:
                        ex = e["inline"][mbr].c_expr("insn")
                    elif mbr in tab.fields:
                        ex = tab.fields[mbr].c_expr("insn")
                    else:
                        ex = self.const_c(tab, e, e["consts"][mbr])
                    o.append("%s    a->%s = (int32_t)%s;" % (ind, mbr, ex))
                for f in self.facts_c(e):
                    o.append("%s    %s" % (ind, f))
            else:
                for f in self.facts_c(e):
                    o.append("%s    %s" % (ind, f))
            o.append("%s    return true;" % ind)
            o.append("%s}" % ind)

        if tab.iset_fetch:
            o.append("bool %s_decode(uint32_t insn, enum arm_iset iset, struct isa_insn *d)" % tab.name)
            o.append("{")
            o.append("    const unsigned ctx = 0; /* no decode context in a shared table */")
            o.append("    (void)ctx;")
            o.append("    *d = (struct isa_insn){.iset = (uint8_t)iset, .len = iset == ARM_ISET_T16 ? 2 : 4, "
                     ".cond = 14, .raw = insn};")
        else:
            o.append("bool %s_decode_ctx(uint32_t insn, unsigned ctx, struct isa_insn *d)" % tab.name)
            o.append("{")
            o.append("    (void)ctx;")
            o.append("    *d = (struct isa_insn){.iset = %s, .len = %d, .cond = 14, .raw = insn};"
                 % ({"t16": "ARM_ISET_T16", "t32": "ARM_ISET_T32"}.get(tab.name, "ARM_ISET_A32"),
                    2 if tab.width == 16 else 4))
        if tab.bucket:
            hi, lo = tab.bucket
            n = hi - lo + 1
            bm = ((1 << n) - 1) << lo
            o.append("    switch ((insn >> %d) & 0x%xu) {" % (lo, (1 << n) - 1))
            for v in range(1 << n):
                val = v << lo
                cands = [e for e in tab.lines if not ((e["fixed"] ^ val) & e["mask"] & bm)]
                if tab.width == 32 and hi >= 28 >= lo:
                    pass
                if not cands:
                    continue
                o.append("    case 0x%x:" % v)
                for e in cands:
                    emit_line(e, "        ")
                o.append("        break;")
            o.append("    }")
        else:
            for e in tab.lines:
                emit_line(e, "    ")
        o.append("    return false;")
        o.append("}")
        o.append("")
        o.append("const struct arm_table_line %s_table[] = {" % tab.name)
        for e in tab.lines:
            o.append("    {\"%s\", ISA_OP_%s, 0x%08xu, 0x%08xu, %d, %s, %d}," % (
                e["name"], e["name"], e["fixed"], e["mask"], e["group"] or 0, "true" if e["cond"] else "false",
                e["inline"]["cond"].parts[0][0] if e["cond"] else 0))
        o.append("};")
        o.append("const unsigned %s_table_len = %d;" % (tab.name, len(tab.lines)))
        return o

    def source(self):
        o = ["/* Generated by arm/decodegen.py from arm/TABLE.decode: do not edit. */",
             "#include \"arm_decode_gen.h\"", "#include \"arm/decode_fn.h\"", "",
             "#define FL_N 8u", "#define FL_Z 4u", "#define FL_C 2u", "#define FL_V 1u", "",
             "const char *const isa_op_names[ISA_OP_COUNT] = {", "    [ISA_OP_INVALID] = \"invalid\","]
        for op in self.op_order:
            o.append("    [ISA_OP_%s] = \"%s\"," % (op, op))
        o.append("};")
        o.append("")
        for tab in self.tables:
            o += self.decoder(tab)
            o.append("")
        return "\n".join(o) + "\n"

    def trans(self):
        o = ["/* Generated by arm/decodegen.py: the translator's dispatch from a decoded",
             " * instruction to its semantic function trans_NAME (translator/trans_*.c). */",
             "#pragma once", "#include \"arm_decode_gen.h\"", "struct tr;", ""]
        for op in self.op_order:
            o.append("bool trans_%s(struct tr *t, const struct arg_%s *a);" % (op, self.ops[op]))
        o += ["", "static inline bool trans_dispatch(struct tr *t, const struct isa_insn *d)", "{",
              "    switch (d->op) {"]
        for op in self.op_order:
            o.append("    case ISA_OP_%s: return trans_%s(t, &d->a.%s);" % (op, op, self.ops[op]))
        o += ["    default: return false;", "    }", "}"]
        return "\n".join(o) + "\n"


def _op_list(self):
    o = ["/* Generated by arm/decodegen.py: every operation with its argument set,",
         " * as ARM_OP(NAME, ARGSET) lines for X-macro users. */"]
    for op in self.op_order:
        o.append("ARM_OP(%s, %s)" % (op, self.ops[op]))
    return "\n".join(o) + "\n"


Gen.op_list = _op_list


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: decodegen.py OUTDIR TABLE.decode...")
    out = sys.argv[1]
    g = Gen()
    for p in sys.argv[2:]:
        g.parse(p)
    open(out + "/arm_decode_gen.h", "w").write(g.header())
    open(out + "/arm_decode_gen.c", "w").write(g.source())
    open(out + "/trans_gen.h", "w").write(g.trans())
    open(out + "/arm_ops_gen.h", "w").write(g.op_list())


if __name__ == "__main__":
    main()
