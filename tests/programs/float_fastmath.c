/* float_edges.c built with -ffast-math: on armhf the startup code
 * (crtfastmath.o) sets FPSCR.FZ, so denormal inputs and results are flushed
 * to zero for the whole run, and the compiler may reorder and contract. */
// CFLAGS: -ffast-math
#include "float_edges.c"
