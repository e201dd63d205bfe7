// LD_PRELOAD shim: moves the wall clock (CLOCK_REALTIME, gettimeofday, time) by CLOCK_SHIFT_SECONDS and lets it run.
// Used to run the test suites "on another day". Debian's libfaketime does the same but deadlocks workerd at start
// (its dlsym calls malloc while tcmalloc initialises); this shim calls the kernel directly and allocates nothing.
#define _GNU_SOURCE
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static long long shift_seconds(void) {
  static int read_once;
  static long long seconds;
  if (!read_once) {
    const char *text = getenv("CLOCK_SHIFT_SECONDS");
    seconds = text ? strtoll(text, NULL, 10) : 0;
    read_once = 1;
  }
  return seconds;
}

int clock_gettime(clockid_t clock, struct timespec *ts) {
  int rc = (int)syscall(SYS_clock_gettime, clock, ts);
  if (rc == 0 && ts && (clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE)) ts->tv_sec += shift_seconds();
  return rc;
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz) {
  int rc = (int)syscall(SYS_gettimeofday, tv, tz);
  if (rc == 0 && tv) tv->tv_sec += shift_seconds();
  return rc;
}

time_t time(time_t *out) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  if (out) *out = ts.tv_sec;
  return ts.tv_sec;
}

int timespec_get(struct timespec *ts, int base) {
  if (base != TIME_UTC || clock_gettime(CLOCK_REALTIME, ts) != 0) return 0;
  return base;
}
