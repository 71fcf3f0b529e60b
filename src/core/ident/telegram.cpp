// Telegram account identifiers (criteria.md SUBJ-01, SUBJ-02; Telegram Privacy Policy §3.1).
// Does not decide what is disclosable; only whether the text names one account.
#include <cctype>

#include "ident/identifiers.hpp"

namespace reqcheck::ident {
namespace {

IdentResult bad(std::string reason, std::string hint = {}) {
  return IdentResult{false, {}, std::move(reason), std::move(hint)};
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && ascii_lower(s.substr(0, prefix.size())) == prefix;
}

}  // namespace

IdentResult telegram_user_id(std::string_view text) {
  if (text.empty() || text.size() > 16) return bad("`" + std::string(text) + "` is not a Telegram user id", "a user id is a number below 2^52");
  uint64_t v = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return bad("`" + std::string(text) + "` is not a Telegram user id: only digits are allowed",
                 "give the numeric id, or use type `username` for a name");
    v = v * 10 + uint64_t(c - '0');
  }
  if (v < 1 || v >= (uint64_t{1} << 52))
    return bad("`" + std::string(text) + "` is outside the range of Telegram user ids (1 to 2^52-1)", "check the number");
  return IdentResult{true, std::to_string(v), {}, {}};
}

IdentResult telegram_username(std::string_view text) {
  std::string_view name = text;
  if (!name.empty() && name.front() == '@') name.remove_prefix(1);
  const std::string shown = "`" + std::string(text) + "`";
  if (!lookalike_script(name).empty())
    return bad(shown + " is not a Telegram username: it " + lookalike_script(name),
               "usernames use only the ASCII letters A-Z, digits and `_`; copy the name from the platform itself");
  if (name.size() < 5 || name.size() > 32)
    return bad(shown + " is not a Telegram username: it must have 5 to 32 characters", "check the spelling");
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_')
      return bad(shown + " is not a Telegram username: `" + std::string(1, c) + "` is not allowed",
                 "usernames use only A-Z, a-z, 0-9 and `_`");
  if (!std::isalpha(static_cast<unsigned char>(name.front())))
    return bad(shown + " is not a Telegram username: it must start with a letter", "check the spelling");
  if (name.back() == '_') return bad(shown + " is not a Telegram username: it must not end with `_`", "check the spelling");
  if (name.find("__") != std::string_view::npos)
    return bad(shown + " is not a Telegram username: it must not contain `__`", "check the spelling");
  return IdentResult{true, "@" + ascii_lower(name), {}, {}};
}

IdentResult telegram_link(std::string_view text) {
  std::string_view s = text;
  const std::string shown = "`" + std::string(text) + "`";
  if (starts_with_ci(s, "https://")) s.remove_prefix(8);
  else if (starts_with_ci(s, "http://")) s.remove_prefix(7);
  if (starts_with_ci(s, "www.")) s.remove_prefix(4);
  if (starts_with_ci(s, "t.me/")) s.remove_prefix(5);
  else if (starts_with_ci(s, "telegram.me/")) s.remove_prefix(12);
  else
    return bad(shown + " is not a Telegram link: the host must be `t.me` or `telegram.me`",
               "give the public link `https://t.me/<username>`, or the username itself");
  if (!s.empty() && s.back() == '/') s.remove_suffix(1);
  if (!s.empty() && s.front() == '+')
    return bad(shown + " is an invite link: it names a chat, not an account",
               "name the account (username or user id) of the suspect instead");
  if (starts_with_ci(s, "joinchat/"))
    return bad(shown + " is an invite link: it names a chat, not an account",
               "name the account (username or user id) of the suspect instead");
  if (starts_with_ci(s, "c/"))
    return bad(shown + " is a link to a private chat message: it names no account",
               "name the account (username or user id) of the suspect instead");
  auto user = telegram_username(s);
  if (!user.ok) return bad(shown + " does not point at a valid account: " + user.reason, user.hint);
  return user;
}

}  // namespace reqcheck::ident
