/* Structs passed and returned by value (small, odd-sized, large), and bitfields. */
#include <stdio.h>
#include <string.h>

struct small { char c; short s; };
struct pair { int a, b; };
struct odd { char b[7]; };
struct mixed { char c; double d; int i; long long ll; };
struct big { int v[40]; char tag[16]; };
struct flags {
    unsigned a : 1, b : 3, c : 5, d : 7;
    signed e : 4;
    unsigned f : 12;
    unsigned long long g : 40;
};

static struct small mk_small(char c, short s) { struct small r = {c, s}; return r; }
static struct pair swap(struct pair p) { struct pair r = {p.b, p.a}; return r; }
static struct odd rev(struct odd o) { struct odd r; for (int i = 0; i < 7; i++) r.b[i] = o.b[6 - i]; return r; }
static struct mixed scale(struct mixed m, int k) { m.c += (char)k; m.d *= k; m.i *= k; m.ll *= k; return m; }
static struct big bump(struct big b) { for (int i = 0; i < 40; i++) b.v[i] += i; strcpy(b.tag, "bumped"); return b; }
static long sum_big(struct big b) { long s = 0; for (int i = 0; i < 40; i++) s += b.v[i]; return s; }
static int many(struct pair a, struct small b, struct pair c, int d, struct mixed e)
{ return a.a + a.b + b.c + b.s + c.a * c.b + d + e.i + (int)e.d; }

int main(void)
{
    struct small s = mk_small('x', -300);
    printf("small %c %d size %zu\n", s.c, s.s, sizeof s);
    struct pair p = swap((struct pair){1, 2});
    printf("pair %d %d\n", p.a, p.b);
    struct odd o = {"abcdefg"};
    o = rev(o);
    printf("odd %.7s size %zu\n", o.b, sizeof o);
    struct mixed m = scale((struct mixed){'a', 1.25, 7, 1LL << 33}, 3);
    printf("mixed %c %.2f %d %lld size %zu\n", m.c, m.d, m.i, m.ll, sizeof m);
    struct big b;
    for (int i = 0; i < 40; i++) b.v[i] = i * i;
    strcpy(b.tag, "orig");
    struct big b2 = bump(b);
    printf("big %ld %ld %s %s\n", sum_big(b), sum_big(b2), b.tag, b2.tag);
    printf("many %d\n", many((struct pair){3, 4}, s, (struct pair){5, 6}, 7, m));

    struct flags f;
    memset(&f, 0, sizeof f);
    unsigned long long acc = 0;
    for (int i = 0; i < 300; i++) {
        f.a = i; f.b = i * 3; f.c += i; f.d ^= i * 5; f.e = i - 8; f.f = i * 77; f.g += 0x123456789ULL * i;
        acc = acc * 31 + f.a + f.b + f.c + f.d + (unsigned)f.e + f.f + f.g;
    }
    printf("bitfields a=%u b=%u c=%u d=%u e=%d f=%u g=%llx acc=%llx size=%zu\n",
           f.a, f.b, f.c, f.d, f.e, f.f, (unsigned long long)f.g, acc, sizeof f);
    unsigned char raw[sizeof f];
    memcpy(raw, &f, sizeof f);
    for (size_t i = 0; i < sizeof f; i++) printf("%02x", raw[i]);
    printf("\n");
    return 0;
}
