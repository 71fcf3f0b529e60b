/* Minimal mbedtls configuration for reqcheck: only SHA-256 is compiled (input and pack digests). */
#ifndef RC_MBEDTLS_CONFIG_H
#define RC_MBEDTLS_CONFIG_H
#define MBEDTLS_SHA256_C
#endif
