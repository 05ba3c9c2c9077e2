/* Eight threads at once: a bounded producer/consumer queue under one mutex and
   two condition variables (4 producers, 4 consumers, poison items to stop),
   a shared counter bumped with __atomic_fetch_add and a C11 atomic_fetch_add
   (on armel these are libgcc calls into the kernel's cmpxchg helper, so a
   thread switch inside them must not lose an update), __thread variables that
   each thread sees as its own, and pthread_barrier_wait rounds (exactly one
   PTHREAD_BARRIER_SERIAL_THREAD per round). Only order-independent results
   (sums, counts, per-thread values) are printed, and only after the joins. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define NT 8
#define NPROD 4
#define ITEMS 3000 /* per producer */
#define QCAP 8
#define ROUNDS 6

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static int queue[QCAP], qhead, qlen;

static int counter_gnu;          /* __atomic builtins */
static atomic_int counter_c11;   /* <stdatomic.h> */
static atomic_int serial_count[ROUNDS];
static pthread_barrier_t barrier;
static int slot[ROUNDS][NT];

static __thread int tls_id = -1;
static __thread long tls_acc = 7; /* initialised TLS: every thread starts at 7 */

static long consumed_sum[NT], consumed_n[NT];
static long tls_final[NT];
static long round_sum[NT][ROUNDS];
static int tls_id_ok[NT];

static void put(int v)
{
    pthread_mutex_lock(&mu);
    while (qlen == QCAP) pthread_cond_wait(&not_full, &mu);
    queue[(qhead + qlen) % QCAP] = v;
    qlen++;
    pthread_cond_signal(&not_empty);
    pthread_mutex_unlock(&mu);
}

static int get(void)
{
    pthread_mutex_lock(&mu);
    while (qlen == 0) pthread_cond_wait(&not_empty, &mu);
    int v = queue[qhead];
    qhead = (qhead + 1) % QCAP;
    qlen--;
    pthread_cond_signal(&not_full);
    pthread_mutex_unlock(&mu);
    return v;
}

static void barrier_rounds(int id)
{
    for (int r = 0; r < ROUNDS; r++) {
        slot[r][id] = (id + 1) * (r + 3);
        if (pthread_barrier_wait(&barrier) == PTHREAD_BARRIER_SERIAL_THREAD)
            atomic_fetch_add(&serial_count[r], 1);
        long s = 0; /* every slot of this round is written once all have arrived */
        for (int j = 0; j < NT; j++) s += slot[r][j];
        round_sum[id][r] = s;
    }
}

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    tls_id = id;
    for (int i = 0; i < 20000; i++) { /* several of backstep's 100000-instruction slices */
        __atomic_fetch_add(&counter_gnu, 1, __ATOMIC_SEQ_CST);
        atomic_fetch_add(&counter_c11, 2);
        tls_acc += i % (id + 2);
    }
    if (id < NPROD) {
        for (int i = 1; i <= ITEMS; i++) put(id * 100000 + i);
        put(-1); /* one poison item per producer: stops exactly one consumer */
    } else {
        for (;;) {
            int v = get();
            if (v < 0) break;
            consumed_sum[id] += v;
            consumed_n[id]++;
            tls_acc += 1;
        }
    }
    barrier_rounds(id);
    tls_id_ok[id] = (tls_id == id);
    tls_final[id] = tls_acc - consumed_n[id]; /* independent of who consumed what */
    return NULL;
}

int main(void)
{
    pthread_t t[NT];
    pthread_barrier_init(&barrier, NULL, NT);
    tls_id = 99;
    for (long i = 0; i < NT; i++)
        if (pthread_create(&t[i], NULL, worker, (void *)i) != 0) { puts("create failed"); return 1; }
    for (int i = 0; i < NT; i++) pthread_join(t[i], NULL);
    pthread_barrier_destroy(&barrier);

    long sum = 0, n = 0;
    for (int i = 0; i < NT; i++) { sum += consumed_sum[i]; n += consumed_n[i]; }
    printf("queue: consumed %ld items, sum %ld, left %d\n", n, sum, qlen);
    printf("atomics: gnu %d c11 %d\n", counter_gnu, atomic_load(&counter_c11));
    printf("main tls: id %d acc %ld\n", tls_id, tls_acc);
    for (int i = 0; i < NT; i++) {
        printf("thread %d: tls id ok %d acc %ld rounds", i, tls_id_ok[i], tls_final[i]);
        for (int r = 0; r < ROUNDS; r++) printf(" %ld", round_sum[i][r]);
        printf("\n");
    }
    printf("serial threads per round:");
    for (int r = 0; r < ROUNDS; r++) printf(" %d", atomic_load(&serial_count[r]));
    printf("\n");
    return 0;
}
