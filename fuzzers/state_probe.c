/*
 * state_probe.c: the instrumented half of the state probe (state_probe.h):
 * one branch per (feature, bucket), so that each is an edge of its own for
 * libFuzzer's and AFL++'s coverage.  It is built with coverage
 * instrumentation (no HARNESS_COPTS) and listed in bazel/afl_allowlist.txt;
 * optnone keeps every case a block of its own (an optimizer would fold the
 * switch into one table lookup, and the edges with it).  Nothing else here.
 */
#include "state_probe.h"

/* Each case stores its own value: a distinct block, never merged. */
static volatile unsigned int sink;

#define C(f, k)		case k: sink = (f) * SF_BUCKETS + (k); break;
#define C4(f, k)	C(f, k) C(f, k + 1) C(f, k + 2) C(f, k + 3)
#define C16(f, k)	C4(f, k) C4(f, k + 4) C4(f, k + 8) C4(f, k + 12)
#define C64(f)		C16(f, 0) C16(f, 16) C16(f, 32) C16(f, 48)
#define FEATURE(f, cases)	case f: switch (bucket) { cases default: break; } break;

__attribute__((noinline, optnone))
void state_probe_hit(unsigned int feature, unsigned int bucket)
{
	switch (feature) {
	FEATURE(SF_PAGES, C16(SF_PAGES, 0))
	FEATURE(SF_RESERVE, C16(SF_RESERVE, 0))
	FEATURE(SF_FREE_BYTES, C16(SF_FREE_BYTES, 0))
	FEATURE(SF_SLACK, C16(SF_SLACK, 0))
	FEATURE(SF_LARGEST_FREE, C16(SF_LARGEST_FREE, 0))
	FEATURE(SF_NONEMPTY_LISTS, C16(SF_NONEMPTY_LISTS, 0))
	FEATURE(SF_LIVE, C16(SF_LIVE, 0))
	FEATURE(SF_MULTI_BLOCK, C16(SF_MULTI_BLOCK, 0))
	FEATURE(SF_FAULTS_PAGES, C16(SF_FAULTS_PAGES, 0))
	FEATURE(SF_FAULTS_LARGEST, C16(SF_FAULTS_LARGEST, 0) C16(SF_FAULTS_LARGEST, 16))
	FEATURE(SF_RESERVE_LISTS, C64(SF_RESERVE_LISTS))
	FEATURE(SF_MAX_PAGES, C16(SF_MAX_PAGES, 0))
	FEATURE(SF_MAX_MULTI, C16(SF_MAX_MULTI, 0))
	FEATURE(SF_MAX_FAILURES, C16(SF_MAX_FAILURES, 0))
	FEATURE(SF_MAX_REFUSED, C16(SF_MAX_REFUSED, 0))
	default:
		break;
	}
}
