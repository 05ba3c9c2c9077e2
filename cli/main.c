/* backstep's entry point: parse the command line, reserve the guest address
 * space, load the program, run it, and leave with the guest's exit status or
 * die of the guest's fatal signal. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "backstep_commit.h" /* generated at build time: cmake/git_commit.cmake */
#include "base/log.h"
#include "cli/options.h"
#include "linux/guest_ident.h"
#include "linux/guest_mem.h"
#include "linux/host_fds.h"
#include "linux/loader.h"
#include "linux/process.h"
#include "linux/sys_signal.h"
#include "linux/sysroot_path.h"
#include "arm/cpu.h"
#include "gdbstub/rsp_listen.h"
#include "gdbstub/rsp_server.h"
#include "timeline/engine.h"
#include "timeline/recording.h"
#include "timeline/state_hash.h"
#include "timeline/syscall_replay.h"
#include "gdbstub/timeline_target.h"
#include "translator/breakpoints.h"
#include "translator/fault.h"
#include "translator/runtime.h"
#include "translator/translate.h"
#include "undo/undo_ring.h"

extern char **environ;

/* Random bytes for AT_RANDOM from -seed (splitmix64), like qemu-arm's -seed. */
static void seeded_random(uint64_t x, uint8_t out[16])
{
    for (int i = 0; i < 2; i++) {
        uint64_t z = (x += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        z ^= z >> 31;
        memcpy(out + 8 * i, &z, 8);
    }
}

#define DEFAULT_UNDO_LIMIT (64ull << 20)

static int finish(struct options *opt)
{
    fflush(log_file());
    free(opt->guest_envp);
    if (guest_proc.fatal_signal)
        runtime_die_of_signal(guest_proc.fatal_signal);
    return guest_proc.exit_status & 0xff;
}

static int conn_fd = -1;

/* A guest fork child under the debugger: it goes its own way, neither
 * recorded nor debugged (gdbserver without follow-fork does the same). */
static void forked_child(struct arm_cpu *cpu, struct linux_proc *p)
{
    if (conn_fd >= 0) {
        host_fd_release(conn_fd);
        close(conn_fd);
    }
    conn_fd = -1;
    undo_ring_stop();
    translate_set_recording(false);
    runtime_set_syscall_fn(NULL);
    runtime_run(cpu);
    fflush(log_file());
    if (p->fatal_signal)
        runtime_die_of_signal(p->fatal_signal);
    exit(p->exit_status & 0xff);
}

/* One line when the session ended because gdb killed the program or went
 * away (gdbserver says "Remote side has terminated connection" for the
 * latter). At the exit stop the program was about to end anyway: it ends
 * with its own status. */
static void say_why_ended(bool killed, enum target_outcome outcome, int status)
{
    const char *why = killed ? "killed by gdb" : "gdb closed the connection (remote side has terminated connection)";
    if (outcome == TARGET_EXITED)
        fprintf(stderr, "backstep: %s at the program's exit stop: exit status %d, the program's\n", why, status);
    else if (killed)
        fprintf(stderr, "backstep: %s: the program ended, exit status 0\n", why);
    else
        fprintf(stderr, "backstep: %s: the program is killed, exit status 0\n", why);
    fflush(stderr);
}

/* -record: runs to the end; a fault goes to the guest's handler as in a
 * plain run (passed on as gdb's continue would), or kills it: returns the
 * signal to die of then (0: the program ended, or a replay reached the end
 * of its history). */
static int record_to_end(void)
{
    for (;;) {
        struct engine_stop es;
        engine_forward(UINT64_MAX, false, NULL, NULL, &es);
        if (es.kind != ES_SIGNAL || guest_proc.fatal_signal)
            return 0;
        struct guest_fault f = fault_last();
        struct guest_signote n = {.code = f.code, .addr = f.addr};
        uint32_t h = guest_proc.sig.action[es.signal].handler;
        bool blocked = (guest_proc.sig.blocked & GUEST_SIGBIT(es.signal)) != 0;
        if (h == GUEST_SIG_DFL || h == GUEST_SIG_IGN || blocked || !engine_signal(es.signal, &n, true))
            return es.signal;
    }
}

/* -record-to: the recording is saved when the program ends (or is about to
 * die of a fault: then history ends before the faulting instruction). */
static void save_recording(const char *dir)
{
    char err[512];
    if (!recording_save(dir, err, sizeof err))
        fprintf(stderr, "backstep: -record-to: %s\n", err);
}

/* -g: wait for gdb, serve it, then end as the session says. */
#define DEFAULT_SNAPSHOT_INTERVAL 5000000ull
#define MAX_SNAPSHOTS 256u
static uint64_t snapshot_interval = DEFAULT_SNAPSHOT_INTERVAL;

static int debug_session(struct arm_cpu *cpu, int listen_fd, uint64_t undo_limit, const char *replay_dir,
                         const struct recording_meta *replay)
{
    char err[512], where[300];
    rsp_listen_describe(listen_fd, where, sizeof where);
    fprintf(stderr, "backstep: waiting for gdb on %s\n", where);
    fflush(stderr);
    conn_fd = rsp_accept(listen_fd, err, sizeof err);
    /* One connection is served: the listening socket (and a unix socket's
     * file) goes now, before the program can change the working directory. */
    rsp_listen_close(listen_fd);
    if (conn_fd < 0) {
        fprintf(stderr, "backstep: %s\n", err);
        return 1;
    }
    conn_fd = host_fd_reserve(conn_fd); /* out of the guest's way and reach */
    struct timeline_target *t = timeline_target_create(cpu, &guest_proc, undo_limit);
    if (t && replay && !recording_load_log(replay_dir, replay, err, sizeof err)) {
        fprintf(stderr, "backstep: %s\n", err);
        return 1;
    }
    engine_enable_snapshots(snapshot_interval, MAX_SNAPSHOTS);
    struct rsp_server *s = t ? rsp_server_create(conn_fd, &timeline_target_ops, t) : NULL;
    if (!s) {
        fprintf(stderr, "backstep: out of memory starting the gdb server\n");
        return 1;
    }
    syscall_replay_on_child(forked_child);
    syscall_replay_interrupt_on(conn_fd);
    enum rsp_serve_end end = rsp_server_serve(s);
    bool killed = rsp_server_killed(s);
    rsp_server_destroy(s);
    close(conn_fd);
    conn_fd = -1;
    fflush(log_file());
    enum target_outcome outcome = timeline_target_outcome(t);
    bool gone = outcome == TARGET_RUNNING && end == RSP_END_DISCONNECT;
    if (outcome == TARGET_RUNNING) {
        /* gdb went away with the program still in its hands (the connection
         * closed, or vKill under extended-remote, which leaves the target to
         * the server): it ends as under gdb's kill. */
        timeline_target_ops.kill(t);
        outcome = timeline_target_outcome(t);
    }
    if (killed || gone)
        say_why_ended(killed, outcome, guest_proc.exit_status & 0xff);
    int final_signal = timeline_target_final_signal(t);
    timeline_target_destroy(t);
    switch (outcome) {
    case TARGET_EXITED:
        return guest_proc.exit_status & 0xff;
    case TARGET_SIGNALLED:
        runtime_die_of_signal(final_signal);
    case TARGET_DETACHED: {
        /* Run on to the end, replaying what is recorded, then live. */
        const uint32_t *bps;
        while (tr_breakpoint_list(&bps))
            tr_breakpoint_remove(bps[0]);
        int die = record_to_end();
        fflush(log_file());
        if (die)
            runtime_die_of_signal(die);
        if (guest_proc.fatal_signal)
            runtime_die_of_signal(guest_proc.fatal_signal);
        return guest_proc.exit_status & 0xff;
    }
    case TARGET_KILLED:
    case TARGET_RUNNING:
    default:
        /* Killed by gdb, or gdb went away: the program ends and backstep
         * exits 0, as gdbserver (--once) does in both cases. */
        return 0;
    }
}

/* What the program's initial state was made of, for `-record-to` and
 * `monitor save`. */
static void note_recording_start(const struct options *opt, const struct load_request *req, const uint8_t random[16],
                                 const char *interp_used)
{
    char cwd[4096];
    struct recording_meta m = {
        .backstep = BACKSTEP_VERSION " (commit " BACKSTEP_COMMIT ")",
        .exe_path = (char *)req->path,
        .interp_path = (char *)interp_used,
        .sysroot = (char *)opt->sysroot,
        .cwd = getcwd(cwd, sizeof cwd) ? cwd : "",
        .argv = opt->guest_argv,
        .envp = opt->guest_envp,
        .ident = *guest_ident(),
        .sig = guest_proc.sig,
    };
    memcpy(m.random, random, sizeof m.random);
    recording_note_start(&m);
}

/* -replay DIR: the program as recorded, from the recording's copies; its
 * log read-only. With -g it is served to gdb; without, replayed to its end
 * and the final state compared with the recorded one. */
static int replay_main(struct options *opt)
{
    char err[1024];
    struct recording_meta m;
    if (!recording_open(opt->replay, &m, err, sizeof err)) {
        fprintf(stderr, "backstep: -replay: %s\n", err);
        return 1;
    }
    const char *ours = BACKSTEP_VERSION " (commit " BACKSTEP_COMMIT ")";
    if (strcmp(m.backstep, ours))
        fprintf(stderr, "backstep: note: %s was recorded by backstep %s; this is %s\n", opt->replay, m.backstep, ours);
    int listen_fd = -1;
    if (opt->log_items && !log_parse_items(opt->log_items, err, sizeof err))
        goto fail;
    if (opt->log_path && !log_open_file(opt->log_path, err, sizeof err))
        goto fail;
    if (opt->gdb_port && (listen_fd = rsp_listen(opt->gdb_port, err, sizeof err)) < 0)
        goto fail;
    if (!guest_mem_init(err, sizeof err))
        goto fail;
    guest_ident_set(&m.ident);
    char exe[4200], interp[4200];
    snprintf(exe, sizeof exe, "%s/exe", opt->replay);
    snprintf(interp, sizeof interp, "%s/interp", opt->replay);
    struct load_request req = {
        .path = exe,
        .argv = m.argv,
        .envp = m.envp,
        .at_random = m.random,
        .execfn = m.exe_path,
        .interp = m.interp_path[0] ? interp : NULL,
    };
    if (linux_load(&guest_proc, &req, err, sizeof err) != 0)
        goto fail;
    guest_proc.sig = m.sig; /* as the recording inherited it */
    guest_signals_host_sync(&guest_proc);
    struct arm_cpu *cpu = runtime_new_cpu(&guest_proc);
    uint64_t undo_limit = opt->undo_limit ? opt->undo_limit : DEFAULT_UNDO_LIMIT;
    if (opt->snapshot_interval)
        snapshot_interval = opt->snapshot_interval;
    if (listen_fd >= 0)
        return debug_session(cpu, listen_fd, undo_limit, opt->replay, &m);
    engine_init(cpu, &guest_proc, undo_limit);
    if (!recording_load_log(opt->replay, &m, err, sizeof err))
        goto fail;
    record_to_end();
    uint64_t h = state_hash(cpu, &guest_proc);
    bool same = cpu->icount == m.end_icount && (!m.has_end_hash || h == m.end_hash);
    if (same)
        fprintf(stderr, "backstep: replayed %s to instruction %llu (%s): state hash %016llx%s\n", opt->replay,
                (unsigned long long)cpu->icount, m.end_state, (unsigned long long)h,
                m.has_end_hash ? ", as recorded" : " (the recording has none to compare)");
    else
        fprintf(stderr, "backstep: replay of %s ended at instruction %llu with state hash %016llx; the recording "
                        "ends at %llu with %016llx\n", opt->replay, (unsigned long long)cpu->icount,
                (unsigned long long)h, (unsigned long long)m.end_icount, (unsigned long long)m.end_hash);
    return same ? 0 : 1;
fail:
    fprintf(stderr, "backstep: -replay: %s\n", err);
    if (listen_fd >= 0)
        rsp_listen_close(listen_fd);
    return 1;
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
    int listen_fd = -1;
    if (opt.replay) {
        int r = replay_main(&opt);
        free(opt.guest_envp);
        return r;
    }
    if (opt.log_items && !log_parse_items(opt.log_items, err, sizeof err)) {
        fprintf(stderr, "backstep: %s\n", err);
        goto fail;
    }
    if (opt.log_path && !log_open_file(opt.log_path, err, sizeof err)) {
        fprintf(stderr, "backstep: %s\n", err);
        goto fail;
    }
    if (opt.gdb_port && (listen_fd = rsp_listen(opt.gdb_port, err, sizeof err)) < 0) {
        fprintf(stderr, "backstep: %s\n", err);
        goto fail;
    }
    if (!guest_mem_init(err, sizeof err)) {
        fprintf(stderr, "backstep: %s\n", err);
        goto fail;
    }

    if (sysroot_set(opt.sysroot, err, sizeof err) != 0) {
        fprintf(stderr, "backstep: %s\n", err);
        goto fail;
    }
    uint8_t random_bytes[16];
    char interp_used[4096 + 256];
    struct load_request req = {
        .path = opt.guest_argv[0],
        .sysroot = sysroot_get(),
        .argv = opt.guest_argv,
        .envp = opt.guest_envp,
        .at_random = random_bytes,
        .need_exec = true,
        .interp_used = interp_used,
        .interp_used_len = sizeof interp_used,
    };
    if (opt.argv0)
        opt.guest_argv[0] = (char *)opt.argv0; /* req.path keeps the file to load */
    guest_proc.sysroot = sysroot_get();
    /* Drawn here rather than by the loader: a recording keeps them. */
    if (opt.seeded)
        seeded_random(opt.seed, random_bytes);
    else if (getrandom(random_bytes, sizeof random_bytes, 0) != (ssize_t)sizeof random_bytes) {
        fprintf(stderr, "backstep: getrandom failed: %s\n", strerror(errno));
        goto fail;
    }
    if (linux_load(&guest_proc, &req, err, sizeof err) != 0) {
        fprintf(stderr, "backstep: %s\n", err);
        goto fail;
    }
    if (opt.record_to || listen_fd >= 0)
        note_recording_start(&opt, &req, random_bytes, interp_used);

    struct arm_cpu *cpu = runtime_new_cpu(&guest_proc);
    uint64_t undo_limit = opt.undo_limit ? opt.undo_limit : DEFAULT_UNDO_LIMIT;
    if (opt.snapshot_interval)
        snapshot_interval = opt.snapshot_interval;
    if (listen_fd >= 0) {
        int r = debug_session(cpu, listen_fd, undo_limit, NULL, NULL);
        free(opt.guest_envp);
        return r;
    }
    if (opt.record || opt.record_to) {
        /* Recording without a debugger: what -g costs, measurable. */
        engine_init(cpu, &guest_proc, undo_limit);
        engine_enable_snapshots(snapshot_interval, MAX_SNAPSHOTS);
        syscall_replay_on_child(forked_child);
        int die = record_to_end();
        if (opt.record_to)
            save_recording(opt.record_to);
        if (die)
            runtime_die_of_signal(die);
    } else {
        runtime_run(cpu);
    }
    return finish(&opt);

fail:
    if (listen_fd >= 0)
        rsp_listen_close(listen_fd);
    free(opt.guest_envp);
    return 1;
}
