/* backstep's entry point: parse the command line, reserve the guest address
 * space, load the program, run it, and leave with the guest's exit status or
 * die of the guest's fatal signal. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "cli/options.h"
#include "linux/guest_mem.h"
#include "linux/loader.h"
#include "linux/process.h"
#include "translator/cpu.h"
#include "translator/runtime.h"

extern char **environ;

/* Random bytes for AT_RANDOM from -seed (splitmix64), like qemu-arm's -seed. */
static void seeded_random(const char *seed, uint8_t out[16])
{
    uint64_t x = strtoull(seed, NULL, 0);
    for (int i = 0; i < 2; i++) {
        uint64_t z = (x += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        z ^= z >> 31;
        memcpy(out + 8 * i, &z, 8);
    }
}

int main(int argc, char **argv)
{
    struct options opt;
    switch (options_parse(&opt, argc, argv, environ)) {
    case OPTIONS_EXIT_OK:
        free(opt.guest_envp);
        return 0;
    case OPTIONS_EXIT_ERROR:
        free(opt.guest_envp);
        return 1;
    case OPTIONS_RUN:
        break;
    }

    char err[512];
    if (opt.log_items && !log_parse_items(opt.log_items, err, sizeof err)) {
        fprintf(stderr, "backstep: %s\n", err);
        goto fail;
    }
    if (opt.log_path && !log_open_file(opt.log_path, err, sizeof err)) {
        fprintf(stderr, "backstep: %s\n", err);
        goto fail;
    }
    if (opt.gdb_port) {
        fprintf(stderr, "backstep: -g (gdb remote debugging) is not implemented yet\n");
        goto fail;
    }
    if (!guest_mem_init(err, sizeof err)) {
        fprintf(stderr, "backstep: %s\n", err);
        goto fail;
    }

    uint8_t random_bytes[16];
    struct load_request req = {
        .path = opt.guest_argv[0],
        .sysroot = opt.sysroot,
        .argv = opt.guest_argv,
        .envp = opt.guest_envp,
        .at_random = NULL,
    };
    if (opt.argv0)
        opt.guest_argv[0] = (char *)opt.argv0; /* req.path keeps the file to load */
    guest_proc.sysroot = opt.sysroot;
    if (opt.seed) {
        seeded_random(opt.seed, random_bytes);
        req.at_random = random_bytes;
    }
    if (linux_load(&guest_proc, &req, err, sizeof err) != 0) {
        fprintf(stderr, "backstep: %s\n", err);
        goto fail;
    }

    struct arm_cpu *cpu = runtime_new_cpu(&guest_proc);
    runtime_run(cpu);

    fflush(log_file());
    free(opt.guest_envp);
    if (guest_proc.fatal_signal)
        runtime_die_of_signal(guest_proc.fatal_signal);
    return guest_proc.exit_status & 0xff;

fail:
    free(opt.guest_envp);
    return 1;
}
