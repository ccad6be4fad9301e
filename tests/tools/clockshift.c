/* SPDX-License-Identifier: GPL-3.0-or-later */
/* clockshift: an LD_PRELOAD library for tests that moves CLOCK_REALTIME (only) by the number
 * of seconds written in the file named by $SUNDIAL_CLOCK_SHIFT_FILE. It stands in for a child
 * changing the system clock, which a test must not do to the machine it runs on. Monotonic
 * and boot-time clocks are left alone, as a real clock change leaves them. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef int (*clock_gettime_fn)(clockid_t, struct timespec *);

static long shift_seconds(void)
{
    const char *path = getenv("SUNDIAL_CLOCK_SHIFT_FILE");
    long shift = 0;
    FILE *file = path ? fopen(path, "re") : NULL;
    if (file) {
        if (fscanf(file, "%ld", &shift) != 1) {
            shift = 0;
        }
        fclose(file);
    }
    return shift;
}

int clock_gettime(clockid_t clock, struct timespec *now)
{
    static clock_gettime_fn real = NULL;
    if (!real) {
        real = (clock_gettime_fn)dlsym(RTLD_NEXT, "clock_gettime");
    }
    const int result = real(clock, now);
    if (result == 0 && (clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE)) {
        now->tv_sec += shift_seconds();
    }
    return result;
}

/* The kernel's NTP state as adjtimex() reports it (modes 0: read only). With
 * $SUNDIAL_CLOCK_NTP_FILE naming a file, "synced" in it clears STA_UNSYNC and anything else
 * sets it, standing in for timesyncd synchronising the clock. */
#include <sys/timex.h>

typedef int (*adjtimex_fn)(struct timex *);

int adjtimex(struct timex *buffer)
{
    static adjtimex_fn real = NULL;
    if (!real) {
        real = (adjtimex_fn)dlsym(RTLD_NEXT, "adjtimex");
    }
    const int result = real(buffer);
    const char *path = getenv("SUNDIAL_CLOCK_NTP_FILE");
    FILE *file = path ? fopen(path, "re") : NULL;
    if (file) {
        char state[16] = "";
        const int read = fscanf(file, "%15s", state);
        fclose(file);
        if (read == 1 && state[0] == 's') {
            buffer->status &= ~STA_UNSYNC;
            return TIME_OK;
        }
        buffer->status |= STA_UNSYNC;
        return TIME_ERROR;
    }
    return result;
}
