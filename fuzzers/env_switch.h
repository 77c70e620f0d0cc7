/* env_switch.h: an on/off switch of the harness, read from the environment. */
#ifndef _ALLOCFUZZ_ENV_SWITCH_H
#define _ALLOCFUZZ_ENV_SWITCH_H

#include <stdbool.h>

/*
 * Whether the environment variable name says on, or dflt when it is unset;
 * any value but on or off exits with status 2 and a line naming it.
 */
bool env_switch(const char *name, bool dflt);

#endif
