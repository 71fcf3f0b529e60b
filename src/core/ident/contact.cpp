// Phone numbers (E.164), IP addresses and e-mail domains: the contact and target values that
// are not platform-specific. Syntax checks only; no number plan or DNS is consulted.
#include <arpa/inet.h>

#include <cctype>

#include "ident/identifiers.hpp"

namespace reqcheck::ident {

IdentResult e164(std::string_view text) {
  std::string digits;
  bool plus = false, separators = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && i == 0) plus = true;
    else if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') separators = true;
    else
      return IdentResult{false, {}, "`" + std::string(text) + "` is not an E.164 phone number: " +
                                        (static_cast<unsigned char>(c) >= 0x80 ? std::string("non-ASCII characters (such as other scripts' digits) are")
                                                                              : "`" + std::string(1, c) + "` is") + " not allowed",
                         "write the number as `+` followed by country code and number, e.g. `+4930123456`"};
  }
  // E.164 is digits only: separators are refused (not silently removed) but the fix is shown.
  if (separators)
    return IdentResult{false, {}, "`" + std::string(text) + "` is not in E.164 form: it contains spaces or punctuation",
                       "write it without separators: `" + std::string(plus ? "+" : "") + digits + "`"};
  if (!plus && digits.rfind("00", 0) == 0)
    return IdentResult{false, {}, "`" + std::string(text) + "` starts with the `00` international prefix, which is not E.164",
                       "replace `00` by `+`, e.g. `+" + digits.substr(2) + "`"};
  if (digits.empty() || digits[0] == '0' || digits.size() < 7 || digits.size() > 15)
    return IdentResult{false, {}, "`" + std::string(text) + "` is not an E.164 phone number (7 to 15 digits, the first not 0)",
                       "write the number in international form: `+`, country code, number"};
  return IdentResult{true, "+" + digits, {}, {}};
}

IdentResult ip_address(std::string_view text) {
  const std::string s(text);
  unsigned char buf[16];
  char out[INET6_ADDRSTRLEN];
  if (inet_pton(AF_INET, s.c_str(), buf) == 1) {
    inet_ntop(AF_INET, buf, out, sizeof out);
    return IdentResult{true, out, {}, {}};
  }
  if (inet_pton(AF_INET6, s.c_str(), buf) == 1) {
    static constexpr unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::equal(mapped, mapped + 12, buf)) {
      inet_ntop(AF_INET, buf + 12, out, sizeof out);
      return IdentResult{true, out, {}, {}};
    }
    inet_ntop(AF_INET6, buf, out, sizeof out);
    return IdentResult{true, out, {}, {}};
  }
  return IdentResult{false, {}, "`" + s + "` is not an IPv4 or IPv6 address", "check the address"};
}

IdentResult email_domain(std::string_view text) {
  const auto at = text.find('@');
  const std::string shown = "`" + std::string(text) + "`";
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos)
    return IdentResult{false, {}, shown + " is not an e-mail address", "give an address of the form `name@agency.example`"};
  const auto domain = text.substr(at + 1);
  if (domain.size() < 3 || domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.')
    return IdentResult{false, {}, shown + " has no valid domain", "give an address of the form `name@agency.example`"};
  for (char c : text)
    if (std::isspace(static_cast<unsigned char>(c)) || c == '<' || c == '>' || c == ',')
      return IdentResult{false, {}, shown + " is not a single e-mail address", "give one address without a display name"};
  return IdentResult{true, ascii_lower(domain), {}, {}};
}

bool domain_matches(std::string_view domain, std::string_view suffix) {
  const std::string d = ascii_lower(domain);
  std::string s = ascii_lower(suffix);
  if (!s.empty() && s.front() == '.') return d.size() > s.size() && d.compare(d.size() - s.size(), s.size(), s) == 0;
  if (d == s) return true;
  return d.size() > s.size() && d.compare(d.size() - s.size(), s.size(), s) == 0 && d[d.size() - s.size() - 1] == '.';
}

}  // namespace reqcheck::ident
