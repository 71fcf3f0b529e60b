// Target identifiers and contact values: Telegram user ids, usernames and links, E.164 phone
// numbers, IP addresses, e-mail domains and ISO 3166-1 country codes. Syntax only: nothing
// here looks an identifier up anywhere, and nothing folds one account into another.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace reqcheck::ident {

/// Result of checking one identifier: `ok` with its normalised form, or the reason it is not
/// valid (lowercase, values in backticks) and, where there is one, the likely fix.
struct IdentResult {
  bool ok = false;
  std::string normalised;
  std::string reason;
  std::string hint;
};

/// Telegram user id: decimal digits only, 1 <= n < 2^52 (Telegram API ids fit in 52 bits).
IdentResult telegram_user_id(std::string_view text);

/// Telegram username: optional leading `@`, 5-32 characters of `A-Za-z0-9_`, starting with a
/// letter, not ending with `_`, no `__`. Normalised to `@` + lower case (usernames compare
/// case-insensitively). Non-ASCII text is rejected here; `lookalike_script` says why.
IdentResult telegram_username(std::string_view text);

/// Telegram public link: optional `http://`/`https://`, optional `www.`, host `t.me` or
/// `telegram.me`, `/<username>`, optional trailing `/`. Invite links (`t.me/+…`,
/// `t.me/joinchat/…`) and private-chat links (`t.me/c/…`) are rejected: they name no account.
/// Normalised to the username form.
IdentResult telegram_link(std::string_view text);

/// E.164 phone number, a syntax check: `^\+?[1-9][0-9]{6,14}$`. Digits without `+` are
/// normalised by adding `+` (never a country code). Spaces, dots, dashes and parentheses and
/// `00` international prefixes are rejected with the corrected number as the hint.
IdentResult e164(std::string_view text);

/// IPv4 or IPv6 address in textual form; normalised (IPv6 compressed lower case, IPv4-mapped
/// IPv6 to IPv4).
IdentResult ip_address(std::string_view text);

/// An e-mail address with one `@`, a non-empty local part and a domain with a dot; the
/// normalised form is the lower-cased domain.
IdentResult email_domain(std::string_view text);

/// True if `domain` equals `suffix_or_domain` or is a subdomain of it, case-insensitively. A
/// suffix given with a leading dot (`.gov.uk`) matches any domain ending in it.
bool domain_matches(std::string_view domain, std::string_view suffix_or_domain);

/// ISO 3166-1 alpha-2 code lookup (officially assigned codes, 249 entries). Case-sensitive:
/// codes are upper case.
bool iso3166_alpha2(std::string_view code);

/// Known aliases that are not ISO 3166-1 codes, with their ISO code: `UK` → `GB`, `EL` → `GR`.
std::optional<std::string_view> iso3166_alias(std::string_view code);

/// Describes why a username-like text may impersonate another account: "contains non-ASCII
/// characters (Cyrillic)" or "mixes Latin and Cyrillic". Empty when the text is plain ASCII.
std::string lookalike_script(std::string_view text);

/// The BCP 47 primary language subtag, lower-cased (`en-GB` → `en`); empty if malformed.
std::string primary_language(std::string_view tag);

/// Levenshtein edit distance, used for "did you mean" hints on field names and enum values.
size_t edit_distance(std::string_view a, std::string_view b);

/// Lower-cases ASCII letters.
std::string ascii_lower(std::string_view text);

}  // namespace reqcheck::ident
