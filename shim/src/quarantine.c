/* quarantine.c: the FIFO quarantine of allocfuzz/quarantine.h. */
#include <stddef.h>
#include <allocfuzz/quarantine.h>

static void *dequeue(struct quarantine *q)
{
	void *entry = q->ring[q->head];

	q->head = (q->head + 1) % q->max;
	q->len--;
	return entry;
}

void *quarantine_get(struct quarantine *q)
{
	if (!q->stocked) {
		q->stocked = true;
		while (q->len < q->fill)
			q->ring[(q->head + q->len++) % q->max] = q->stock();
	}
	return q->len > q->min ? dequeue(q) : q->stock();
}

void *quarantine_put(struct quarantine *q, void *entry)
{
	void *old = q->len == q->max ? dequeue(q) : NULL;

	q->ring[(q->head + q->len++) % q->max] = entry;
	return old;
}

void *quarantine_newest(const struct quarantine *q, unsigned long k)
{
	return k < q->len ? q->ring[(q->head + q->len - 1 - k) % q->max] : NULL;
}
