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
/// `suggestion`: the corrected value the hint proposes, empty when there is none; a suggestion
/// always passes the same check (tests/unit/identifiers_test.cpp holds this as a property).
/// `doubtful`: not ok, but only because the text may mean something else (a `0` that may be
/// a trunk prefix, an invisible character): a rule that can say so reviews rather than fails.
/// `note`: set on an ok value that was read after a repair the rule must report as a review
/// (white space trimmed), naming what was removed.
struct IdentResult {
  bool ok = false;
  std::string normalised;
  std::string reason;
  std::string hint;
  std::string suggestion = {};
  bool doubtful = false;
  std::string note = {};
};

/// Telegram user id: decimal digits only, 1 <= n < 2^52 (Telegram API ids fit in 52 bits).
IdentResult telegram_user_id(std::string_view text);

/// Telegram username: optional leading `@`, 5-32 characters of `A-Za-z0-9_`, starting with a
/// letter, not ending with `_`, no `__`. Normalised to `@` + lower case (usernames compare
/// case-insensitively). Non-ASCII text is rejected here; `lookalike_script` says why.
IdentResult telegram_username(std::string_view text);

/// What a Telegram link names (criteria.md SUBJ-01): an account, the account registered to a
/// phone number, a chat (invite or private chat), a message, or nothing the grammar knows.
enum class LinkKind { account, phone, chat, message, other };

/// A Telegram link read against the one grammar of its documented forms:
/// - account: `[http[s]://][www.]t.me/<u>`, `telegram.me/<u>`, `<u>.t.me`, `t.me/s/<u>`,
///   `tg://resolve?domain=<u>`; `target` is the username as written, `result` its check;
/// - phone: `t.me/+<digits>`, `tg://resolve?phone=<digits>`; `target` is `+<digits>`, `result`
///   its E.164 check;
/// - chat: `t.me/+<hash>`, `t.me/joinchat/<hash>`, `t.me/c/<id>`, `tg://join?invite=<hash>`;
/// - message: `t.me/<u>/<id>[/<id>]`, `t.me/c/<id>/<id>`, `tg://resolve?domain=<u>&post=<id>`;
///   `target` is the username when the link gives one;
/// - other: a reserved first path (`joinchat`, `s`, `c`, `addstickers`, `addemoji`, `proxy`,
///   `socks`, `share`, `login`, `iv`: never usernames) used otherwise, or not a Telegram link.
/// An optional trailing `/` is allowed. `reason`/`hint` say what the link is when it names no
/// account.
struct TelegramLink {
  LinkKind kind = LinkKind::other;
  std::string target;
  IdentResult result;
};
TelegramLink read_telegram_link(std::string_view text);

/// Telegram public link naming an account (the account forms of `read_telegram_link`),
/// normalised to the username form; every other form is not ok, with its reason.
IdentResult telegram_link(std::string_view text);

/// E.164 phone number, a syntax check: `^\+?[1-9][0-9]{6,14}$`. Digits without `+` are
/// normalised by adding `+` (never a country code). Separators (ASCII space, `.`, `-`, `(`,
/// `)`, `/`, and every Unicode space and dash, named by code point) and the `00` international
/// prefix are rejected with the corrected number as the suggestion. A number that keeps its
/// country's national trunk prefix after the country code (`+4407700900123`; prefixes from
/// libphonenumber's metadata, those that begin with `0`) is rejected as `doubtful` with the
/// number without it. A national number (`030 1234567`) is told that the country code is
/// needed; no country is guessed.
IdentResult e164(std::string_view text);

/// IPv4 or IPv6 address in textual form; normalised (IPv6 compressed lower case, IPv4-mapped
/// IPv6 to IPv4).
IdentResult ip_address(std::string_view text);

/// An e-mail address as a mail client reads it: surrounding ASCII and Unicode white space
/// (U+00A0, U+2000–U+200A, U+202F, U+3000 ...) trimmed, with `note` naming what was removed;
/// then one `@`, a non-empty local part and a domain with a dot. The normalised form is the
/// lower-cased domain. Fails closed: any other non-ASCII character (full-width letters, other
/// scripts, invisible or format characters such as U+200B) is not ok and `doubtful`, its reason
/// naming the code point; no IDNA mapping is attempted (the page must judge as the CLI does).
/// Both EMER-02 and AUTH-03 read addresses through this function.
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

/// `text` with its control characters (C0, DEL and C1, e.g. a newline or ESC) and bidirectional
/// controls (U+200E, U+200F, U+202A–202E, U+2066–2069) written as `\uXXXX` and the rest as is,
/// so that a request's value shown in a report can neither start a line of its own (a forged
/// "verdict:"), command a terminal, nor reorder what follows it. UTF-8 in, UTF-8 out.
std::string escape_controls(std::string_view text);

/// Code point `cp` as UTF-8; U+FFFD for one that is not a Unicode scalar value (a surrogate,
/// past U+10FFFF) or is U+0000.
std::string utf8(char32_t cp);

/// Levenshtein edit distance, used for "did you mean" hints on field names and enum values.
size_t edit_distance(std::string_view a, std::string_view b);

/// `U+00A0`-style name of a code point, with a short name for the invisible and space
/// characters a reader cannot see (`U+00A0 no-break space`).
std::string code_point_name(char32_t cp);

/// True for Unicode white space (White_Space property) and for the dashes of category Pd plus
/// U+2212 minus: what a writer uses as a separator.
bool unicode_space(char32_t cp);
bool unicode_dash(char32_t cp);

/// True for characters that render as nothing: format characters (Cf: U+00AD, U+200B–U+200F,
/// U+202A–U+202E, U+2060–U+2064, U+2066–U+206F, U+FEFF ...), variation selectors and fillers.
bool invisible(char32_t cp);

/// Decodes the UTF-8 code point at `i` and advances `i`; the text is valid UTF-8 (the reader
/// checks it).
char32_t next_code_point(std::string_view text, size_t& i);

/// Byte offset of the first byte that is not well-formed UTF-8 (a bad lead or continuation
/// byte, a truncated sequence, an overlong form, a surrogate, past U+10FFFF), or npos when all
/// of `text` is. pugixml does not check the encoding; the page refuses such files.
std::size_t first_invalid_utf8(std::string_view text);

/// Lower-cases ASCII letters.
std::string ascii_lower(std::string_view text);

/// Upper-cases ASCII letters.
std::string ascii_upper(std::string_view text);

}  // namespace reqcheck::ident
