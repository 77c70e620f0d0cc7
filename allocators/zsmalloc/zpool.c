/*
 * zpool.c: mm/zpool.c's driver registry, as zs_init() and zs_exit() use it
 * with CONFIG_ZPOOL: a driver joins the list with no users; leaving it
 * while a pool uses it is -EBUSY.  The kernel's struct zpool_driver is the
 * build's (6.1 and 6.12 differ), its list and refcount the same.
 */
#include <linux/atomic.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include "zpool_registry.h"

#ifdef CONFIG_ZPOOL
static LIST_HEAD(drivers);

void zpool_register_driver(struct zpool_driver *driver)
{
	atomic_set(&driver->refcount, 0);
	list_add(&driver->list, &drivers);
}

int zpool_unregister_driver(struct zpool_driver *driver)
{
	if (atomic_read(&driver->refcount) > 0)
		return -EBUSY;
	list_del(&driver->list);
	return 0;
}

struct zpool_driver *zpool_driver_find(const char *type)
{
	struct zpool_driver *driver;

	list_for_each_entry(driver, &drivers, list)
		if (!strcmp(driver->type, type))
			return driver;
	return NULL;
}
#else
struct zpool_driver *zpool_driver_find(const char *type)
{
	(void)type;
	return NULL;
}
#endif
