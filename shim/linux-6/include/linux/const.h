/* linux/const.h: _AC(), a constant with its suffix in C. */
#ifndef _SHIM6_LINUX_CONST_H
#define _SHIM6_LINUX_CONST_H

#define __AC(x, y)	(x##y)
#define _AC(x, y)	__AC(x, y)

#endif
