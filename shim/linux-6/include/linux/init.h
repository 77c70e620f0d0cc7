/* linux/init.h: __init and __exit section markers: nothing here (the harness runs init and exit). */
#ifndef _SHIM6_LINUX_INIT_H
#define _SHIM6_LINUX_INIT_H

#define __init
#define __exit

#endif
