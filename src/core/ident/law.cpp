#include "ident/law.hpp"

#include <algorithm>
#include <array>

#include "ident/identifiers.hpp"

namespace reqcheck::ident {

std::optional<std::string> country(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  std::string c = ascii_upper(*text);
  if (auto iso = iso3166_alias(c)) c = std::string(*iso);
  if (!iso3166_alpha2(c)) return std::nullopt;
  return c;
}

std::string normalise_law(std::string_view law) {
  std::string out;
  for (char ch : law) {
    const bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {
bool word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
}  // namespace

bool contains_words(const std::string& law, std::string_view alias) {
  const std::string a = normalise_law(alias);
  if (a.empty()) return false;
  for (auto at = law.find(a); at != std::string::npos; at = law.find(a, at + 1)) {
    const bool left = at == 0 || !word_char(law[at - 1]);
    const bool right = at + a.size() == law.size() || !word_char(law[at + a.size()]);
    if (left && right) return true;
  }
  return false;
}

std::optional<std::string> cited_framework(const model::LegalBasis& basis, const LawAliases& aliases) {
  if (basis.framework) return *basis.framework;
  if (!basis.law) return std::nullopt;
  const std::string law = normalise_law(*basis.law);
  // §2.5's order: the protocol's title contains the convention's, so it is tried first
  static constexpr std::array<std::string_view, 6> order{"coe_budapest_protocol2", "coe_budapest", "eu_eevidence",
                                                         "eu_dsa",                 "uk_copo",      "us_sca"};
  const auto matches = [&](const std::vector<std::string>& list) {
    return std::any_of(list.begin(), list.end(), [&](const std::string& a) { return contains_words(law, a); });
  };
  for (auto id : order)
    if (auto it = aliases.find(std::string(id)); it != aliases.end() && matches(it->second)) return it->first;
  for (const auto& [id, list] : aliases)
    if (std::find(order.begin(), order.end(), id) == order.end() && matches(list)) return id;
  return std::nullopt;
}

bool cites(const model::Request& request, std::string_view framework, const LawAliases& aliases) {
  if (!request.instrument || !request.instrument->legal_basis) return false;
  const auto& bases = *request.instrument->legal_basis;
  return std::any_of(bases.begin(), bases.end(), [&](const model::LegalBasis& b) {
    const auto f = cited_framework(b, aliases);
    return f && *f == framework;
  });
}

}  // namespace reqcheck::ident
