/* -strace lines for ioctl, as qemu-arm 7.2 prints them: the request by name
 * from qemu's own ioctl table (linux/strace_ioctl_list.h), then the argument
 * according to the request's type: nothing, a number, a pointer, or the value
 * it points to (for requests the kernel reads, IOC_W/IOC_RW); after a
 * successful call, " (value)" for requests the kernel writes (IOC_R/IOC_RW).
 * Requests not in the table print as two hex numbers. Of the structures
 * behind pointers, termios and winsize are decoded; other structures print as
 * the pointer (qemu decodes them field by field with its thunk descriptions). */
#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "linux/strace_print.h"

/* qemu's argtype numbers (include/exec/user/thunk.h) and access modes. */
enum { T_NULL = 0, T_CHAR, T_SHORT, T_INT, T_LONG, T_ULONG, T_PTRVOID, T_LONGLONG, T_ULONGLONG, T_PTR, T_ARRAY,
       T_STRUCT };
enum { IOC_R = 1, IOC_W = 2, IOC_RW = 3 };
/* qemu's struct ids (linux-user/syscall_types.h order) that are decoded here. */
enum { STRUCT_termios = 0, STRUCT_winsize = 1 };

struct ioctl_entry {
    uint32_t cmd;
    const char *name;
    uint8_t access, type, pointee;
    int16_t struct_id;
};

static const struct ioctl_entry ioctls[] = {
#define IOC(cmd, name, access, type, pointee, sid) {(uint32_t)(cmd), name, access, type, pointee, sid},
#include "linux/strace_ioctl_list.h"
#undef IOC
};

static const struct ioctl_entry *ioctl_find(uint32_t cmd)
{
    for (size_t i = 0; i < sizeof ioctls / sizeof ioctls[0]; i++)
        if (ioctls[i].cmd == cmd)
            return &ioctls[i];
    return NULL;
}

static uint32_t scalar_size(uint8_t t)
{
    switch (t) {
    case T_CHAR: return 1;
    case T_SHORT: return 2;
    case T_LONGLONG:
    case T_ULONGLONG: return 8;
    default: return 4;
    }
}

/* The scalar of type t at guest addr; false if unreadable. */
static bool print_scalar(uint8_t t, uint32_t addr)
{
    uint8_t b[8] = {0};
    if (!strace_read(b, addr, scalar_size(t)))
        return false;
    uint16_t u16;
    uint32_t u32;
    uint64_t u64;
    memcpy(&u16, b, 2);
    memcpy(&u32, b, 4);
    memcpy(&u64, b, 8);
    switch (t) {
    case T_CHAR: strace_printf("%c", b[0]); break;
    case T_SHORT: strace_printf("%d", (int)u16); break;
    case T_INT:
    case T_LONG: strace_printf("%d", (int32_t)u32); break;
    case T_ULONG: strace_printf("%u", u32); break;
    case T_PTRVOID: strace_printf("0x%x", u32); break;
    case T_LONGLONG: strace_printf("%" PRId64, (int64_t)u64); break;
    case T_ULONGLONG: strace_printf("%" PRIu64, u64); break;
    default: return false;
    }
    return true;
}

/* ARM termios bits (asm-generic/termbits.h), in qemu's table order. */
static const struct strace_flag termios_iflags[] = {
    {01, "IGNBRK"},  {02, "BRKINT"}, {04, "IGNPAR"},    {010, "PARMRK"},    {020, "INPCK"},
    {040, "ISTRIP"}, {0100, "INLCR"}, {0200, "IGNCR"},  {0400, "ICRNL"},    {01000, "IUCLC"},
    {02000, "IXON"}, {04000, "IXANY"}, {010000, "IXOFF"}, {020000, "IMAXBEL"}, {040000, "IUTF8"},
    {0, NULL},
};
static const struct strace_flag termios_oflags[] = {
    {01, "OPOST"},   {02, "OLCUC"},   {04, "ONLCR"},    {010, "OCRNL"},
    {020, "ONOCR"},  {040, "ONLRET"}, {0100, "OFILL"},  {0200, "OFDEL"}, {0, NULL},
};
static const struct strace_enum nldly[] = {{0, "NL0"}, {0400, "NL1"}, {0, NULL}};
static const struct strace_enum crdly[] = {{0, "CR0"}, {01000, "CR1"}, {02000, "CR2"}, {03000, "CR3"}, {0, NULL}};
static const struct strace_enum tabdly[] = {
    {0, "TAB0"}, {04000, "TAB1"}, {010000, "TAB2"}, {014000, "TAB3"}, {0, NULL}};
static const struct strace_enum bsdly[] = {{0, "BS0"}, {020000, "BS1"}, {0, NULL}};
static const struct strace_enum vtdly[] = {{0, "VT0"}, {040000, "VT1"}, {0, NULL}};
static const struct strace_enum ffdly[] = {{0, "FF0"}, {0100000, "FF1"}, {0, NULL}};
static const struct strace_enum cbaud[] = {
    {0, "B0"},        {01, "B50"},      {02, "B75"},       {03, "B110"},      {04, "B134"},
    {05, "B150"},     {06, "B200"},     {07, "B300"},      {010, "B600"},     {011, "B1200"},
    {012, "B1800"},   {013, "B2400"},   {014, "B4800"},    {015, "B9600"},    {016, "B19200"},
    {017, "B38400"},  {010001, "B57600"}, {010002, "B115200"}, {010003, "B230400"}, {010004, "B460800"},
    {0, NULL},
};
static const struct strace_enum csize[] = {{0, "CS5"}, {020, "CS6"}, {040, "CS7"}, {060, "CS8"}, {0, NULL}};
static const struct strace_flag termios_cflags[] = {
    {0100, "CSTOPB"}, {0200, "CREAD"},  {0400, "PARENB"}, {01000, "PARODD"},
    {02000, "HUPCL"}, {04000, "CLOCAL"}, {020000000000u, "CRTSCTS"}, {0, NULL},
};
static const struct strace_flag termios_lflags[] = {
    {01, "ISIG"},       {02, "ICANON"},    {04, "XCASE"},      {010, "ECHO"},     {020, "ECHOE"},
    {040, "ECHOK"},     {0100, "ECHONL"},  {0200, "NOFLSH"},   {0400, "TOSTOP"},  {01000, "ECHOCTL"},
    {02000, "ECHOPRT"}, {04000, "ECHOKE"}, {010000, "FLUSHO"}, {040000, "PENDIN"}, {0100000, "IEXTEN"},
    {0200000, "EXTPROC"}, {0, NULL},
};

/* The guest's struct termios: four tcflag_t, c_line, c_cc[19]. */
static bool print_termios(uint32_t addr)
{
    uint8_t t[36];
    if (!strace_read(t, addr, sizeof t))
        return false;
    uint32_t f[4];
    memcpy(f, t, sizeof f);
    strace_printf("{c_iflag = ");
    strace_flags(termios_iflags, f[0], 0);
    strace_printf("c_oflag = ");
    strace_flags(termios_oflags, f[1] & ~0177400u, 0);
    if (f[1] & 0400)
        strace_enums(nldly, f[1] & 0400, 0);
    if (f[1] & 03000)
        strace_enums(crdly, f[1] & 03000, 0);
    if (f[1] & 014000)
        strace_enums(tabdly, f[1] & 014000, 0);
    if (f[1] & 020000)
        strace_enums(bsdly, f[1] & 020000, 0);
    if (f[1] & 040000)
        strace_enums(vtdly, f[1] & 040000, 0);
    if (f[1] & 0100000)
        strace_enums(ffdly, f[1] & 0100000, 0);
    strace_printf("c_cflag = ");
    if (f[2] & 010017)
        strace_enums(cbaud, f[2] & 010017, 0);
    if (f[2] & 060)
        strace_enums(csize, f[2] & 060, 0);
    strace_flags(termios_cflags, f[2] & ~(010017u | 060u), 0);
    strace_printf("c_lflag = ");
    strace_flags(termios_lflags, f[3], 0);
    /* qemu prints c_cc as a C string (up to its first NUL, possibly running
     * into the bytes after it) and c_line as a raw character. */
    size_t n = strnlen((const char *)t + 17, sizeof t - 17);
    strace_printf("c_cc = \"%.*s\",c_line = '%c'}", (int)n, (const char *)t + 17, t[16]);
    return true;
}

static bool print_winsize(uint32_t addr)
{
    uint16_t w[4];
    if (!strace_read(w, addr, sizeof w))
        return false;
    strace_printf("{%d,%d,%d,%d}", w[0], w[1], w[2], w[3]);
    return true;
}

/* The value at addr as the entry describes it; false if it cannot be shown. */
static bool print_pointee(const struct ioctl_entry *e, uint32_t addr)
{
    if (e->pointee == T_STRUCT) {
        if (e->struct_id == STRUCT_termios)
            return print_termios(addr);
        if (e->struct_id == STRUCT_winsize)
            return print_winsize(addr);
        return false;
    }
    return print_scalar(e->pointee, addr);
}

void strace_ioctl_args(const uint32_t a[7])
{
    strace_int(a[0], 0);
    const struct ioctl_entry *e = ioctl_find(a[1]);
    if (!e) {
        strace_printf("%#x,%#x", a[1], a[2]);
        return;
    }
    strace_printf("%s", e->name);
    switch (e->type) {
    case T_NULL: return;
    case T_CHAR:
    case T_SHORT:
    case T_INT:
    case T_LONG: strace_printf(",%d", (int32_t)a[2]); return;
    case T_ULONG: strace_printf(",%u", a[2]); return;
    case T_PTRVOID: strace_printf(","); strace_pointer(a[2], 1); return;
    case T_PTR:
        strace_printf(",");
        if (e->access == IOC_R || !print_pointee(e, a[2]))
            strace_pointer(a[2], 1);
        return;
    default: strace_printf(",%#x", a[2]); return;
    }
}

void strace_ioctl_result(const uint32_t a[7])
{
    const struct ioctl_entry *e = ioctl_find(a[1]);
    if (!e || e->type != T_PTR || (e->access != IOC_R && e->access != IOC_RW))
        return;
    strace_printf(" (");
    if (!print_pointee(e, a[2]))
        strace_pointer(a[2], 1);
    strace_printf(")");
}
