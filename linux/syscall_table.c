/* The syscall table built from linux/syscall_list.h, its lookup, and the
 * guest-write reporting hook. Holds no syscall behaviour. */
#include "linux/syscall_table.h"

#include <stddef.h>

#include "linux/syscall_impl.h"

static const struct syscall_desc table[] = {
#define SYS(nr, name, handler, flags) {nr, #name, handler, flags},
#define NOSYS(nr, name) {nr, #name, NULL, 0},
#include "linux/syscall_list.h"
#undef SYS
#undef NOSYS
};

#define TABLE_LEN (sizeof(table) / sizeof(table[0]))

const struct syscall_desc *syscall_lookup(uint32_t nr)
{
    size_t lo = 0, hi = TABLE_LEN;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (table[mid].nr == nr)
            return &table[mid];
        if (table[mid].nr < nr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const struct syscall_desc *syscall_table_entries(unsigned *count)
{
    *count = (unsigned)TABLE_LEN;
    return table;
}

static syscall_write_hook_fn *write_hook;
static void *write_hook_ctx;

void syscall_set_write_hook(syscall_write_hook_fn *fn, void *ctx)
{
    write_hook = fn;
    write_hook_ctx = ctx;
}

void syscall_note_write(uint32_t addr, uint32_t len)
{
    if (write_hook && len)
        write_hook(write_hook_ctx, addr, len);
}
