/* A small bytecode interpreter (stack VM with a dispatch switch) running loops and calls. */
#include <stdio.h>
#include <string.h>

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, DIV, MOD, LT, JZ, JMP, CALL, RET, PRINT, HALT, DUP, DROP };
struct vm { int stack[256]; int sp; int vars[16]; int rstack[64]; int rsp; long steps; };

static int run(struct vm *vm, const int *code, int pc)
{

    for (;;) {
        vm->steps++;
        int op = code[pc++];
        switch (op) {
        case PUSH: vm->stack[vm->sp++] = code[pc++]; break;
        case LOAD: vm->stack[vm->sp++] = vm->vars[code[pc++]]; break;
        case STORE: vm->vars[code[pc++]] = vm->stack[--vm->sp]; break;
        case ADD: vm->sp--; vm->stack[vm->sp - 1] += vm->stack[vm->sp]; break;
        case SUB: vm->sp--; vm->stack[vm->sp - 1] -= vm->stack[vm->sp]; break;
        case MUL: vm->sp--; vm->stack[vm->sp - 1] *= vm->stack[vm->sp]; break;
        case DIV: vm->sp--; vm->stack[vm->sp - 1] /= vm->stack[vm->sp]; break;
        case MOD: vm->sp--; vm->stack[vm->sp - 1] %= vm->stack[vm->sp]; break;
        case LT: vm->sp--; vm->stack[vm->sp - 1] = vm->stack[vm->sp - 1] < vm->stack[vm->sp]; break;
        case JZ: { int t = code[pc++]; if (!vm->stack[--vm->sp]) pc = t; break; }
        case JMP: pc = code[pc]; break;
        case CALL: vm->rstack[vm->rsp++] = pc + 1; pc = code[pc]; break;
        case RET: pc = vm->rstack[--vm->rsp]; break;
        case PRINT: printf("vm: %d\n", vm->stack[--vm->sp]); break;
        case DUP: vm->stack[vm->sp] = vm->stack[vm->sp - 1]; vm->sp++; break;
        case DROP: vm->sp--; break;
        case HALT: return vm->sp;
        default: printf("bad op %d\n", op); return -1;
        }
    }
}

static int prog[512], np;
static void e1(int op) { prog[np++] = op; }
static void e2(int op, int arg) { prog[np++] = op; prog[np++] = arg; }
static int hole(int op) { prog[np++] = op; prog[np++] = -1; return np - 1; }

int main(void)
{
    /* for (i = 1; i < 3000; i++) acc += collatz_steps(i); print acc, i
       v0 = i, v1 = acc, v2 = n, v3 = steps */
    e2(PUSH, 1); e2(STORE, 0); e2(PUSH, 0); e2(STORE, 1);
    int loop = np;
    e2(LOAD, 0); e2(PUSH, 3000); e1(LT);
    int exit_hole = hole(JZ);
    e2(LOAD, 0);
    int call_hole = hole(CALL);
    e2(LOAD, 1); e1(ADD); e2(STORE, 1);
    e2(LOAD, 0); e2(PUSH, 1); e1(ADD); e2(STORE, 0);
    e2(JMP, loop);
    prog[exit_hole] = np;
    e2(LOAD, 1); e1(PRINT); e2(LOAD, 0); e1(PRINT); e1(HALT);
    /* collatz: n on the stack -> steps on the stack */
    prog[call_hole] = np;
    e2(STORE, 2); e2(PUSH, 0); e2(STORE, 3);
    int top = np;
    e2(PUSH, 1); e2(LOAD, 2); e1(LT);
    int done_hole = hole(JZ);
    e2(LOAD, 3); e2(PUSH, 1); e1(ADD); e2(STORE, 3);
    e2(LOAD, 2); e2(PUSH, 2); e1(MOD);
    int even_hole = hole(JZ);
    e2(LOAD, 2); e2(PUSH, 3); e1(MUL); e2(PUSH, 1); e1(ADD); e2(STORE, 2); e2(JMP, top);
    prog[even_hole] = np;
    e2(LOAD, 2); e2(PUSH, 2); e1(DIV); e2(STORE, 2); e2(JMP, top);
    prog[done_hole] = np;
    e2(LOAD, 3); e1(DUP); e1(DROP); e1(RET);
    /* second program: factorials mod a prime and a countdown, with SUB */
    int second = np;
    e2(PUSH, 1); e2(STORE, 5); e2(PUSH, 20); e2(STORE, 4);
    int l2 = np;
    e2(PUSH, 0); e2(LOAD, 4); e1(LT);
    int h2 = hole(JZ);
    e2(LOAD, 5); e2(LOAD, 4); e1(MUL); e2(PUSH, 1000003); e1(MOD); e2(STORE, 5);
    e2(LOAD, 5); e1(PRINT);
    e2(LOAD, 4); e2(PUSH, 1); e1(SUB); e2(STORE, 4); e2(JMP, l2);
    prog[h2] = np;
    e1(HALT);

    struct vm vm;
    memset(&vm, 0, sizeof vm);
    int r = run(&vm, prog, 0);
    printf("halt sp=%d steps=%ld\n", r, vm.steps);
    memset(&vm, 0, sizeof vm);
    r = run(&vm, prog, second);
    printf("halt sp=%d steps=%ld\n", r, vm.steps);
    return 0;
}
