/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_worker - a persistent worker process (src/platform/worker.h) with
 * its deadline, its memory limit, its restart and its memory of files that
 * killed it, driven through tests/tools/worker_probe.c. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmocka.h>

#include "platform/worker.h"

static const WorkerSpec probe = {"vitrine-probe", "the probe", 256, 1500};

static int setup(void **state)
{
    (void)state;
    setenv("VITRINE_PROBE_HELPER", WORKER_PROBE, 1);
    return 0;
}

static void test_echo_and_persist(void **state)
{
    (void)state;
    Worker *w = worker_new(&probe);
    char err[256];
    WorkerReply rp;
    WorkerRequest rq = {.op = 1, .text = "hello", .data = "abc", .len = 3, .max_data = 16};
    assert_true(worker_call(w, &rq, &rp, err, sizeof err));
    assert_string_equal(rp.text, "hello");
    assert_int_equal(rp.len, 3);
    assert_memory_equal(rp.data, "cba", 3);
    int pid = rp.arg[0];
    free(rp.data);
    /* the same process answers the next call */
    assert_true(worker_call(w, &rq, &rp, err, sizeof err));
    assert_int_equal(rp.arg[0], pid);
    assert_int_equal(worker_pid(w), pid);
    free(rp.data);
    worker_free(w);
}

static void test_refusal_keeps_worker(void **state)
{
    (void)state;
    Worker *w = worker_new(&probe);
    char err[256];
    WorkerReply rp;
    WorkerRequest rq = {.op = 5, .text = "page 3 is damaged"};
    assert_false(worker_call(w, &rq, &rp, err, sizeof err));
    assert_string_equal(err, "page 3 is damaged");
    assert_int_equal(rp.op, WIRE_ERR);
    int pid = worker_pid(w);
    assert_true(pid > 0);
    WorkerRequest ok = {.op = 1, .text = "x"};
    assert_true(worker_call(w, &ok, &rp, err, sizeof err));
    assert_int_equal(worker_pid(w), pid);
    worker_free(w);
}

static void test_crash_restart_and_memory(void **state)
{
    (void)state;
    char file[] = "/tmp/vitrine-test-worker-XXXXXX";
    int fd = mkstemp(file);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "bad", 3), 3);
    Worker *w = worker_new(&probe);
    char err[256];
    WorkerReply rp;
    WorkerRequest crash = {.op = 2, .text = file, .file = file};
    assert_false(worker_call(w, &crash, &rp, err, sizeof err));
    assert_non_null(strstr(err, "crashed the probe (signal 11"));
    assert_int_equal(worker_pid(w), 0);
    /* the same file is not tried again: no worker is started for it */
    assert_false(worker_call(w, &crash, &rp, err, sizeof err));
    assert_non_null(strstr(err, "not tried again until the file changes"));
    assert_int_equal(worker_pid(w), 0);
    /* another request starts a new worker */
    WorkerRequest ok = {.op = 1, .text = "x"};
    assert_true(worker_call(w, &ok, &rp, err, sizeof err));
    assert_true(worker_pid(w) > 0);
    /* the file changed: it is tried again (and crashes again) */
    assert_int_equal(write(fd, "worse", 5), 5);
    close(fd);
    assert_false(worker_call(w, &crash, &rp, err, sizeof err));
    assert_non_null(strstr(err, "crashed the probe"));
    unlink(file);
    worker_free(w);
}

static void test_deadline_kills(void **state)
{
    (void)state;
    Worker *w = worker_new(&probe);
    char err[256];
    WorkerReply rp;
    WorkerRequest hang = {.op = 3};
    int64_t t0 = wire_now_ms();
    assert_false(worker_call(w, &hang, &rp, err, sizeof err));
    int64_t took = wire_now_ms() - t0;
    assert_true(took >= 1400 && took < 5000);
    assert_non_null(strstr(err, "took longer than 1.5 s"));
    assert_int_equal(worker_pid(w), 0);
    WorkerRequest ok = {.op = 1, .text = "x"};
    assert_true(worker_call(w, &ok, &rp, err, sizeof err));
    worker_free(w);
}

static void test_memory_limit(void **state)
{
    (void)state;
    Worker *w = worker_new(&probe);
    char err[256];
    WorkerReply rp;
    WorkerRequest small = {.op = 4, .arg = {64}};
    assert_true(worker_call(w, &small, &rp, err, sizeof err));
    WorkerRequest big = {.op = 4, .arg = {1024}}; /* over the 256 MB limit */
    assert_false(worker_call(w, &big, &rp, err, sizeof err));
    assert_int_equal(rp.op, WIRE_ERR_NOMEM);
    assert_string_equal(err, "out of memory");
    worker_free(w);
}

static void test_too_much_data_refused(void **state)
{
    (void)state;
    Worker *w = worker_new(&probe);
    char err[256];
    WorkerReply rp;
    WorkerRequest rq = {.op = 6, .arg = {1 << 20}, .max_data = 1000};
    assert_false(worker_call(w, &rq, &rp, err, sizeof err));
    assert_non_null(strstr(err, "more than was asked for"));
    rq.max_data = 1 << 20;
    assert_true(worker_call(w, &rq, &rp, err, sizeof err));
    assert_int_equal(rp.len, 1 << 20);
    free(rp.data);
    worker_free(w);
}

/* Shared memory: a descriptor passed with a reply, mapped by both sides;
 * what the worker writes later is seen without another byte copied. */
static void test_shared_memory(void **state)
{
    (void)state;
    Worker *w = worker_new(&probe);
    char err[256];
    WorkerReply rp;
    WorkerRequest rq = {.op = 7, .arg = {1 << 20}, .text = "first"};
    assert_true(worker_call(w, &rq, &rp, err, sizeof err));
    assert_true(rp.fd >= 0);
    char *p = mmap(NULL, 1 << 20, PROT_READ, MAP_SHARED, rp.fd, 0);
    assert_true(p != MAP_FAILED);
    assert_string_equal(p, "first");
    int fd = rp.fd;
    rq.text = "second";
    assert_true(worker_call(w, &rq, &rp, err, sizeof err));
    assert_string_equal(p, "second");
    close(rp.fd);
    close(fd);
    munmap(p, 1 << 20);
    /* a reply without one says so, and the old calls work as before */
    WorkerRequest echo = {.op = 1, .text = "x"};
    assert_true(worker_call(w, &echo, &rp, err, sizeof err));
    assert_int_equal(rp.fd, -1);
    assert_string_equal(rp.text, "x");
    free(rp.data);
    worker_free(w);
}

static void test_missing_program(void **state)
{
    (void)state;
    static const WorkerSpec none = {"vitrine-nosuch", "the nothing", 0, 1000};
    Worker *w = worker_thread(&none);
    assert_ptr_equal(w, worker_thread(&none));
    char err[256];
    WorkerReply rp;
    WorkerRequest rq = {.op = 1};
    assert_false(worker_call(w, &rq, &rp, err, sizeof err));
    assert_string_equal(err, "the nothing (vitrine-nosuch) is not installed next to vitrine");
    worker_release_thread();
}

/* A thread that used worker_thread() and ended without releasing it (a
 * hot reload's loader that read a deck's pages): its worker ends with it,
 * so a kiosk that reloads all day does not gather idle processes. */
static void *use_and_exit(void *arg)
{
    Worker *w = worker_thread(&probe);
    char err[256];
    WorkerReply rp;
    WorkerRequest rq = {.op = 1, .text = "x"};
    if (worker_call(w, &rq, &rp, err, sizeof err))
        *(int *)arg = worker_pid(w);
    free(rp.data);
    return NULL;
}

static void test_thread_exit_ends_workers(void **state)
{
    (void)state;
    for (int round = 0; round < 3; round++) {
        int pid = 0;
        pthread_t t;
        assert_int_equal(pthread_create(&t, NULL, use_and_exit, &pid), 0);
        assert_int_equal(pthread_join(t, NULL), 0);
        assert_true(pid > 0);
        /* reaped, not only killed: no such process, not even a zombie */
        assert_int_equal(kill(pid, 0), -1);
        assert_int_equal(errno, ESRCH);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_echo_and_persist),
        cmocka_unit_test(test_thread_exit_ends_workers),
        cmocka_unit_test(test_refusal_keeps_worker),
        cmocka_unit_test(test_crash_restart_and_memory),
        cmocka_unit_test(test_deadline_kills),
        cmocka_unit_test(test_memory_limit),
        cmocka_unit_test(test_too_much_data_refused),
        cmocka_unit_test(test_shared_memory),
        cmocka_unit_test(test_missing_program),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
