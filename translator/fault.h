/* Host SIGSEGV/SIGBUS caused by a guest access become the guest's fatal
 * SIGSEGV/SIGBUS; anything else is a bug of backstep and crashes as such. */
#pragma once
void fault_init(void);
