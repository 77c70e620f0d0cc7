/* linux/module.h: module metadata is dropped; the harness calls init and exit itself. */
#ifndef _SHIM6_LINUX_MODULE_H
#define _SHIM6_LINUX_MODULE_H

#define __init
#define __exit
#define MODULE_LICENSE(x)
#define MODULE_AUTHOR(x)
#define MODULE_DESCRIPTION(x)
#define EXPORT_SYMBOL(x)
#define EXPORT_SYMBOL_GPL(x)

#endif
