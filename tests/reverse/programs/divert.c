/* For gdb_diversions.py: functions gdb calls (pure, writing a global,
 * making a syscall), a global the script writes, MARK lines. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int g = 1;
int calls;

int pure(int x) { return x * x + 3; }

int bump(void)
{
    calls++;
    g += 100;
    return g;
}

int say(void) { return (int)write(1, "said\n", 5); }

int main(void)
{
    int acc = 0;
    for (int i = 0; i < 20; i++)
        acc += pure(i); /* MARK:loop */
    g += acc % 7;
    acc += pure(acc % 5); /* MARK:before_end */
    g -= 1; /* MARK:end */
    printf("acc %d\n", acc);
    printf("g %d calls %d\n", g, calls);
    return 0;
}
