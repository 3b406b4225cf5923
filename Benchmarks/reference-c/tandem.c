/* A hand-written C event loop of the reference workload ("front door tandem"), the yardstick
 * frontdoor's engine is timed against. Same model, same measures, GSL mt19937 streams; no
 * scenario file, no generality. Build: cc -O2 -o tandem tandem.c $(pkg-config --cflags --libs gsl)
 * Run: ./tandem REPLICATIONS   (prints events, seconds and mean stage waits) */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct { double time; unsigned long seq; int kind; int entity; } event;
enum { ARRIVAL = -1 };

static event *heap; static int heap_n, heap_cap; static unsigned long seq;
static int before(const event *a, const event *b) { return a->time < b->time || (a->time == b->time && a->seq < b->seq); }
static void push(double t, int kind, int entity) {
    if (heap_n == heap_cap) { heap_cap = heap_cap ? 2 * heap_cap : 64; heap = realloc(heap, heap_cap * sizeof *heap); }
    event e = { t, seq++, kind, entity }; int i = heap_n++;
    while (i > 0) { int p = (i - 1) / 2; if (!before(&e, &heap[p])) break; heap[i] = heap[p]; i = p; }
    heap[i] = e;
}
static event pop(void) {
    event top = heap[0], last = heap[--heap_n]; int i = 0;
    for (;;) { int c = 2 * i + 1; if (c >= heap_n) break; if (c + 1 < heap_n && before(&heap[c + 1], &heap[c])) c++;
        if (!before(&heap[c], &last)) break; heap[i] = heap[c]; i = c; }
    if (heap_n > 0) heap[i] = last;
    return top;
}

/* Per entity: time it joined its current queue. Queues are FIFO rings of entity numbers. */
#define MAXE (1 << 16)
static double joined[MAXE]; static double wait_of[MAXE]; static int free_list[MAXE], free_n, next_entity;
typedef struct { int servers, busy, ring[MAXE], head, count; long done; double wait, busy_area, last; } stage;
static stage st[3];
static gsl_rng *r_arr, *r_route, *r_svc[3];
static long events;

static double service(int s) {
    if (s == 0) return gsl_ran_exponential(r_svc[0], 0.5);
    if (s == 1) { double s2 = log1p(0.25), z = log(2.0) - s2 / 2; return gsl_ran_lognormal(r_svc[1], z, sqrt(s2)); }
    return gsl_ran_exponential(r_svc[2], 0.25);
}
static void busy_change(int s, double now, int delta) { st[s].busy_area += st[s].busy * (now - st[s].last); st[s].last = now; st[s].busy += delta; }
static void start(int s, int e, double now) { events++; wait_of[e] = now - joined[e]; push(now + service(s), s, e); }
static void enter(int s, int e, double now) {
    joined[e] = now;
    if (st[s].busy < st[s].servers) { busy_change(s, now, +1); start(s, e, now); }
    else { st[s].ring[(st[s].head + st[s].count++) & (MAXE - 1)] = e; }
}

int main(int argc, char **argv) {
    int reps = argc > 1 ? atoi(argv[1]) : 100; const double T = 8760;
    struct timespec t0, t1; clock_gettime(CLOCK_MONOTONIC, &t0);
    double wait_sum[3] = {0};
    for (int rep = 0; rep < reps; rep++) {
        r_arr = gsl_rng_alloc(gsl_rng_mt19937); r_route = gsl_rng_alloc(gsl_rng_mt19937);
        gsl_rng_set(r_arr, 1000 + 8 * rep); gsl_rng_set(r_route, 1001 + 8 * rep);
        for (int s = 0; s < 3; s++) { r_svc[s] = gsl_rng_alloc(gsl_rng_mt19937); gsl_rng_set(r_svc[s], 1002 + 8 * rep + s); }
        int servers[3] = {6, 4, 2};
        for (int s = 0; s < 3; s++) { st[s].servers = servers[s]; st[s].busy = st[s].head = st[s].count = 0; st[s].done = 0; st[s].wait = st[s].busy_area = st[s].last = 0; }
        heap_n = 0; seq = 0; free_n = 0; next_entity = 0;
        push(gsl_ran_exponential(r_arr, 1 / 3.125), ARRIVAL, 0);
        while (heap_n > 0 && heap[0].time <= T) {
            event ev = pop(); double now = ev.time;
            events++;
            if (ev.kind == ARRIVAL) {
                push(now + gsl_ran_exponential(r_arr, 1 / 3.125), ARRIVAL, 0);
                int e = free_n ? free_list[--free_n] : next_entity++;
                enter(0, e, now);
            } else {
                int s = ev.kind, e = ev.entity;
                st[s].done++; st[s].wait += wait_of[e];
                if (st[s].count) { int n = st[s].ring[st[s].head]; st[s].head = (st[s].head + 1) & (MAXE - 1); st[s].count--; start(s, n, now); }
                else busy_change(s, now, -1);
                if (s == 0) enter(gsl_rng_uniform(r_route) < 0.4 ? 1 : 2, e, now);
                else if (s == 1) enter(2, e, now);
                else free_list[free_n++] = e;
            }
        }
        for (int s = 0; s < 3; s++) { busy_change(s, T, 0); wait_sum[s] += st[s].wait / st[s].done; }
        gsl_rng_free(r_arr); gsl_rng_free(r_route); for (int s = 0; s < 3; s++) gsl_rng_free(r_svc[s]);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("{\"events\": %ld, \"wall_seconds\": %.4f, \"triage_wait\": %.6g, \"mash_wait\": %.6g, \"decision_wait\": %.6g}\n",
           events, secs, wait_sum[0] / reps, wait_sum[1] / reps, wait_sum[2] / reps);
    return 0;
}
