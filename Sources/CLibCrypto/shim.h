/* OpenSSL's libcrypto, for SHA-256 fingerprints of inputs: its assembly
 * uses the CPU's SHA instructions, several times faster than portable code. */
#include <openssl/evp.h>
