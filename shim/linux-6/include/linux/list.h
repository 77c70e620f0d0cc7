/*
 * linux/list.h: the kernel's doubly linked list with CONFIG_DEBUG_LIST's
 * checks (Debian's kernels have them): an add next to an entry whose links
 * disagree, or a delete of an entry whose neighbours do not point back, is
 * a BUG, and a deleted entry's links are poisoned.
 */
#ifndef _SHIM6_LINUX_LIST_H
#define _SHIM6_LINUX_LIST_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <allocfuzz/report.h>

#define LIST_POISON1	((struct list_head *)0x100)
#define LIST_POISON2	((struct list_head *)0x122)

#define LIST_HEAD_INIT(name)	{ &(name), &(name) }
#define LIST_HEAD(name)		struct list_head name = LIST_HEAD_INIT(name)

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	WRITE_ONCE(list->next, list);
	list->prev = list;
}

/* __list_add_valid() and __list_del_entry_valid(): CHECK_DATA_CORRUPTION, a BUG. */
static inline void shim6_list_check(bool ok, const char *what)
{
	if (unlikely(!ok))
		shim_check_failed("shim.list.corruption", what, NULL,
				  "the links of the entry or its neighbours disagree (the stack names the list)");
}

static inline void __list_add(struct list_head *new, struct list_head *prev,
			      struct list_head *next)
{
	shim6_list_check(next->prev == prev && prev->next == next && new != prev && new != next,
			 "list_add corruption");
	next->prev = new;
	new->next = next;
	new->prev = prev;
	WRITE_ONCE(prev->next, new);
}

static inline void list_add(struct list_head *new, struct list_head *head)
{
	__list_add(new, head, head->next);
}

static inline void list_add_tail(struct list_head *new, struct list_head *head)
{
	__list_add(new, head->prev, head);
}

static inline void __list_del_entry(struct list_head *entry)
{
	struct list_head *prev = entry->prev, *next = entry->next;

	shim6_list_check(next != LIST_POISON1 && prev != LIST_POISON2 &&
			 prev->next == entry && next->prev == entry,
			 "list_del corruption");
	next->prev = prev;
	WRITE_ONCE(prev->next, next);
}

static inline void list_del(struct list_head *entry)
{
	__list_del_entry(entry);
	entry->next = LIST_POISON1;
	entry->prev = LIST_POISON2;
}

static inline void list_del_init(struct list_head *entry)
{
	__list_del_entry(entry);
	INIT_LIST_HEAD(entry);
}

static inline int list_empty(const struct list_head *head)
{
	return READ_ONCE(head->next) == head;
}

static inline void list_splice_init(struct list_head *list, struct list_head *head)
{
	struct list_head *first = list->next, *last = list->prev, *at = head->next;

	if (list_empty(list))
		return;
	first->prev = head;
	head->next = first;
	last->next = at;
	at->prev = last;
	INIT_LIST_HEAD(list);
}

#define list_entry(ptr, type, member)	container_of(ptr, type, member)
#define list_first_entry(ptr, type, member)	list_entry((ptr)->next, type, member)
#define list_first_entry_or_null(ptr, type, member) ({			\
		struct list_head *head__ = (ptr);			\
		struct list_head *pos__ = READ_ONCE(head__->next);	\
		pos__ != head__ ? list_entry(pos__, type, member) : NULL; })
#define list_next_entry(pos, member)	list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_for_each_entry(pos, head, member)				\
	for (pos = list_first_entry(head, __typeof__(*pos), member);	\
	     &pos->member != (head);					\
	     pos = list_next_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member)			\
	for (pos = list_first_entry(head, __typeof__(*pos), member),	\
	     n = list_next_entry(pos, member);				\
	     &pos->member != (head);					\
	     pos = n, n = list_next_entry(n, member))

#endif
