// Phone numbers (E.164), IP addresses and e-mail domains: the contact and target values that
// are not platform-specific. Syntax checks only; the one piece of number plan consulted is the
// national trunk prefix per calling code, generated from libphonenumber's metadata. No DNS.
#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "ident/identifiers.hpp"

namespace reqcheck::ident {

namespace {

struct CallingCode {
  std::string_view code;
  std::string_view trunk_prefix;
};

/// Every E.164 country calling code with its national trunk prefix, generated from
/// libphonenumber's PhoneNumberMetadata.xml by phone_metadata.cmake (sorted by code).
constexpr CallingCode kCallingCodes[] = {
#include "national_prefixes.inc"
};

/// The calling code `digits` (no `+`) starts with: codes are prefix-free, so at most one of
/// the lengths 1 to 3 matches.
const CallingCode* calling_code(std::string_view digits) {
  for (const auto& c : kCallingCodes)
    if (digits.substr(0, c.code.size()) == c.code) return &c;
  return nullptr;
}

/// Decimal digits of other scripts, by the zero of each block: they look like digits, but a
/// dialler or database reads them as letters.
bool other_script_digit(char32_t cp) {
  static constexpr char32_t zeros[] = {0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66,
                                       0x0CE6, 0x0D66, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10, 0x1D7CE};
  for (char32_t z : zeros)
    if (cp >= z && cp <= z + 9) return true;
  return false;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : std::string(sep)) + p;
  return out;
}

void add_once(std::vector<std::string>& list, std::string item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(std::move(item));
}

bool e164_digits(std::string_view d) { return !d.empty() && d[0] != '0' && d.size() >= 7 && d.size() <= 15; }

}  // namespace

IdentResult e164(std::string_view text) {
  const std::string shown = "`" + std::string(text) + "`";
  std::string digits;
  bool plus = false;
  std::vector<std::string> separators, invisibles;
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const char32_t cp = next_code_point(text, i);
    if (cp == '+' && digits.empty() && !plus) plus = true;
    else if (cp >= '0' && cp <= '9') digits += static_cast<char>(cp);
    else if (cp == ' ') add_once(separators, "spaces");
    else if (cp == '.' || cp == '-' || cp == '(' || cp == ')' || cp == '/') add_once(separators, "`" + std::string(1, static_cast<char>(cp)) + "`");
    else if (unicode_space(cp) || unicode_dash(cp)) add_once(separators, code_point_name(cp));
    else if (invisible(cp)) add_once(invisibles, code_point_name(cp));
    else {
      const std::string ch(text.substr(at, i - at));
      const std::string what = cp < 0x80               ? "`" + ch + "` is"
                               : other_script_digit(cp) ? "`" + ch + "` (" + code_point_name(cp) + ") is a digit of another script, which is"
                                                        : "`" + ch + "` (" + code_point_name(cp) + ") is";
      return IdentResult{false, {}, shown + " is not an E.164 phone number: " + what + " not allowed",
                         "write the number with the ASCII digits 0-9 only: `+`, country code and number"};
    }
  }
  std::vector<std::string> problems;
  if (!separators.empty()) problems.push_back("it contains the separators " + join(separators, ", "));
  // an invisible character is no separator anyone typed on purpose: it may hide another value
  if (!invisibles.empty()) problems.push_back("it contains the invisible characters " + join(invisibles, ", "));
  std::string international = digits;
  const bool intl_prefix = !plus && digits.rfind("00", 0) == 0;
  if (intl_prefix) {
    problems.push_back("it starts with the `00` international prefix");
    international = digits.substr(2);
  } else if (!plus && !digits.empty() && digits[0] == '0') {
    // a trunk prefix means a national number: which country it belongs to is not written down,
    // so no corrected number can be given without guessing one
    return IdentResult{false, {}, shown + " is a national number (it starts with the trunk prefix `0`): E.164 needs the country code",
                       "write it in international form: `+`, the country code, then the number without its leading `0`"};
  }
  if (!e164_digits(international))
    return IdentResult{false, {}, shown + " is not an E.164 phone number (7 to 15 digits, the first not 0)",
                       "write the number in international form: `+`, country code, number"};
  bool trunk = false;
  std::string trunk_prefix;
  if (const CallingCode* cc = calling_code(international); cc && !cc->trunk_prefix.empty() && cc->trunk_prefix.front() == '0') {
    // only trunk prefixes that begin with 0: no national number of such a plan begins with 0
    // (it would be ambiguous when dialled at home), while a plan whose prefix is 8 or 1 has
    // numbers that begin with that digit (+7 812 is St Petersburg)
    const std::string_view national = std::string_view(international).substr(cc->code.size());
    if (national.substr(0, cc->trunk_prefix.size()) == cc->trunk_prefix) {
      trunk = true;
      trunk_prefix = cc->trunk_prefix;
      problems.push_back("it keeps the national trunk prefix `" + trunk_prefix + "` after the country code `+" + std::string(cc->code) + "`");
      international = std::string(cc->code) + std::string(national.substr(cc->trunk_prefix.size()));
    }
  }
  if (problems.empty()) return IdentResult{true, "+" + digits, {}, {}};
  IdentResult r{false, {}, shown + " is not in E.164 form: " + join(problems, "; "), {}};
  r.doubtful = separators.empty() && !intl_prefix;
  if (e164_digits(international) && e164("+" + international).ok) r.suggestion = "+" + international;
  if (r.suggestion.empty()) {
    r.hint = "write the number in international form: `+`, country code, number";
    return r;
  }
  std::vector<std::string> fixes;
  if (!separators.empty()) fixes.push_back("without separators");
  if (!invisibles.empty()) fixes.push_back("without the invisible characters");
  if (intl_prefix) fixes.push_back("with `+` for `00`");
  r.hint = "write `" + r.suggestion + "`" + (fixes.empty() ? "" : " (" + join(fixes, ", ") + ")");
  if (trunk)
    r.hint += std::string(fixes.empty() ? "" : ";") + " if the `" + trunk_prefix +
              "` after the country code is the trunk prefix, dialled only within the country, as that country's plan has it";
  return r;
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
  // trim what a mail client trims: white space of any script around the address
  std::vector<std::string> trimmed;
  std::string_view t = text;
  while (!t.empty()) {
    size_t i = 0;
    const char32_t cp = next_code_point(t, i);
    if (!unicode_space(cp)) break;
    add_once(trimmed, code_point_name(cp));
    t.remove_prefix(i);
  }
  while (!t.empty()) {
    size_t start = t.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(t[start]) & 0xC0) == 0x80) --start;
    size_t i = start;
    const char32_t cp = next_code_point(t, i);
    if (!unicode_space(cp)) break;
    add_once(trimmed, code_point_name(cp));
    t.remove_suffix(t.size() - start);
  }
  const std::string shown = "`" + std::string(text) + "`";
  const std::string hint_ascii = "write the address in plain ASCII as the agency publishes it, and verify it with the agency: "
                                 "such characters can make one domain look like another";
  for (size_t i = 0; i < t.size();) {
    const size_t at = i;
    const char32_t cp = next_code_point(t, i);
    if (cp < 0x80) continue;
    // fail closed: no IDNA mapping here (it would have to give the same answer in the page), so
    // a non-ASCII address is never matched against the free-mail or official lists
    const std::string what = invisible(cp)      ? "the invisible character " + code_point_name(cp)
                             : unicode_space(cp) ? "the white space " + code_point_name(cp)
                                                 : "the non-ASCII character `" + std::string(t.substr(at, i - at)) + "` (" + code_point_name(cp) + ")";
    IdentResult r{false, {}, shown + " contains " + what + ": it cannot be checked against the lists of free-mail and official domains",
                  hint_ascii};
    r.doubtful = true;
    return r;
  }
  const auto at = t.find('@');
  if (at == std::string_view::npos || at == 0 || t.find('@', at + 1) != std::string_view::npos)
    return IdentResult{false, {}, shown + " is not an e-mail address", "give an address of the form `name@agency.example`"};
  const auto domain = t.substr(at + 1);
  if (domain.size() < 3 || domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.')
    return IdentResult{false, {}, shown + " has no valid domain", "give an address of the form `name@agency.example`"};
  for (char c : t)
    if (std::isspace(static_cast<unsigned char>(c)) || c == '<' || c == '>' || c == ',')
      return IdentResult{false, {}, shown + " is not a single e-mail address", "give one address without a display name"};
  const std::string lower = ascii_lower(domain);
  // an IDNA A-label is ASCII that a browser or mail client shows as other scripts
  if (lower.rfind("xn--", 0) == 0 || lower.find(".xn--") != std::string::npos) {
    IdentResult r{false, {}, shown + " has an internationalised (punycode `xn--`) domain label, which may display as look-alike characters",
                  hint_ascii};
    r.doubtful = true;
    return r;
  }
  IdentResult r{true, lower, {}, {}};
  if (!trimmed.empty()) r.note = "white space around " + shown + " was removed (" + join(trimmed, ", ") + ")";
  return r;
}

namespace {

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Case-insensitive (ASCII) "ends with", without copying: EMER-02 and AUTH-03 test each address
// against every domain of a pack's lists, once per request.
bool ends_with_nocase(std::string_view s, std::string_view tail) {
  if (tail.size() > s.size()) return false;
  const std::size_t from = s.size() - tail.size();
  for (std::size_t i = 0; i < tail.size(); ++i)
    if (lower_ascii(s[from + i]) != lower_ascii(tail[i])) return false;
  return true;
}

}  // namespace

bool domain_matches(std::string_view domain, std::string_view suffix) {
  if (!suffix.empty() && suffix.front() == '.') return domain.size() > suffix.size() && ends_with_nocase(domain, suffix);
  if (domain.size() == suffix.size()) return ends_with_nocase(domain, suffix);
  return domain.size() > suffix.size() && ends_with_nocase(domain, suffix) && domain[domain.size() - suffix.size() - 1] == '.';
}

}  // namespace reqcheck::ident
