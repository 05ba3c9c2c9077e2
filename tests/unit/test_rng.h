/* The unit tests' fixed-seed pseudo-random numbers (xorshift64*): set
 * rng_state to the seed, then rnd() / below(n). Header-only: each test
 * program has its own state. */
#pragma once
#include <stdint.h>

static uint64_t rng_state;

static inline uint32_t rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 2685821657736338717ull) >> 32);
}

/* Uniform enough in [0, n) for tests; 0 when n is 0. */
static inline uint32_t below(uint32_t n) { return n ? rnd() % n : 0; }
