// What a request's legal text refers to, by the shared definitions of frameworks.md §2: the
// country an authority names (§2.1) and the act a legal basis cites (§2.5). Used by the profile
// triggers of the packs and by the profile rules alike, so that both read a request the same way.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reqcheck/request.hpp"

namespace reqcheck::ident {

/// A country as the profiles compare it (frameworks.md §2.1): ASCII upper-case, `EL`→`GR`,
/// `UK`→`GB`; nullopt when absent or not an ISO 3166-1 alpha-2 code after that.
std::optional<std::string> country(const std::optional<std::string>& text);

/// `law` normalised (frameworks.md §2.5): ASCII lower-case, white-space runs → one space, trimmed.
std::string normalise_law(std::string_view law);

/// True when `alias` (normalised here) occurs in the normalised `law` as whole words: its
/// neighbours are not ASCII letters or digits.
bool contains_words(const std::string& normalised_law, std::string_view alias);

/// Map of framework id → aliases of its act (`law_aliases` of a profile pack, `frameworks` of a
/// pack's `applies`).
using LawAliases = std::map<std::string, std::vector<std::string>>;

/// The framework a legal basis cites (frameworks.md §2.5): its `framework` field when given
/// (`national` and `other` cite no profile's act and still stop the alias search); else the
/// first framework, in the order coe_budapest_protocol2, coe_budapest, eu_eevidence, eu_dsa,
/// uk_copo, us_sca (then any other id of `aliases`, alphabetically), one of whose aliases occurs
/// as whole words in its normalised `law`; else nullopt.
std::optional<std::string> cited_framework(const model::LegalBasis& basis, const LawAliases& aliases);

/// True when a legal basis of the request cites `framework` (§2.5).
bool cites(const model::Request& request, std::string_view framework, const LawAliases& aliases);

}  // namespace reqcheck::ident
