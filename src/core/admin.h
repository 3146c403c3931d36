/* admin.h - the administrator's PIN, stored only as a salted hash.
 *
 * Hashing is libxcrypt's crypt(3) with yescrypt ("$y$..."), the same
 * scheme Debian uses for account passwords: salted, slow on purpose, and
 * checked without ever keeping the PIN itself.
 */
#ifndef VITRINE_ADMIN_H
#define VITRINE_ADMIN_H

#include <stdbool.h>
#include <stddef.h>

#define ADMIN_PIN_MIN 4
#define ADMIN_PIN_MAX 12

/* Is this a PIN vitrine accepts: ADMIN_PIN_MIN..ADMIN_PIN_MAX digits. */
bool admin_pin_valid(const char *pin);
/* The salted hash of pin (fresh random salt) into out. false on a bad PIN or
 * when no randomness is available. */
bool admin_hash_pin(const char *pin, char *out, size_t n);
/* Does pin match the stored hash? false for a malformed hash. */
bool admin_check_pin(const char *pin, const char *hash);

#endif
