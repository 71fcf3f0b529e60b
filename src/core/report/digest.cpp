// SHA-256 through mbedtls (built from Debian's source package by src/deps).
#include "report/digest.hpp"

#include <mbedtls/sha256.h>

#include <array>

namespace reqcheck::report {

std::string sha256_hex(std::string_view data) {
  std::array<unsigned char, 32> sum{};
  mbedtls_sha256_ret(reinterpret_cast<const unsigned char*>(data.data()), data.size(), sum.data(), 0);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (unsigned char b : sum) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

}  // namespace reqcheck::report
