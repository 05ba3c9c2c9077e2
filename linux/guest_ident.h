/* Who the guest is, as it sees it: its process id and its user and group
 * ids. By default the host's (this process's); a replay of a saved
 * recording in another process puts back the recorded ones, so thread ids
 * (pid + k), signal senders, kill/tgkill to itself and the auxv's AT_UID..
 * are those of the recording. A guest fork child becomes a real new process
 * and takes its own host pid again (guest_ident_after_fork). Every place
 * that means "the guest's pid" asks here, never getpid(). */
#pragma once
#include <stdint.h>
#include <sys/types.h>

struct guest_ident {
    int32_t pid;
    uint32_t uid, euid, gid, egid;
};

/* The ids in force (the host's unless guest_ident_set was called). */
const struct guest_ident *guest_ident(void);
int32_t guest_pid(void);
void guest_ident_set(const struct guest_ident *id);
/* In a guest fork child: the pid is the new process's own again. */
void guest_ident_after_fork(void);
