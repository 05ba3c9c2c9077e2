/* A 32-bit Thumb instruction (a BL pair) whose two halfwords lie on two
 * pages: it runs; rewriting only its second halfword (on the second page)
 * and flushing only that page retargets it; and with the second page made
 * non-executable or unmapped, the call dies of SIGSEGV (each in a child,
 * which the parent reports). Code is written as Thumb halfwords (ARM ARM
 * A6.7.18 BL: hw1 = 11110 S imm10, hw2 = 11 J1 1 J2 imm11; here S = 0,
 * J1 = J2 = 1 for small forward offsets). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096

static uint16_t *code;

/* BL at halfword index at to halfword index target (both in code[]). */
static void put_bl(unsigned at, unsigned target)
{
    int32_t off = (int32_t)(target - (at + 2)) * 2; /* from the BL's address + 4 */
    code[at] = (uint16_t)(0xf000 | ((off >> 12) & 0x3ff));
    code[at + 1] = (uint16_t)(0xf800 | ((off >> 1) & 0x7ff));
}

static int call(void)
{
    int (*f)(void) = (int (*)(void))((uintptr_t)&code[PAGE / 2 - 4] | 1);
    return f();
}

static void child(const char *what, int how)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (how == 0)
            mprotect((char *)code + PAGE, PAGE, PROT_READ);
        else
            munmap((char *)code + PAGE, PAGE);
        printf("child returned %d\n", call());
        exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    if (WIFSIGNALED(st))
        printf("%s: child killed by signal %d\n", what, WTERMSIG(st));
    else
        printf("%s: child exited %d\n", what, WEXITSTATUS(st));
}

int main(void)
{
    code = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED)
        return 1;
    unsigned p2 = PAGE / 2; /* halfword index of the second page */
    code[p2 - 4] = 0xb500; /* push {lr} */
    code[p2 - 3] = 0x2001; /* movs r0, #1 */
    code[p2 - 2] = 0x46c0; /* nop (mov r8, r8) */
    put_bl(p2 - 1, p2 + 0x80); /* the pair straddles the page boundary */
    code[p2 + 1] = 0xbd00;     /* pop {pc} */
    code[p2 + 0x80] = 0x3029;  /* adds r0, #41 */
    code[p2 + 0x81] = 0x4770;  /* bx lr */
    code[p2 + 0x100] = 0x3063; /* adds r0, #99 */
    code[p2 + 0x101] = 0x4770; /* bx lr */
    __builtin___clear_cache((char *)code, (char *)code + 2 * PAGE);
    printf("straddling bl: %d\n", call());

    /* Retarget: only the second halfword changes (same high offset bits). */
    uint16_t first = code[p2 - 1];
    put_bl(p2 - 1, p2 + 0x100);
    if (code[p2 - 1] != first)
        return 2;
    __builtin___clear_cache((char *)code + PAGE, (char *)code + PAGE + 2);
    printf("after rewriting the second halfword: %d\n", call());

    child("second page not executable", 0);
    child("second page unmapped", 1);
    return 0;
}
