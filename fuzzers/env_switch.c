/* env_switch.c: see env_switch.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "env_switch.h"

bool env_switch(const char *name, bool dflt)
{
	const char *env = getenv(name);

	if (!env)
		return dflt;
	if (!strcmp(env, "on"))
		return true;
	if (!strcmp(env, "off"))
		return false;
	fprintf(stderr, "allocfuzz: %s=%s: expected on or off\n", name, env);
	exit(2);
}
