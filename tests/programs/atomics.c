/* Atomic builtins (on ARMv5 these go through the kernel user helpers at 0xffff0fc0),
   and TLS via __thread (kernel helper __kuser_get_tls on ARMv5). */
#include <stdio.h>
#include <stdint.h>

static int counter;
static long long wide;
static __thread int tls_counter = 5;

int main(void)
{
    for (int i = 0; i < 1000; i++) __sync_fetch_and_add(&counter, 3);
    int old = __sync_val_compare_and_swap(&counter, 3000, 42);
    int fail = __sync_bool_compare_and_swap(&counter, 3000, 7);
    printf("counter %d old %d second cas %d\n", counter, old, fail);
    __atomic_store_n(&counter, 10, __ATOMIC_SEQ_CST);
    int expected = 10;
    int ok = __atomic_compare_exchange_n(&counter, &expected, 20, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
    printf("cas ok %d now %d exchange returned %d\n", ok, counter, __atomic_exchange_n(&counter, 99, __ATOMIC_SEQ_CST));
    printf("or %d and %d xor %d sub %d\n", __sync_or_and_fetch(&counter, 0x100), __sync_and_and_fetch(&counter, 0x1ff),
           __sync_xor_and_fetch(&counter, 0xf), __sync_sub_and_fetch(&counter, 1));
    for (int i = 0; i < 100; i++) __sync_fetch_and_add(&wide, 1LL << 33); /* __kuser_cmpxchg64 */
    printf("wide %lld cas64 %d\n", wide, __sync_bool_compare_and_swap(&wide, 100LL << 33, -1LL));
    __sync_synchronize();
    for (int i = 0; i < 10; i++) tls_counter += i;
    printf("tls %d\n", tls_counter);
    return 0;
}
