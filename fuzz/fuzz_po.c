/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_po.c - libFuzzer target: a translation file (gettext PO) -> PoCatalog,
 * its lookups and its plural rule for a few counts. A translator's file is
 * read at start: whatever is in it, vitrine must start. */
#include "fuzz_common.h"

#include "po.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    DiagList diags = {0};
    PoCatalog *c = po_parse((const char *)data, size, "fuzz.po", &diags);
    static const unsigned long counts[] = {0, 1, 2, 5, 11, 21, 101, 1000000};
    for (size_t i = 0; c && i < sizeof counts / sizeof counts[0]; i++)
        if (po_nget(c, NULL, "%d slide", counts[i]) && !po_get(c, NULL, "%d slide"))
            abort(); /* a plural entry is also found by its msgid */
    po_get(c, "ctx", "Home");
    po_free(c);
    diag_print(&diags, fuzz_devnull());
    diag_clear(&diags);
    return 0;
}
