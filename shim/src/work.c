/*
 * work.c: deferred work (a FIFO of pending works the harness runs), the
 * shrinkers registered, and debugobjects' rule over both: memory that
 * holds a pending work or a registered shrinker must not be freed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static struct shim_work *works;		/* pending, oldest first */
static struct shim_shrinker *shrinkers;	/* registered */

void shim_work_init(struct shim_work *work, void (*run)(struct shim_work *work))
{
	work->next = NULL;
	work->run = run;
	work->site = NULL;
	work->pending = false;
}

bool shim_work_queue(struct shim_work *work, const char *site)
{
	struct shim_work **pp;

	if (!work->run)
		shim_check_failed("shim.work.uninitialised", "schedule_work of a work never initialised", site,
				  "INIT_WORK() was not called on this work");
	if (work->pending)
		return false;
	shim_table_lock();
	for (pp = &works; *pp; pp = &(*pp)->next)
		;
	work->next = NULL;
	work->pending = true;
	work->site = site;
	*pp = work;
	shim_table_unlock();
	return true;
}

/* Unlinks the oldest pending work, or work if not NULL; NULL if none. */
static struct shim_work *dequeue(struct shim_work *work)
{
	struct shim_work **pp;

	shim_table_lock();
	for (pp = &works; *pp && work && *pp != work; pp = &(*pp)->next)
		;
	work = *pp;
	if (work) {
		*pp = work->next;
		work->next = NULL;
		work->pending = false;	/* cleared before it runs: it may queue itself again */
	}
	shim_table_unlock();
	return work;
}

/* A worker runs it in process context: preemptible, nothing held. */
static void run(struct shim_work *work)
{
	int preempt = shim_preempt_count();

	shim_sleep_point(work->site);
	work->run(work);
	if (shim_preempt_count() != preempt || shim_pagefault_disabled())
		shim_check_failed("shim.work.leaked-context", "a work returned in atomic context",
				  work->site, "preempt count %d after the work, %d before; pagefault-disable depth %d",
				  shim_preempt_count(), preempt, shim_pagefault_disabled());
}

bool shim_work_flush(struct shim_work *work, const char *site)
{
	shim_sleep_point(site);		/* flush_work() waits */
	if (!work->pending)
		return false;
	run(dequeue(work));
	return true;
}

unsigned int shim_works_run(void)
{
	struct shim_work *work;
	unsigned int n = 0;

	while ((work = dequeue(NULL))) {
		run(work);
		n++;
	}
	return n;
}

unsigned int shim_works_pending(void)
{
	struct shim_work *work;
	unsigned int n = 0;

	shim_table_lock();
	for (work = works; work; work = work->next)
		n++;
	shim_table_unlock();
	return n;
}

void shim_shrinker_name(struct shim_shrinker *s, const char *fmt, va_list ap)
{
	char name[128];

	vsnprintf(name, sizeof(name), fmt, ap);
	free(s->name);
	if (!(s->name = strdup(name)))
		abort();
}

void shim_shrinker_register(struct shim_shrinker *s, const char *site)
{
	shim_sleep_point(site);		/* register_shrinker() takes a rwsem */
	if (s->registered)
		shim_check_failed("shim.shrinker.twice", "a shrinker registered twice", site,
				  "%s is registered already", s->name);
	if (!s->name && !(s->name = strdup("?")))
		abort();
	shim_table_lock();
	s->registered = true;
	s->next = shrinkers;
	shrinkers = s;
	shim_table_unlock();
}

void shim_shrinker_unregister(struct shim_shrinker *s, const char *site)
{
	struct shim_shrinker **pp;

	shim_sleep_point(site);
	if (s->registered) {	/* else never registered: vmscan.c checks SHRINKER_REGISTERED */
		shim_table_lock();
		for (pp = &shrinkers; *pp != s; pp = &(*pp)->next)
			;
		*pp = s->next;
		s->registered = false;
		shim_table_unlock();
	}
	free(s->name);
	s->name = NULL;
}

struct shim_shrinker *shim_shrinker_find(const char *name)
{
	struct shim_shrinker *s;

	shim_table_lock();
	for (s = shrinkers; s && strcmp(s->name, name); s = s->next)
		;
	shim_table_unlock();
	return s;
}

/* debugobjects: freeing [obj, obj + size) while it holds an active object.  Under shim_lock. */
void shim_debug_objects_free(const void *obj, size_t size, const char *site)
{
	const char *o = obj;
	struct shim_work *w;
	struct shim_shrinker *s;

	for (w = works; w; w = w->next)
		if ((const char *)w >= o && (const char *)w < o + size)
			shim_check_failed("shim.debugobj.free-active", "memory freed while it holds a pending work",
					  site, "ODEBUG: free active object: the work queued at %s is %zu bytes in",
					  w->site ? w->site : "?", (size_t)((const char *)w - o));
	for (s = shrinkers; s; s = s->next)
		if ((const char *)s >= o && (const char *)s < o + size)
			shim_check_failed("shim.debugobj.free-active", "memory freed while it holds a registered shrinker",
					  site, "shrinker %s is %zu bytes in", s->name,
					  (size_t)((const char *)s - o));
}

void shim_works_teardown(void)
{
	if (works)
		shim_check_failed("shim.leak.work", "work still pending at teardown", NULL,
				  "%u work(s) pending, the oldest queued at %s", shim_works_pending(),
				  works->site ? works->site : "?");
	if (shrinkers)
		shim_check_failed("shim.leak.shrinker", "shrinker still registered at teardown", NULL,
				  "shrinker %s", shrinkers->name);
}

void shim_works_reset(void)
{
	struct shim_shrinker *s;

	works = NULL;
	while ((s = shrinkers)) {
		shrinkers = s->next;
		free(s->name);
	}
}

/* Modules: what module_init()/module_exit() registered, and whether each is loaded. */
#define MODULES	8
static struct module {
	const char *name;
	int (*init)(void);
	void (*exit)(void);
	bool loaded;
} modules[MODULES];
static unsigned int nr_modules;

void shim_module_register(const char *name, int (*init)(void), void (*exit)(void))
{
	struct module *m;
	unsigned int i;

	for (i = 0; i < nr_modules && strcmp(modules[i].name, name); i++)
		;
	if (i == MODULES)
		abort();
	m = &modules[i];
	nr_modules += i == nr_modules;
	m->name = name;
	if (init)
		m->init = init;
	if (exit)
		m->exit = exit;
}

static struct module *module_named(const char *name)
{
	unsigned int i;

	for (i = 0; i < nr_modules; i++)
		if (!strcmp(modules[i].name, name))
			return &modules[i];
	fprintf(stderr, "allocfuzz: no module %s is linked in\n", name);
	abort();
}

int shim_module_load(const char *name)
{
	struct module *m = module_named(name);
	int ret = 0;

	if (m->loaded)
		return 0;
	shim_sleep_point(NULL);		/* init runs in process context */
	if (m->init)
		ret = m->init();
	m->loaded = !ret;
	return ret;
}

void shim_module_unload(const char *name)
{
	struct module *m = module_named(name);

	if (!m->loaded)
		return;
	if (m->exit)
		m->exit();
	m->loaded = false;
}

bool shim_module_loaded(const char *name)
{
	return module_named(name)->loaded;
}

void shim_modules_reset(void)
{
	unsigned int i;

	for (i = 0; i < nr_modules; i++)
		modules[i].loaded = false;
}
