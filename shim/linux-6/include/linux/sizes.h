/* linux/sizes.h: the SZ_* sizes used here. */
#ifndef _SHIM6_LINUX_SIZES_H
#define _SHIM6_LINUX_SIZES_H

#define SZ_4K	0x00001000
#define SZ_16M	0x01000000

#endif
