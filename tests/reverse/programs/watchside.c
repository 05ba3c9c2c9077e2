/* Forward watchpoints with side effects right after each watched access
 * (gdb_watch_side.py): every access is followed at once by output written
 * with write(2); the first one also by a file created (argv[1]) and a read
 * of stdin that blocks until the script feeds it. A stop that ran past an
 * access shows in the output, the file, or a session that hangs. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct rec {
    int a;
    short b;
    char c[6];
    long long d;
};

volatile int g;
volatile char bytes[16];
volatile long long wide;
volatile struct rec rec;
int words[8];
char inbuf[8];

static void say(const char *s) { write(1, s, strlen(s)); }

/* One STM of four words at p: a watchpoint on one of them is hit by an
 * instruction that touches the watched range only partly. */
static void store_multiple(int *p)
{
    register int *base asm("r0") = p;
    register int a asm("r1") = 11;
    register int b asm("r2") = 12;
    register int c asm("r3") = 13;
    register int d asm("r4") = 14;
    asm volatile("stmia %0!, {%1, %2, %3, %4}" /* MARK:stm */
                 : "+r"(base)
                 : "r"(a), "r"(b), "r"(c), "r"(d)
                 : "memory");
}

/* One LDM of four words at p. */
static int load_multiple(int *p)
{
    register int *base asm("r0") = p;
    register int a asm("r1");
    register int b asm("r2");
    register int c asm("r3");
    register int d asm("r4");
    asm volatile("ldmia %0!, {%1, %2, %3, %4}" /* MARK:ldm */
                 : "+r"(base), "=r"(a), "=r"(b), "=r"(c), "=r"(d)
                 :
                 : "memory");
    return a + b + c + d;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return 2;
    g = 1; /* MARK:store_g */
    say("after g\n");
    close(open(argv[1], O_CREAT | O_WRONLY | O_TRUNC, 0644));
    int n = (int)read(0, inbuf, sizeof inbuf); /* MARK:read */
    say("after read\n");
    int x = g; /* MARK:load_g */
    say("after load\n");
    bytes[5] = 7; /* MARK:store1 */
    say("after store1\n");
    *(volatile short *)&bytes[6] = 0x1234; /* MARK:store2 */
    say("after store2\n");
    wide = 0x1122334455667788LL; /* MARK:store8 */
    say("after store8\n");
    rec.b = 3; /* MARK:field */
    say("after field\n");
    store_multiple(words);
    say("after stm\n");
    int sum = load_multiple(words);
    say("after ldm\n");
    char line[96];
    snprintf(line, sizeof line, "g=%d x=%d n=%d in=%.*s sum=%d b=%d\n", g, x, n, n > 0 ? n : 0, inbuf, sum, rec.b);
    say(line);
    return 0;
}
