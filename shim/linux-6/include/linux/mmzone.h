/*
 * linux/mmzone.h: zones and their page statistics.  A page's zone is in
 * the top bits of its flags (ZONES_PGSHIFT), from its allocation's zone
 * modifier; page_zone() is the zone's identity, for comparing.
 */
#ifndef _SHIM6_LINUX_MMZONE_H
#define _SHIM6_LINUX_MMZONE_H

#include <linux/gfp_types.h>
#include <linux/mm_types.h>
#include <allocfuzz/runtime.h>

enum zone_type {
	ZONE_DMA,
	ZONE_DMA32,
	ZONE_NORMAL,
	ZONE_MOVABLE,
	__MAX_NR_ZONES
};
_Static_assert(__MAX_NR_ZONES <= SHIM_NR_ZONES, "the runtime keeps a statistic per zone");

enum zone_stat_item {
	NR_FREE_PAGES,
	NR_ZSPAGES,	/* pages zsmalloc holds */
	NR_VM_ZONE_STAT_ITEMS
};
_Static_assert(NR_VM_ZONE_STAT_ITEMS <= SHIM_NR_VMSTAT, "the runtime keeps each statistic");

#define ZONES_PGSHIFT	60
#define ZONES_MASK	3UL

struct zone;

/* x86-64: __GFP_HIGHMEM and __GFP_MOVABLE alone mean ZONE_NORMAL (no highmem, no movablecore). */
static inline enum zone_type gfp_zone(gfp_t flags)
{
	if (flags & __GFP_DMA)
		return ZONE_DMA;
	if (flags & __GFP_DMA32)
		return ZONE_DMA32;
	return ZONE_NORMAL;
}

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)(page->flags >> ZONES_PGSHIFT & ZONES_MASK);
}

static inline struct zone *page_zone(const struct page *page)
{
	return (struct zone *)shim_zone(page_zonenum(page));
}

#endif
