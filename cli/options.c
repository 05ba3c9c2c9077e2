/* Command-line parsing; see options.h. Bad options get one line on stderr. */
#include "cli/options.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backstep_commit.h" /* generated at build time: cmake/git_commit.cmake */
#include "base/log.h"
#include "base/size_arg.h"

void options_usage(FILE *out)
{
    fprintf(out,
            "usage: backstep [options] PROG [ARGS...]\n"
            "Runs a 32-bit ARM Linux program on this x86-64 machine.\n"
            "\n"
            "  -L SYSROOT     ARM sysroot: the ELF interpreter and the absolute paths the program\n"
            "                 opens, stats, reads links of or executes are looked up as SYSROOT/path\n"
            "                 first and used from the host when not there (as qemu-arm -L)\n"
            "  -E VAR=VALUE   set VAR in the guest environment (repeatable)\n"
            "  -U VAR         remove VAR from the guest environment (repeatable)\n"
            "  -d ITEM,...    log items (in_asm, out_asm, cpu, fpu, unimp, strace, exec, page; -d help)\n"
            "  -D LOGFILE     write the log there instead of stderr\n"
            "  -strace        log every syscall as qemu-arm -strace does (same as -d strace)\n"
            "  -g PORT        wait for gdb on 127.0.0.1:PORT before the first instruction and\n"
            "                 record history for reverse debugging (also -g HOST:PORT, -g unix:PATH).\n"
            "                 gdb's kill, the end of its session or a lost connection end the program\n"
            "                 and backstep exits 0 (as gdbserver); detach lets it run to its end\n"
            "  -undo-limit SIZE  undo log size while recording (default 64M; K/M/G suffixes)\n"
            "  -snapshot-interval K  instructions between snapshots while recording (default 5000000)\n"
            "  -record        record history without gdb (to measure recording)\n"
            "  -record-to DIR  record as -record does and save the recording in DIR when the program\n"
            "                 ends (a directory: the replay log, copies of the program and its ELF\n"
            "                 interpreter, argv, environment, AT_RANDOM; doc/recording-format.md)\n"
            "  -replay DIR    replay the recording saved in DIR (no PROG): with -g, serve it to gdb\n"
            "                 with every reverse command (it never runs live: its end is the end of\n"
            "                 history); without -g, replay it to its end and check the final state\n"
            "                 against the recorded one (exit 0 if it matches, 1 if not)\n"
            "  -0 ARGV0       give the guest this argv[0] instead of PROG\n"
            "  -seed N        seed AT_RANDOM (deterministic runs)\n"
            "  -h, --help     this text\n"
            "  -version, --version  the version and the git commit it was built from\n");
}

/* Finds VAR (up to '=') in env; returns its index or -1. */
static int env_find(char **env, int n, const char *var, size_t len)
{
    for (int i = 0; i < n; i++)
        if (strncmp(env[i], var, len) == 0 && env[i][len] == '=')
            return i;
    return -1;
}

static char **env_copy(char **environ_in, int *count, int extra)
{
    int n = 0;
    while (environ_in && environ_in[n])
        n++;
    char **env = calloc((size_t)(n + extra + 1), sizeof *env);
    if (!env) {
        fprintf(stderr, "backstep: out of memory\n");
        exit(1);
    }
    for (int i = 0; i < n; i++)
        env[i] = environ_in[i];
    *count = n;
    return env;
}

/* -seed's number, by qemu-arm 7.2's rule (its qemu_strtou64 with base 0):
 * decimal, 0x hex or 0 octal, leading white space and '+' allowed, nothing
 * after the digits, no minus sign (not even "-0"), within 64 bits. */
static bool parse_seed(const char *v, unsigned long long *out)
{
    const char *p = v;
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '-')
        return false;
    char *end;
    errno = 0;
    *out = strtoull(v, &end, 0);
    return end != v && *end == '\0' && errno == 0;
}

static const char *need_arg(int argc, char **argv, int *i)
{
    if (*i + 1 >= argc) {
        fprintf(stderr, "backstep: option '%s' needs an argument\n", argv[*i]);
        return NULL;
    }
    return argv[++*i];
}

enum options_result options_parse(struct options *o, int argc, char **argv, char **environ_in)
{
    memset(o, 0, sizeof *o);
    int envc;
    char **env = env_copy(environ_in, &envc, argc);
    o->guest_envp = env; /* the caller frees it, whatever the result */
    int i;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-')
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        /* qemu accepts --opt as well as -opt */
        if (a[1] == '-' && a[2])
            a++;
        const char *v;
        if (strcmp(a, "-h") == 0 || strcmp(a, "-help") == 0) {
            options_usage(stdout);
            return OPTIONS_EXIT_OK;
        } else if (strcmp(a, "-version") == 0) {
            /* The first line of qemu-arm -version's layout ("qemu-arm version
             * 7.2.22 (Debian ...)"), with the commit in the parentheses. */
            printf("backstep version %s (commit %s)\n", BACKSTEP_VERSION, BACKSTEP_COMMIT);
            return OPTIONS_EXIT_OK;
        } else if (strcmp(a, "-L") == 0) {
            if (!(v = need_arg(argc, argv, &i)))
                return OPTIONS_EXIT_ERROR;
            o->sysroot = v;
        } else if (strcmp(a, "-d") == 0) {
            if (!(v = need_arg(argc, argv, &i)))
                return OPTIONS_EXIT_ERROR;
            if (strcmp(v, "help") == 0) {
                log_list_items(stdout);
                    return OPTIONS_EXIT_OK;
            }
            o->log_items = v;
        } else if (strcmp(a, "-strace") == 0) {
            /* qemu-arm's spelling of -d strace; -d adds to the same mask */
            log_mask |= LOG_STRACE;
        } else if (strcmp(a, "-D") == 0) {
            if (!(v = need_arg(argc, argv, &i)))
                return OPTIONS_EXIT_ERROR;
            o->log_path = v;
        } else if (strcmp(a, "-g") == 0) {
            if (!(v = need_arg(argc, argv, &i)))
                return OPTIONS_EXIT_ERROR;
            o->gdb_port = v;
        } else if (strcmp(a, "-record") == 0) {
            o->record = true;
        } else if (strcmp(a, "-record-to") == 0) {
            if (!(v = need_arg(argc, argv, &i)))
                return OPTIONS_EXIT_ERROR;
            o->record_to = v;
        } else if (strcmp(a, "-replay") == 0) {
            if (!(v = need_arg(argc, argv, &i)))
                return OPTIONS_EXIT_ERROR;
            o->replay = v;
        } else if (strcmp(a, "-undo-limit") == 0) {
            if (!(v = need_arg(argc, argv, &i)))
                return OPTIONS_EXIT_ERROR;
            uint64_t size;
            if (!parse_size_arg(v, &size) || size < (16ull << 20)) {
                fprintf(stderr, "backstep: -undo-limit: bad size '%s' (a number of bytes, at least 16M, "
                                "with an optional K, M or G suffix)\n", v);
                return OPTIONS_EXIT_ERROR;
            }
            o->undo_limit = size;
        } else if (strcmp(a, "-snapshot-interval") == 0) {
            if (!(v = need_arg(argc, argv, &i)))
                return OPTIONS_EXIT_ERROR;
            char *end;
            o->snapshot_interval = strtoull(v, &end, 10);
            if (*v < '0' || *v > '9' || *end || o->snapshot_interval < 1000) {
                fprintf(stderr, "backstep: -snapshot-interval: bad count '%s' (instructions, at least 1000)\n", v);
                return OPTIONS_EXIT_ERROR;
            }
        } else if (strcmp(a, "-0") == 0) {
            if (!(v = need_arg(argc, argv, &i)))
                return OPTIONS_EXIT_ERROR;
            o->argv0 = v;
        } else if (strcmp(a, "-seed") == 0) {
            if (!(v = need_arg(argc, argv, &i)))
                return OPTIONS_EXIT_ERROR;
            if (!parse_seed(v, &o->seed)) {
                /* qemu-arm: "cannot initialize crypto: Invalid seed number: foo", status 1 */
                fprintf(stderr, "backstep: -seed: Invalid seed number: %s\n", v);
                return OPTIONS_EXIT_ERROR;
            }
            o->seeded = true;
        } else if (strcmp(a, "-E") == 0) {
            if (!(v = need_arg(argc, argv, &i)))
                return OPTIONS_EXIT_ERROR;
            const char *eq = strchr(v, '=');
            if (!eq || eq == v) {
                fprintf(stderr, "backstep: -E needs VAR=VALUE, got '%s'\n", v);
                return OPTIONS_EXIT_ERROR;
            }
            int at = env_find(env, envc, v, (size_t)(eq - v));
            if (at >= 0)
                env[at] = (char *)v;
            else
                env[envc++] = (char *)v;
        } else if (strcmp(a, "-U") == 0) {
            if (!(v = need_arg(argc, argv, &i)))
                return OPTIONS_EXIT_ERROR;
            int at = env_find(env, envc, v, strlen(v));
            if (at >= 0) {
                memmove(&env[at], &env[at + 1], (size_t)(envc - at) * sizeof *env);
                envc--;
            }
        } else {
            fprintf(stderr, "backstep: unknown option '%s' (try -h)\n", argv[i]);
            return OPTIONS_EXIT_ERROR;
        }
    }
    if (o->replay && i < argc) {
        fprintf(stderr, "backstep: -replay takes no program: the recording in %s has it (got '%s')\n", o->replay,
                argv[i]);
        return OPTIONS_EXIT_ERROR;
    }
    if (o->replay && (o->record || o->record_to || o->sysroot || o->seeded || o->argv0)) {
        fprintf(stderr, "backstep: -replay replays what was recorded: -record, -record-to, -L, -seed and -0 do not "
                        "apply\n");
        return OPTIONS_EXIT_ERROR;
    }
    if (o->replay) {
        env[envc] = NULL;
        o->guest_argv = NULL;
        return OPTIONS_RUN;
    }
    if (i >= argc) {
        if (argc <= 1) {
            options_usage(stderr);
        } else if (argc >= 3 && argv[argc - 1][0] != '-') {
            /* The loop stops at the first word that is not an option, so this
             * one was taken as an option's argument, e.g. "-U ./prog". */
            fprintf(stderr, "backstep: no program given ('%s' took '%s' as its argument; try -h)\n", argv[argc - 2],
                    argv[argc - 1]);
        } else {
            fprintf(stderr, "backstep: no program given (try -h)\n");
        }
        return OPTIONS_EXIT_ERROR;
    }
    env[envc] = NULL;
    o->guest_argv = &argv[i];
    o->guest_envp = env;
    return OPTIONS_RUN;
}
