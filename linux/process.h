/* What the guest's "kernel" knows about the one guest process: its memory
 * layout (brk, stack), its TLS register, how it ended, and how to tell the
 * translator that code bytes changed. Owned by linux/; the translator reads it. */
#pragma once
#include <stdbool.h>
#include <stdint.h>

#include "linux/guest_sigstate.h"

struct linux_proc {
    /* Set by the loader. */
    uint32_t entry;       /* first guest PC (bit 0 set: Thumb) */
    uint32_t initial_sp;  /* guest sp at entry, pointing at argc */
    uint32_t start_data;  /* qemu-arm puts this in r10 at entry; we mirror it */
    uint32_t brk_start, brk_cur;
    uint32_t auxv_addr, auxv_len; /* the auxv as placed on the guest stack */
    uint32_t arg_start, arg_end;  /* the argv strings on the guest stack */
    uint32_t load_bias;   /* static-PIE / ET_DYN load offset, 0 for ET_EXEC */
    const char *exe_path; /* as given on the command line */
    uint32_t sigpage;     /* one r-x page (zeros) reserved for signal-return
                           * trampolines, allocated where qemu-arm 7.2 puts its
                           * sigtramp page so later mmap results match its traces */

    /* -L, for running the loader's interpreter and for execve of ARM programs. */
    const char *sysroot;

    /* The guest's sp at the SVC being served (sigaltstack's EPERM and
     * SS_ONSTACK depend on it); set by the runtime. */
    uint32_t syscall_sp;

    /* Set in a clone() child that asked for a new stack; the runtime moves it
     * into sp after the syscall and clears it. */
    uint32_t clone_child_sp;

    /* TPIDRURO, written by the ARM private set_tls syscall. */
    uint32_t tls;

    /* Dispositions, mask, pending set, alternate stack (linux/sys_signal.h).
     * Part of the state history restores. */
    struct guest_sigstate sig;

    /* Set by the recorder when the debugger interrupted a blocking syscall
     * before it did anything, or when a watched access before the syscall
     * means it must not run (the runtime then stops, the SVC counted). */
    bool syscall_interrupted;
    /* Set by the recorder after a syscall whose effect the debugger must see
     * before the guest goes on (the kernel wrote a watched range): the
     * runtime stops right after the SVC. */
    bool syscall_stop;
    /* Set by the syscall layer when the calling thread parked (its syscall
     * would block while other threads can run: linux/thread_park.c). */
    bool syscall_parked;

    /* Set by exit/exit_group (exit_status) or by a fatal signal (fatal_signal). */
    bool exited;
    int exit_status;
    int fatal_signal;

    /* Called when guest code bytes in [start, start+len) may have changed
     * (cacheflush, munmap, mprotect, mremap); set by the translator. */
    void (*invalidate_code)(void *ctx, uint32_t start, uint32_t len);
    void *invalidate_ctx;
};

/* The single guest process. */
extern struct linux_proc guest_proc;
