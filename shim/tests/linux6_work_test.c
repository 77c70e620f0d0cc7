/*
 * linux6_work_test.c: the 6.x profile's deferred work, shrinkers (the API
 * of the build's generation), debugobjects' rule on freed memory, modules,
 * and the strings kmalloc holds.  Built for 6.1 and 6.12.
 */
#define KBUILD_MODNAME "testmod"

#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/module.h>
#include <linux/preempt.h>
#include <linux/shrinker.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/workqueue.h>
#include <allocfuzz/shim.h>
#include "expect.h"

struct owner {
	struct work_struct work;
	int runs, order;
	bool requeue;
};

static int ran;

static void work_fn(struct work_struct *work)
{
	struct owner *o = container_of(work, struct owner, work);

	CHECK(shim_preempt_count() == 0);	/* process context */
	o->runs++;
	o->order = ++ran;
	if (o->requeue) {
		o->requeue = false;
		CHECK(schedule_work(&o->work));	/* not pending while it runs */
	}
}

static void works_ok(void)
{
	struct owner a = { .requeue = true }, b = { 0 };

	shim_reset();
	INIT_WORK(&a.work, work_fn);
	INIT_WORK(&b.work, work_fn);
	CHECK(schedule_work(&a.work) && !schedule_work(&a.work));
	CHECK(schedule_work(&b.work));
	CHECK(shim_works_pending() == 2);
	CHECK(shim_works_run() == 3 && a.runs == 2 && b.runs == 1 && b.order == 2);
	CHECK(schedule_work(&b.work) && flush_work(&b.work) && b.runs == 2 && !flush_work(&b.work));
	shim_teardown();
}

static void free_pending(void)
{
	struct owner *o;

	shim_reset();
	o = kzalloc(sizeof(*o), GFP_KERNEL);
	INIT_WORK(&o->work, work_fn);
	schedule_work(&o->work);
	kfree(o);
}

static void pending_at_teardown(void)
{
	static struct owner o;

	shim_reset();
	INIT_WORK(&o.work, work_fn);
	schedule_work(&o.work);
	shim_teardown();
}

static void uninitialised(void)
{
	static struct owner o;

	shim_reset();
	schedule_work(&o.work);
}

static void leaves_atomic(struct work_struct *work)
{
	(void)work;
	preempt_disable();
}

static void atomic_work(void)
{
	static struct owner o;

	shim_reset();
	INIT_WORK(&o.work, leaves_atomic);
	schedule_work(&o.work);
	shim_works_run();
}

static void flush_atomic(void)
{
	static struct owner o;

	shim_reset();
	INIT_WORK(&o.work, work_fn);
	preempt_disable();
	flush_work(&o.work);
}

/* A shrinker owner in the build's API. */
struct cache {
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 7, 0)
	struct shrinker shrinker;
#else
	struct shrinker *shrinker;
#endif
	unsigned long objects, scans;
};

static unsigned long count(struct shrinker *s, struct shrink_control *sc)
{
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 7, 0)
	struct cache *c = container_of(s, struct cache, shrinker);
#else
	struct cache *c = s->private_data;
#endif

	(void)sc;
	return c->objects;
}

static unsigned long scan(struct shrinker *s, struct shrink_control *sc)
{
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 7, 0)
	struct cache *c = container_of(s, struct cache, shrinker);
#else
	struct cache *c = s->private_data;
#endif
	unsigned long n = min(sc->nr_to_scan, c->objects);

	c->scans++;
	c->objects -= n;
	return n ? n : SHRINK_STOP;
}

static struct shrinker *shrinker_of(struct cache *c)
{
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 7, 0)
	return &c->shrinker;
#else
	return c->shrinker;
#endif
}

static void cache_register(struct cache *c)
{
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 7, 0)
	c->shrinker.count_objects = count;
	c->shrinker.scan_objects = scan;
	c->shrinker.seeks = DEFAULT_SEEKS;
	CHECK(register_shrinker(&c->shrinker, "test:%s", "cache") == 0);
#else
	c->shrinker = shrinker_alloc(0, "test:%s", "cache");
	CHECK(c->shrinker && c->shrinker->seeks == DEFAULT_SEEKS);
	c->shrinker->count_objects = count;
	c->shrinker->scan_objects = scan;
	c->shrinker->private_data = c;
	shrinker_register(c->shrinker);
#endif
}

static void cache_unregister(struct cache *c)
{
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 7, 0)
	unregister_shrinker(&c->shrinker);
#else
	shrinker_free(c->shrinker);
#endif
}

/* Registered by name, reclaimed in batches, unregistered; one never registered goes quietly. */
static void shrinker_ok(void)
{
	struct cache c = { .objects = 300 }, never = { 0 };
	struct shim_shrinker *found;

	shim_reset();
	cache_register(&c);
	found = shim_shrinker_find("test:cache");
	CHECK(found && container_of(found, struct shrinker, shim) == shrinker_of(&c));
	/* batches of SHRINK_BATCH while a whole one is left; the rest waits for the next round */
	CHECK(shim6_shrink(shrinker_of(&c), GFP_KERNEL) == 256 && c.objects == 44 && c.scans == 2);
	cache_unregister(&c);
	CHECK(!shim_shrinker_find("test:cache"));
	cache_unregister(&never);	/* a zeroed one (6.1), NULL (6.12): zs_create_pool's error path */
	shim_teardown();
}

static void shrinker_twice(void)
{
	struct cache c = { 0 };

	shim_reset();
	cache_register(&c);
	shim_shrinker_register(&shrinker_of(&c)->shim, NULL);
}

static void free_registered(void)
{
	struct cache *c;

	shim_reset();
	c = kzalloc(sizeof(*c), GFP_KERNEL);
	cache_register(c);
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 7, 0)
	kfree(c);
#else
	kfree(c->shrinker);
#endif
}

static void registered_at_teardown(void)
{
	static struct cache c;

	shim_reset();
	cache_register(&c);
	shim_teardown();
}

/* A module: init at load (its error: not loaded), exit at unload. */
static int inits, exits, init_error;

static int __init test_init(void)
{
	inits++;
	return init_error;
}

static void __exit test_exit(void)
{
	exits++;
}

module_init(test_init);
module_exit(test_exit);

static void module_ok(void)
{
	shim_reset();
	init_error = -ENOMEM;
	CHECK(shim_module_load("testmod") == -ENOMEM && !shim_module_loaded("testmod"));
	init_error = 0;
	CHECK(shim_module_load("testmod") == 0 && shim_module_loaded("testmod") && inits == 2);
	CHECK(shim_module_load("testmod") == 0 && inits == 2);	/* loaded already */
	shim_module_unload("testmod");
	CHECK(exits == 1 && !shim_module_loaded("testmod"));
	shim_teardown();
}

/* kasprintf and kstrdup are kmalloc's, refused with it. */
static void strings(void)
{
	struct shim_fault_plan refuse = { .fail_slab = 1 };
	char *s;

	shim_reset();
	s = kasprintf(GFP_KERNEL, "zs_handle-%s", "zram0");
	CHECK(s && !strcmp(s, "zs_handle-zram0"));
	kfree(s);
	s = kstrdup("zram0", GFP_KERNEL);
	CHECK(s && !strcmp(s, "zram0"));
	kfree(s);
	shim_fault_set(&refuse);
	CHECK(!kasprintf(GFP_KERNEL, "%d", 1));
	kmem_cache_destroy(NULL);	/* 6.x: nothing */
	shim_teardown();
}

int main(void)
{
	expect_clean("work: queued once, run in order, requeued while running, flushed", works_ok);
	expect_report("work: freed while pending", free_pending,
		      "BUG: shim.debugobj.free-active: memory freed while it holds a pending work");
	expect_report("work: pending at teardown", pending_at_teardown,
		      "BUG: shim.leak.work: work still pending at teardown");
	expect_report("work: queued never initialised", uninitialised,
		      "BUG: shim.work.uninitialised: schedule_work of a work never initialised");
	expect_report("work: returned in atomic context", atomic_work,
		      "BUG: shim.work.leaked-context: a work returned in atomic context");
	expect_report("work: flushed in atomic context", flush_atomic,
		      "BUG: shim.sched.sleep-in-atomic: sleeping function called from invalid context");
	expect_clean("shrinker: registered, found by name, reclaimed in batches, unregistered", shrinker_ok);
	expect_report("shrinker: registered twice", shrinker_twice,
		      "BUG: shim.shrinker.twice: a shrinker registered twice");
	expect_report("shrinker: freed while registered", free_registered,
		      "BUG: shim.debugobj.free-active: memory freed while it holds a registered shrinker");
	expect_report("shrinker: registered at teardown", registered_at_teardown,
		      "BUG: shim.leak.shrinker: shrinker still registered at teardown");
	expect_clean("module: init's error, load, unload", module_ok);
	expect_clean("strings: kasprintf, kstrdup, refused as kmalloc", strings);
	return expect_summary();
}
