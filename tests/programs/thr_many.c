/* 200 threads created and joined in waves of 16, so thread slots, stacks
   (glibc's stack cache) and kernel thread ids are reused. Each thread gets its
   own stack size (pthread_attr_setstacksize, 64 KiB .. 176 KiB), checks with
   pthread_getattr_np that it got at least that much, and uses most of it
   (alloca, every page written). All 16 threads of a wave are alive together
   (a barrier with main) when they record gettid() and pthread_self(): those
   must be distinct among live threads and differ from main's. */
#define _GNU_SOURCE
#include <alloca.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define TOTAL 200
#define WAVE 16
#define KIB 1024

static pthread_barrier_t alive;
static long tid[TOTAL];
static pthread_t self[TOTAL];
static size_t want[TOTAL];
static int stack_ok[TOTAL];

static unsigned touch_stack(size_t n, unsigned seed)
{
    volatile unsigned char *p = alloca(n);
    for (size_t i = 0; i < n; i += 4096) p[i] = (unsigned char)(seed + i / 4096);
    unsigned s = 0;
    for (size_t i = 0; i < n; i += 4096) s += p[i];
    return s;
}

static void *worker(void *arg)
{
    int i = (int)(long)arg;
    tid[i] = syscall(SYS_gettid);
    self[i] = pthread_self();
    pthread_attr_t a;
    size_t got = 0;
    if (pthread_getattr_np(pthread_self(), &a) == 0) {
        pthread_attr_getstacksize(&a, &got);
        pthread_attr_destroy(&a);
    }
    stack_ok[i] = got >= want[i];
    unsigned s = touch_stack(want[i] - 24 * KIB, (unsigned)i); /* leave room for frames */
    pthread_barrier_wait(&alive); /* the whole wave is alive here */
    pthread_barrier_wait(&alive); /* main has checked the wave */
    return (void *)(long)s;
}

int main(void)
{
    long main_tid = syscall(SYS_gettid);
    long sum = 0;
    int created = 0, dup_tids = 0, dup_selves = 0, main_clash = 0, stacks_ok = 0;
    for (int base = 0; base < TOTAL; base += WAVE) {
        int n = TOTAL - base < WAVE ? TOTAL - base : WAVE;
        pthread_barrier_init(&alive, NULL, n + 1);
        pthread_t t[WAVE];
        for (int k = 0; k < n; k++) {
            int i = base + k;
            want[i] = 64 * KIB + (size_t)(i % 8) * 16 * KIB;
            pthread_attr_t a;
            pthread_attr_init(&a);
            if (pthread_attr_setstacksize(&a, want[i]) != 0) { printf("setstacksize %zu failed\n", want[i]); return 1; }
            if (pthread_create(&t[k], &a, worker, (void *)(long)i) != 0) { printf("create %d failed\n", i); return 1; }
            pthread_attr_destroy(&a);
            created++;
        }
        pthread_barrier_wait(&alive);
        for (int k = base; k < base + n; k++) {
            main_clash += tid[k] == main_tid || tid[k] == getpid();
            for (int j = base; j < k; j++) {
                dup_tids += tid[j] == tid[k];
                dup_selves += pthread_equal(self[j], self[k]);
            }
        }
        pthread_barrier_wait(&alive);
        for (int k = 0; k < n; k++) {
            void *v;
            pthread_join(t[k], &v);
            sum += (long)v;
            stacks_ok += stack_ok[base + k];
        }
        pthread_barrier_destroy(&alive);
    }
    printf("created and joined %d threads in waves of %d\n", created, WAVE);
    printf("duplicate tids %d, duplicate pthread_t %d, clashes with main %d\n", dup_tids, dup_selves, main_clash);
    printf("stacks at least the size asked %d, stack checksum %ld\n", stacks_ok, sum);
    return 0;
}
