// SHA-256 digests of inputs and packs for the report (mbedtls's implementation, never our own).
#pragma once

#include <string>
#include <string_view>

namespace reqcheck::report {

/// SHA-256 of the bytes of `data`, as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace reqcheck::report
