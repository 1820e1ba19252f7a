/*
 * qsort and qsort_r (lib/libc/stdlib/qsort.c): the comparator is the
 * program's code, which libc calls back for each comparison; one here
 * calls back into libc itself.
 */
#include "libc.h"

struct city {
	const char *name;
	int population;
};

static int ascending(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Calls into libc (malloc, strcmp, free) while libc sorts. */
static int by_name(const void *a, const void *b)
{
	const struct city *x = a, *y = b;
	char *copy = strdup(x->name);
	int r = strcmp(copy, y->name);
	free(copy);
	return r;
}

static int by_population_r(const void *a, const void *b, void *thunk)
{
	++*(int *)thunk;
	const struct city *x = a, *y = b;
	return y->population - x->population; /* largest first */
}

int main(void)
{
	int numbers[] = {42, -7, 19, 0, 1000, 3, 3, -250, 88, 17, 5, 64};
	size_t n = sizeof numbers / sizeof numbers[0];
	qsort(numbers, n, sizeof numbers[0], ascending);
	printf("numbers:");
	for (size_t i = 0; i < n; i++)
		printf(" %d", numbers[i]);
	printf("\n");

	struct city cities[] = {
	    {"Oslo", 709000},	{"Lima", 10000000}, {"Bern", 134000},
	    {"Quito", 2800000}, {"Accra", 2500000}, {"Riga", 605000},
	};
	size_t m = sizeof cities / sizeof cities[0];
	qsort(cities, m, sizeof cities[0], by_name);
	printf("by name:");
	for (size_t i = 0; i < m; i++)
		printf(" %s", cities[i].name);
	printf("\n");

	int calls = 0;
	qsort_r(cities, m, sizeof cities[0], by_population_r, &calls);
	printf("by population:");
	for (size_t i = 0; i < m; i++)
		printf(" %s", cities[i].name);
	printf("\nthe comparator saw its thunk: %s\n", calls > 0 ? "yes" : "no");

	qsort(numbers, 0, sizeof numbers[0], ascending); /* nothing to sort */
	return 0;
}
