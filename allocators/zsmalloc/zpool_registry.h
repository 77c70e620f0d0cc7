/*
 * zpool_registry.h: the part of mm/zpool.c that zsmalloc's module calls
 * (zpool_register_driver(), zpool_unregister_driver(), in zpool.c here),
 * and the lookup zpool_create_pool() makes by type, for the adapter to
 * reach zsmalloc as zswap does, through its zpool driver.
 */
#ifndef _ZPOOL_REGISTRY_H
#define _ZPOOL_REGISTRY_H

#include <linux/types.h>
#include <linux/zpool.h>

/* The registered driver of that type, or NULL. */
struct zpool_driver *zpool_driver_find(const char *type);

#endif
