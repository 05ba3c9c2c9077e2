/* Unit tests of the ELF loader (linux/loader.c and friends): small ELF32 ARM
 * files are built from byte arrays in a temporary directory and loaded; the
 * tests read the result back from guest memory (segments, permissions, .bss,
 * the initial stack and auxv, the kuser page) and check that every kind of bad
 * input gives a one-line error naming the problem and leaves nothing mapped.
 * Stack addresses are the ones qemu-arm 7.2 produced for the same argv/envp
 * (seen with a static test program printing argv, envp and getauxval). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <elf.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "linux/guest_mem.h"
#include "linux/loader.h"
#include "linux/process.h"

static char tmpdir[64];

/* ---- building test files ---- */

struct seg {
    uint32_t type, offset, vaddr, filesz, memsz, flags;
};

struct elf_spec {
    uint8_t cls, data;
    uint16_t type, machine;
    uint32_t entry;
    uint16_t phentsize; /* 0: 32 */
    uint32_t phoff;     /* 0: 52 */
    uint16_t phnum;     /* 0: nseg */
    int nseg;
    struct seg seg[4];
    const char *interp; /* written at offset 0x200 for a PT_INTERP segment */
    size_t size;        /* file size, 0: 0x2000 */
};

static void put16(uint8_t *p, uint16_t v, bool big)
{
    p[big ? 1 : 0] = (uint8_t)v;
    p[big ? 0 : 1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v)
{
    memcpy(p, &v, 4);
}

/* Fills buf (file contents: a byte pattern, the ELF header, program headers). */
static size_t build(const struct elf_spec *s, uint8_t *buf, size_t cap)
{
    size_t size = s->size ? s->size : 0x2000;
    assert_true(size <= cap);
    for (size_t i = 0; i < size; i++)
        buf[i] = (uint8_t)(0xa0 + i % 23);
    bool big = s->data == ELFDATA2MSB;
    memcpy(buf, ELFMAG, SELFMAG);
    buf[EI_CLASS] = s->cls ? s->cls : ELFCLASS32;
    buf[EI_DATA] = s->data ? s->data : ELFDATA2LSB;
    buf[EI_VERSION] = EV_CURRENT;
    memset(buf + 7, 0, 9);
    if (size < 52)
        return size;
    put16(buf + 16, s->type ? s->type : ET_EXEC, big);
    put16(buf + 18, s->machine ? s->machine : EM_ARM, big);
    put32(buf + 20, EV_CURRENT);
    put32(buf + 24, s->entry);
    uint32_t phoff = s->phoff ? s->phoff : 52;
    put32(buf + 28, phoff);
    put32(buf + 32, 0);
    put32(buf + 36, 0x05000200); /* EABI5, soft-float */
    put16(buf + 40, 52, big);
    put16(buf + 42, s->phentsize ? s->phentsize : 32, big);
    put16(buf + 44, s->phnum ? s->phnum : (uint16_t)s->nseg, big);
    put16(buf + 46, 40, big);
    put16(buf + 48, 0, big);
    put16(buf + 50, 0, big);
    for (int i = 0; i < s->nseg && (uint64_t)phoff + 32u * (unsigned)(i + 1) <= size; i++) {
        uint8_t *p = buf + phoff + 32 * i;
        put32(p + 0, s->seg[i].type);
        put32(p + 4, s->seg[i].offset);
        put32(p + 8, s->seg[i].vaddr);
        put32(p + 12, s->seg[i].vaddr);
        put32(p + 16, s->seg[i].filesz);
        put32(p + 20, s->seg[i].memsz);
        put32(p + 24, s->seg[i].flags);
        put32(p + 28, 0x1000);
    }
    if (s->interp)
        memcpy(buf + 0x200, s->interp, strlen(s->interp) + 1);
    return size;
}

static const char *write_file(const char *name, const void *data, size_t len)
{
    static char path[8][256];
    static int slot;
    char *p = path[slot++ % 8];
    snprintf(p, 256, "%s/%s", tmpdir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    return p;
}

static const char *write_elf(const char *name, const struct elf_spec *s)
{
    static uint8_t buf[0x4000];
    size_t n = build(s, buf, sizeof buf);
    return write_file(name, buf, n);
}

/* A static executable: text R-X at 0x10000 (file offset 0, holds the headers),
 * data RW at 0x21000 with 0x10 file bytes and .bss up to 0x23000. */
static struct elf_spec static_exe(void)
{
    struct elf_spec s = {.entry = 0x10100, .nseg = 2};
    s.seg[0] = (struct seg){PT_LOAD, 0, 0x10000, 0x400, 0x400, PF_R | PF_X};
    s.seg[1] = (struct seg){PT_LOAD, 0x1000, 0x21000, 0x10, 0x1f00, PF_R | PF_W};
    return s;
}

/* ---- fixtures ---- */

static int group_setup(void **state)
{
    (void)state;
    char err[256];
    if (!guest_mem_init(err, sizeof err))
        return -1;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/test_loader_XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static int reset(void **state)
{
    (void)state;
    guest_mem_unmap_all();
    memset(&guest_proc, 0, sizeof guest_proc);
    return 0;
}

static uint32_t rd32(uint32_t a) { uint32_t v; memcpy(&v, g2h(a), 4); return v; }
static const char *rdstr(uint32_t a) { return (const char *)g2h(a); }

static uint32_t auxv_get(const struct linux_proc *p, uint32_t type, bool *found)
{
    for (uint32_t a = p->auxv_addr; a < p->auxv_addr + p->auxv_len; a += 8) {
        if (rd32(a) == type) {
            *found = true;
            return rd32(a + 4);
        }
    }
    *found = false;
    return 0;
}

static uint32_t aux(const struct linux_proc *p, uint32_t type)
{
    bool found;
    uint32_t v = auxv_get(p, type, &found);
    assert_true(found);
    return v;
}

static const uint8_t rnd[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

static int load(const char *path, char *const *argv, char *const *envp, const char *sysroot, char *err, size_t n)
{
    struct load_request req = {.path = path, .sysroot = sysroot, .argv = argv, .envp = envp, .at_random = rnd};
    err[0] = 0;
    return linux_load(&guest_proc, &req, err, n);
}

/* ---- good files ---- */

static void test_static_exec_segments(void **state)
{
    (void)state;
    struct elf_spec s = static_exe();
    const char *path = write_elf("static", &s);
    char *argv[] = {"static", NULL}, *envp[] = {NULL};
    char err[256];
    assert_int_equal(load(path, argv, envp, NULL, err, sizeof err), 0);
    assert_int_equal(guest_proc.entry, 0x10100);
    assert_int_equal(guest_proc.load_bias, 0);
    assert_int_equal(guest_proc.start_data, 0x21000); /* qemu: lowest writable segment */
    assert_int_equal(guest_proc.brk_start, 0x23000);
    assert_int_equal(guest_proc.brk_cur, 0x23000);
    assert_string_equal(guest_proc.exe_path, path);
    /* Text: the file's first bytes, read+exec; the rest of its page holds the
     * file's next bytes, as the kernel maps whole file pages (padzero() only
     * clears a page that starts a .bss; qemu-arm agrees: tests/asm/elf_page). */
    assert_int_equal(guest_page_flags(0x10000), GUEST_PAGE_MAPPED | PROT_READ | PROT_EXEC);
    assert_memory_equal(g2h(0x10000), ELFMAG, SELFMAG);
    uint8_t file[0x2000];
    build(&s, file, sizeof file);
    assert_memory_equal(g2h(0x10000), file, 0x400);
    assert_int_equal(((uint8_t *)g2h(0x10400))[0], file[0x400]);
    assert_int_equal(guest_page_flags(0x11000), 0); /* gap between segments unmapped */
    assert_int_equal(guest_page_flags(0x20000), 0);
    /* Data: 0x10 file bytes, then zero (.bss) although the file goes on. */
    assert_int_equal(guest_page_flags(0x21000), GUEST_PAGE_MAPPED | PROT_READ | PROT_WRITE);
    assert_int_equal(guest_page_flags(0x22000), GUEST_PAGE_MAPPED | PROT_READ | PROT_WRITE);
    assert_int_equal(guest_page_flags(0x23000), 0);
    assert_memory_equal(g2h(0x21000), file + 0x1000, 0x10);
    for (uint32_t a = 0x21010; a < 0x23000; a++)
        assert_int_equal(((uint8_t *)g2h(a))[0], 0);
    /* kuser page. */
    assert_int_equal(guest_page_flags(KUSER_PAGE_ADDR), GUEST_PAGE_MAPPED | PROT_READ | PROT_EXEC);
    assert_int_equal(rd32(KUSER_HELPER_VERSION_ADDR), 5);
    /* Stack as qemu-arm maps it: 0x40000000 guard page, 8 MiB up to 0x40801000. */
    assert_int_equal(guest_page_flags(0x40000000), GUEST_PAGE_MAPPED);
    assert_true(guest_range_ok(0x40001000, LINUX_STACK_SIZE, PROT_READ | PROT_WRITE));
    /* No PT_GNU_STACK: Linux makes the stack executable. */
    assert_true(guest_range_ok(0x40001000, LINUX_STACK_SIZE, PROT_EXEC));
    assert_int_equal(guest_page_flags(0x40801000), 0);
    /* qemu's sigtramp page sits right below, so user mmaps start where qemu's do. */
    assert_int_equal(guest_proc.sigpage, 0x3ffff000);
    assert_int_equal(guest_mmap(0, 0x1000, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), 0x3fffe000);
}

static void test_stack_layout_matches_qemu(void **state)
{
    (void)state;
    struct elf_spec s = static_exe();
    write_elf("t", &s);
    assert_int_equal(chdir(tmpdir), 0);
    char *argv[] = {"./t", "a", "bb", NULL}, *envp[] = {"FOO=bar", NULL};
    char err[256];
    assert_int_equal(load("./t", argv, envp, NULL, err, sizeof err), 0);
    /* qemu-arm 7.2 with `env -i FOO=bar qemu-arm ./t a bb`: sp 0x40800f00,
     * argv[0] at 0x40800fe3, AT_RANDOM 0x40800fc0, AT_EXECFN 0x40800ff4,
     * AT_PLATFORM 0x40800fdf. */
    uint32_t sp = guest_proc.initial_sp;
    assert_int_equal(sp, 0x40800f00);
    assert_int_equal(sp % 16, 0);
    assert_int_equal(rd32(sp), 3);
    assert_int_equal(rd32(sp + 4), 0x40800fe3);
    assert_string_equal(rdstr(rd32(sp + 4)), "./t");
    assert_string_equal(rdstr(rd32(sp + 8)), "a");
    assert_string_equal(rdstr(rd32(sp + 12)), "bb");
    assert_int_equal(rd32(sp + 16), 0);
    assert_string_equal(rdstr(rd32(sp + 20)), "FOO=bar");
    assert_int_equal(rd32(sp + 24), 0);
    assert_int_equal(guest_proc.auxv_addr, sp + 28);
    assert_int_equal(guest_proc.auxv_len, 19 * 8);
    const struct linux_proc *p = &guest_proc;
    assert_int_equal(aux(p, AT_RANDOM), 0x40800fc0);
    assert_memory_equal(g2h(aux(p, AT_RANDOM)), rnd, 16);
    assert_int_equal(aux(p, AT_EXECFN), 0x40800ff4);
    assert_string_equal(rdstr(aux(p, AT_EXECFN)), "./t");
    assert_int_equal(aux(p, AT_PLATFORM), 0x40800fdf);
    assert_string_equal(rdstr(aux(p, AT_PLATFORM)), "v7l");
    /* The strings end 8 bytes below the stack top, as in qemu. */
    assert_int_equal(aux(p, AT_EXECFN) + 4, 0x40801000 - 8);
    /* auxv values. */
    assert_int_equal(aux(p, AT_PHDR), 0x10034);
    uint8_t file[0x2000];
    build(&s, file, sizeof file);
    assert_memory_equal(g2h(aux(p, AT_PHDR)), file + 52, 2 * 32);
    assert_int_equal(rd32(aux(p, AT_PHDR) + 8), 0x10000); /* first p_vaddr read through AT_PHDR */
    assert_int_equal(aux(p, AT_PHENT), 32);
    assert_int_equal(aux(p, AT_PHNUM), 2);
    assert_int_equal(aux(p, AT_PAGESZ), 4096);
    assert_int_equal(aux(p, AT_BASE), 0);
    assert_int_equal(aux(p, AT_FLAGS), 0);
    assert_int_equal(aux(p, AT_ENTRY), 0x10100);
    assert_int_equal(aux(p, AT_UID), getuid());
    assert_int_equal(aux(p, AT_EUID), geteuid());
    assert_int_equal(aux(p, AT_GID), getgid());
    assert_int_equal(aux(p, AT_EGID), getegid());
    assert_int_equal(aux(p, AT_SECURE), 0);
    /* qemu-arm -cpu cortex-a15,neon=off's 0x1fa8d7 less THUMBEE (0x800): SWP HALF
     * THUMB FAST_MULT VFP EDSP VFPv3 TLS VFPv4 IDIVA IDIVT VFPD32 LPAE. */
    assert_int_equal(aux(p, AT_HWCAP), 0x1fa0d7);
    assert_int_equal(aux(p, AT_HWCAP2), 0);
    assert_int_equal(aux(p, AT_CLKTCK), 100);
    /* AT_NULL terminates, as the last pair. */
    assert_int_equal(rd32(p->auxv_addr + p->auxv_len - 8), AT_NULL);
    assert_int_equal(rd32(p->auxv_addr + p->auxv_len - 4), 0);
}

static void test_random_from_getrandom(void **state)
{
    (void)state;
    struct elf_spec s = static_exe();
    const char *path = write_elf("rand", &s);
    char *argv[] = {"rand", NULL}, *envp[] = {NULL};
    struct load_request req = {.path = path, .argv = argv, .envp = envp, .at_random = NULL};
    char err[256];
    uint8_t first[16];
    assert_int_equal(linux_load(&guest_proc, &req, err, sizeof err), 0);
    memcpy(first, g2h(aux(&guest_proc, AT_RANDOM)), 16);
    guest_mem_unmap_all();
    assert_int_equal(linux_load(&guest_proc, &req, err, sizeof err), 0);
    /* Two draws of 128 random bits differ. */
    assert_memory_not_equal(first, g2h(aux(&guest_proc, AT_RANDOM)), 16);
}

static struct elf_spec pie_exe(void)
{
    struct elf_spec s = {.type = ET_DYN, .entry = 0x101, .nseg = 3}; /* Thumb entry */
    s.seg[0] = (struct seg){PT_LOAD, 0, 0, 0x400, 0x400, PF_R | PF_X};
    s.seg[1] = (struct seg){PT_LOAD, 0x1000, 0x11000, 0x20, 0x30, PF_R | PF_W};
    s.seg[2] = (struct seg){PT_GNU_STACK, 0, 0, 0, 0, PF_R | PF_W};
    return s;
}

static void test_static_pie(void **state)
{
    (void)state;
    struct elf_spec s = pie_exe();
    const char *path = write_elf("pie", &s);
    char *argv[] = {"pie", NULL}, *envp[] = {NULL};
    char err[256];
    assert_int_equal(load(path, argv, envp, NULL, err, sizeof err), 0);
    /* qemu-arm 7.2 puts a PIE at 0x40000000 and the stack below it. */
    assert_int_equal(guest_proc.load_bias, 0x40000000);
    assert_int_equal(guest_proc.entry, 0x40000101);
    assert_int_equal(guest_proc.start_data, 0x40011000);
    assert_int_equal(guest_proc.brk_start, 0x40012000);
    assert_memory_equal(g2h(0x40000000), ELFMAG, SELFMAG);
    assert_int_equal(guest_page_flags(0x40011000), GUEST_PAGE_MAPPED | PROT_READ | PROT_WRITE);
    assert_int_equal(guest_page_flags(0x40001000), 0);
    assert_int_equal(aux(&guest_proc, AT_PHDR), 0x40000034);
    assert_int_equal(aux(&guest_proc, AT_ENTRY), 0x40000101);
    assert_int_equal(guest_proc.initial_sp >> 12, 0x3ffff);
    assert_int_equal(guest_page_flags(0x3f7ff000), GUEST_PAGE_MAPPED); /* guard */
    assert_int_equal(guest_page_flags(0x3f800000), GUEST_PAGE_MAPPED | PROT_READ | PROT_WRITE); /* PT_GNU_STACK RW */
    assert_true(guest_range_ok(0x3f800000, LINUX_STACK_SIZE, PROT_READ | PROT_WRITE));
}

static void test_interpreter(void **state)
{
    (void)state;
    /* The interpreter: an ET_DYN under <sysroot>/lib. */
    char dir[256];
    snprintf(dir, sizeof dir, "%s/sysroot", tmpdir);
    mkdir(dir, 0755);
    snprintf(dir, sizeof dir, "%s/sysroot/lib", tmpdir);
    mkdir(dir, 0755);
    struct elf_spec in = pie_exe();
    in.entry = 0x200;
    write_elf("sysroot/lib/ld-test.so.3", &in);
    /* The program: ET_EXEC with PT_INTERP. */
    struct elf_spec s = static_exe();
    s.nseg = 3;
    s.interp = "/lib/ld-test.so.3";
    uint32_t ilen = (uint32_t)strlen(s.interp) + 1;
    s.seg[2] = (struct seg){PT_INTERP, 0x200, 0x10200, ilen, ilen, PF_R};
    const char *path = write_elf("dyn", &s);
    char sysroot[256];
    snprintf(sysroot, sizeof sysroot, "%s/sysroot", tmpdir);
    char *argv[] = {"dyn", NULL}, *envp[] = {NULL};
    char err[256];
    if (load(path, argv, envp, sysroot, err, sizeof err) != 0)
        fail_msg("%s", err);
    /* Order as in qemu: program, stack at 0x40000000, interpreter below it. */
    uint32_t base = aux(&guest_proc, AT_BASE);
    assert_int_equal(base, 0x40000000 - 0x12000);
    assert_memory_equal(g2h(base), ELFMAG, SELFMAG);
    assert_int_equal(guest_proc.entry, base + 0x200);
    assert_int_equal(aux(&guest_proc, AT_ENTRY), 0x10100);
    assert_int_equal(aux(&guest_proc, AT_PHDR), 0x10034);
    assert_int_equal(aux(&guest_proc, AT_PHNUM), 3);
    assert_int_equal(guest_proc.load_bias, 0);
    assert_int_equal(guest_proc.brk_start, 0x23000);
    assert_int_equal(guest_proc.sigpage, base - 0x1000);

    /* Without the sysroot the interpreter is not found: a clear error. */
    reset(NULL);
    assert_int_equal(load(path, argv, envp, NULL, err, sizeof err), -1);
    assert_non_null(strstr(err, "interpreter /lib/ld-test.so.3 not found"));
    assert_non_null(strstr(err, "-L"));
    assert_int_equal(guest_page_flags(0x10000), 0);
}

/* ---- bad input ---- */

/* Loads path, expects failure with one line mentioning want, and nothing mapped. */
static void expect_error(const char *path, const char *want)
{
    char *argv[] = {"x", NULL}, *envp[] = {NULL};
    char err[512];
    int rc = load(path, argv, envp, NULL, err, sizeof err);
    if (rc != -1 || !strstr(err, want))
        fail_msg("loading %s: rc %d, message \"%s\", expected it to mention \"%s\"", path, rc, err, want);
    assert_null(strchr(err, '\n'));
    assert_true(strlen(err) > 10);
    assert_int_equal(guest_page_flags(0x10000), 0);
    assert_int_equal(guest_page_flags(KUSER_PAGE_ADDR), 0);
    assert_int_equal(guest_page_flags(0x40000000), 0);
}

static void test_bad_files(void **state)
{
    (void)state;
    char missing[300];
    snprintf(missing, sizeof missing, "%s/does-not-exist", tmpdir);
    expect_error(missing, "No such file or directory");
    expect_error(tmpdir, "directory");
    expect_error(write_file("empty", "", 0), "not an ELF");
    expect_error(write_file("text", "hello world\n", 12), "not an ELF");
    expect_error(write_file("script", "#!/bin/sh\necho hi\n", 18), "#!");
    expect_error(write_file("magic-only", "\177ELF", 4), "truncated");
    char fifo[300];
    snprintf(fifo, sizeof fifo, "%s/fifo", tmpdir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    expect_error(fifo, "not a regular file"); /* and no hang waiting for a writer */
    expect_error("/dev/zero", "not a regular file");
    if (access("/bin/true", R_OK) == 0)
        expect_error("/bin/true", "x86-64");
}

static void test_bad_headers(void **state)
{
    (void)state;
    struct elf_spec s;
    s = static_exe(), s.cls = ELFCLASS64, s.machine = EM_AARCH64;
    expect_error(write_elf("aarch64", &s), "ARM64/64-bit ELF not supported");
    s = static_exe(), s.cls = ELFCLASS64, s.machine = EM_X86_64;
    expect_error(write_elf("x86_64", &s), "64-bit ELF not supported (machine: x86-64)");
    s = static_exe(), s.data = ELFDATA2MSB;
    expect_error(write_elf("armeb", &s), "big-endian ARM");
    s = static_exe(), s.data = ELFDATA2MSB, s.machine = EM_PPC;
    expect_error(write_elf("ppc", &s), "big-endian ELF not supported (machine: PowerPC)");
    s = static_exe(), s.machine = EM_386;
    expect_error(write_elf("i386", &s), "not an ARM executable (machine: x86 (i386))");
    s = static_exe(), s.machine = EM_X86_64;
    expect_error(write_elf("x32", &s), "not an ARM executable (machine: x86-64)");
    s = static_exe(), s.machine = 0x1234;
    expect_error(write_elf("odd", &s), "unknown machine 4660");
    s = static_exe(), s.cls = 3;
    expect_error(write_elf("class3", &s), "ELF class");
    s = static_exe(), s.size = 40;
    expect_error(write_elf("trunc40", &s), "truncated ELF header");
    s = static_exe(), s.type = ET_REL;
    expect_error(write_elf("rel", &s), "relocatable");
    s = static_exe(), s.type = ET_CORE;
    expect_error(write_elf("core", &s), "core dump");
    s = static_exe(), s.phoff = 0x1ff0;
    expect_error(write_elf("phoff", &s), "program header table (2 x 32 bytes at offset 0x1ff0) extends past end of file");
    s = static_exe(), s.phoff = 0xfffffff0u;
    expect_error(write_elf("phoff-wrap", &s), "extends past end of file");
    s = static_exe(), s.phnum = 0xffff;
    expect_error(write_elf("phnum", &s), "too many program headers");
    s = static_exe(), s.nseg = 0;
    expect_error(write_elf("nophdr", &s), "no program headers");
    s = static_exe(), s.phentsize = 40;
    expect_error(write_elf("phentsize", &s), "program header size 40");
    s = static_exe(), s.size = 60; /* header complete, program headers cut off */
    expect_error(write_elf("trunc60", &s), "past end of file");
}

static void test_bad_segments(void **state)
{
    (void)state;
    struct elf_spec s;
    s = static_exe(), s.seg[1].filesz = 0x2000, s.seg[1].memsz = 0x1000;
    expect_error(write_elf("filesz", &s), "file size 0x2000 larger than memory size 0x1000");
    s = static_exe(), s.seg[1].offset = 0x3000, s.seg[1].vaddr = 0x23000;
    expect_error(write_elf("offset", &s), "segment 1 data (offset 0x3000, size 0x10) extends past end of file");
    s = static_exe(), s.seg[1].filesz = 0xfffffff0u, s.seg[1].memsz = 0xfffffff0u;
    expect_error(write_elf("offset-wrap", &s), "past end of file");
    s = static_exe(), s.seg[1].vaddr = 0xfff00000u, s.seg[1].offset = 0x1000, s.seg[1].memsz = 0x200000;
    expect_error(write_elf("beyond32", &s), "beyond the 32-bit address space");
    s = static_exe(), s.seg[1].vaddr = 0xfffe0000u, s.seg[1].memsz = 0x18000;
    expect_error(write_elf("kuser", &s), "kuser helper page at 0xffff0000");
    s = static_exe(), s.seg[1].vaddr = 0x21800;
    expect_error(write_elf("align", &s), "differ modulo the page size");
    s = static_exe(), s.seg[0].vaddr = 0, s.entry = 0x100;
    expect_error(write_elf("page0", &s), "below the lowest mappable address");
    s = static_exe(), s.seg[0].type = PT_NOTE, s.seg[1].type = PT_DYNAMIC;
    expect_error(write_elf("noload", &s), "no loadable segment (PT_LOAD)");
    s = static_exe(), s.nseg = 3, s.seg[2] = (struct seg){PT_INTERP, 0x1ff0, 0, 0x100, 0x100, PF_R};
    expect_error(write_elf("interp-eof", &s), "bad interpreter path");
    s = static_exe(), s.nseg = 3, s.seg[2] = (struct seg){PT_INTERP, 0x200, 0, 4, 4, PF_R};
    s.interp = "/lib/ld.so"; /* 4 bytes taken: not NUL-terminated */
    expect_error(write_elf("interp-nonul", &s), "not a NUL-terminated string");
    /* Two segments that fit the file but not the address space together. */
    s = static_exe(), s.seg[1].vaddr = 0xfffe1000u, s.seg[1].memsz = 0x10000;
    expect_error(write_elf("top", &s), "kuser");
}

static void test_args_too_long(void **state)
{
    (void)state;
    struct elf_spec s = static_exe();
    const char *path = write_elf("big", &s);
    size_t n = 3u << 20; /* 3 MiB: more than a quarter of the 8 MiB stack */
    char *big = malloc(n);
    assert_non_null(big);
    memset(big, 'x', n - 1);
    big[n - 1] = 0;
    char *argv[] = {"big", big, NULL}, *envp[] = {NULL};
    char err[256];
    assert_int_equal(load(path, argv, envp, NULL, err, sizeof err), -1);
    assert_non_null(strstr(err, "too long"));
    free(big);
    assert_int_equal(guest_page_flags(0x10000), 0);
    assert_int_equal(guest_page_flags(0x40000000), 0);
}

/* Random corruption of the headers of a good file (fixed seed): every load
 * either succeeds or fails with one line; never a crash or a sanitizer report. */
static void test_fuzzed_headers(void **state)
{
    (void)state;
    struct elf_spec s = static_exe();
    s.nseg = 3;
    s.seg[2] = (struct seg){PT_INTERP, 0x200, 0x10200, 10, 10, PF_R};
    s.interp = "/nonexist";
    static uint8_t good[0x2000], buf[0x2000];
    size_t n = build(&s, good, sizeof good);
    uint32_t rng = 12345;
    int ok = 0, failed = 0;
    for (int iter = 0; iter < 2000; iter++) {
        memcpy(buf, good, n);
        size_t len = n;
        int flips = 1 + iter % 4;
        for (int k = 0; k < flips; k++) {
            rng = rng * 1103515245u + 12345u;
            uint32_t r = rng >> 8;
            size_t at = (r % 4 == 0) ? r % n : (r >> 4) % (52 + 3 * 32); /* mostly the headers */
            rng = rng * 1103515245u + 12345u;
            buf[at] = (r & 0x10) ? (uint8_t)(rng >> 16) : (uint8_t)(buf[at] ^ (1u << ((rng >> 16) % 8)));
        }
        if (iter % 50 == 0)
            len = (rng >> 8) % n; /* sometimes truncated too */
        const char *path = write_file("fuzz", buf, len);
        char *argv[] = {"fuzz", NULL}, *envp[] = {NULL};
        char err[512];
        int rc = load(path, argv, envp, NULL, err, sizeof err);
        if (rc == 0) {
            ok++;
        } else {
            assert_int_equal(rc, -1);
            assert_true(strlen(err) > 0);
            assert_null(strchr(err, '\n'));
            failed++;
        }
        guest_mem_unmap_all();
    }
    /* The corpus exercises both outcomes. */
    assert_true(ok > 0);
    assert_true(failed > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_static_exec_segments, reset),
        cmocka_unit_test_setup(test_stack_layout_matches_qemu, reset),
        cmocka_unit_test_setup(test_random_from_getrandom, reset),
        cmocka_unit_test_setup(test_static_pie, reset),
        cmocka_unit_test_setup(test_interpreter, reset),
        cmocka_unit_test_setup(test_bad_files, reset),
        cmocka_unit_test_setup(test_bad_headers, reset),
        cmocka_unit_test_setup(test_bad_segments, reset),
        cmocka_unit_test_setup(test_args_too_long, reset),
        cmocka_unit_test_setup(test_fuzzed_headers, reset),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
