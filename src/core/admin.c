/* admin.c - see admin.h */
#include "admin.h"

#include <crypt.h>
#include <stdlib.h>
#include <string.h>

bool admin_pin_valid(const char *pin)
{
    size_t n = pin ? strlen(pin) : 0;
    if (n < ADMIN_PIN_MIN || n > ADMIN_PIN_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (pin[i] < '0' || pin[i] > '9')
            return false;
    return true;
}

bool admin_hash_pin(const char *pin, char *out, size_t n)
{
    if (!admin_pin_valid(pin))
        return false;
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    /* NULL random bytes: libxcrypt reads the system's random source. */
    if (!crypt_gensalt_rn("$y$", 0, NULL, 0, salt, (int)sizeof salt))
        return false;
    struct crypt_data *cd = calloc(1, sizeof *cd);
    if (!cd)
        return false;
    const char *h = crypt_r(pin, salt, cd);
    bool ok = h && h[0] == '$' && strlen(h) < n;
    if (ok)
        strcpy(out, h);
    free(cd);
    return ok;
}

bool admin_check_pin(const char *pin, const char *hash)
{
    if (!pin || !hash || hash[0] != '$')
        return false;
    struct crypt_data *cd = calloc(1, sizeof *cd);
    if (!cd)
        return false;
    const char *h = crypt_r(pin, hash, cd);
    bool ok = false;
    if (h && h[0] == '$' && strlen(h) == strlen(hash)) {
        /* compare every byte, whatever differs first */
        unsigned char diff = 0;
        for (size_t i = 0; hash[i]; i++)
            diff |= (unsigned char)(h[i] ^ hash[i]);
        ok = diff == 0;
    }
    free(cd);
    return ok;
}
