/* linux/vmstat.h: a zone's page statistics, counted per page. */
#ifndef _SHIM6_LINUX_VMSTAT_H
#define _SHIM6_LINUX_VMSTAT_H

#include <linux/mmzone.h>

#define inc_zone_page_state(page, item)	shim_vmstat_mod(page_zonenum(page), (item), 1)
#define dec_zone_page_state(page, item)	shim_vmstat_mod(page_zonenum(page), (item), -1)

#endif
