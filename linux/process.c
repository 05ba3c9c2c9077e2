/* The one guest process's state (see process.h); zero until linux_load fills it. */
#include "linux/process.h"

struct linux_proc guest_proc;
