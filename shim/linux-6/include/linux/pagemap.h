/*
 * linux/pagemap.h: the page lock.  trylock_page() never sleeps;
 * lock_page() and wait_on_page_locked() may (a BUG in atomic context), and
 * waiting on a page this task locked never ends (reported).
 */
#ifndef _SHIM6_LINUX_PAGEMAP_H
#define _SHIM6_LINUX_PAGEMAP_H

#include <linux/mm.h>

#define trylock_page(page)		shim_page_trylock((page), SHIM_SITE)
#define lock_page(page)			shim_page_lock((page), SHIM_SITE)
#define unlock_page(page)		shim_page_unlock((page), SHIM_SITE)
#define wait_on_page_locked(page)	shim_page_wait_unlocked((page), SHIM_SITE)

#endif
