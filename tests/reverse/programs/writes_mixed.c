/* History queries over writes of every kind (gdb_history_queries_mixed.py):
 * `shared` is written by main, by a SIGSEGV handler (after a NULL store
 * the guest catches), by read(2), and by three threads taking turns under
 * a mutex while they compute (so the scheduler switches threads between
 * and around their writes). */
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

volatile unsigned shared;
volatile unsigned neighbour; /* written often, next to shared */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static sigjmp_buf jb;

static void on_segv(int sig)
{
    shared += 100; /* MARK:handler */
    siglongjmp(jb, sig);
}

static void *worker(void *arg)
{
    unsigned id = (unsigned)(unsigned long)arg, x = id;
    for (int i = 0; i < 40; i++) {
        for (int k = 0; k < 3000; k++) {
            x = x * 1103515245u + 12345u;
            neighbour = x;
        }
        pthread_mutex_lock(&lock);
        shared = shared * 3 + id; /* MARK:worker */
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    (void)argc;
    shared = 1; /* MARK:first */
    signal(SIGSEGV, on_segv);
    if (sigsetjmp(jb, 1) == 0)
        *(volatile int *)0 = 1; /* MARK:fault */
    int fd = open(argv[0], O_RDONLY);
    if (read(fd, (void *)&shared, 4) != 4) /* MARK:read */
        return 1;
    close(fd);
    pthread_t t[3];
    for (unsigned long i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, worker, (void *)(i + 1));
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    shared += 7; /* MARK:last */
    printf("%u\n", shared); /* MARK:end */
    return 0;
}
