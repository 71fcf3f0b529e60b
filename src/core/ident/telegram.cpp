// Telegram account identifiers (criteria.md SUBJ-01, SUBJ-02; Telegram Privacy Policy §3.1):
// user ids, usernames, and the one grammar of Telegram's link forms. Does not decide what is
// disclosable; only whether the text names one account, and what it names if not.
#include <cctype>
#include <vector>

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

namespace {
/// First paths of t.me that are Telegram's own pages, never usernames (criteria.md SUBJ-01): a
/// username that is one of them names no account, however it is written (`@joinchat`,
/// `t.me/s/joinchat`, `joinchat.t.me`, `tg://resolve?domain=joinchat`).
constexpr std::string_view kReserved[] = {"joinchat", "s", "c", "addstickers", "addemoji", "proxy", "socks", "share", "login", "iv"};
}  // namespace

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
  for (auto r : kReserved)
    if (ascii_lower(name) == r)
      return bad(shown + " is not a Telegram username: `" + std::string(r) + "` is a reserved path of t.me, Telegram's own page",
                 "give the account's own username, as its profile shows it");
  return IdentResult{true, "@" + ascii_lower(name), {}, {}};
}

namespace {

bool reserved(std::string_view segment) {
  const std::string lower = ascii_lower(segment);
  for (auto r : kReserved)
    if (lower == r) return true;
  return false;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (size_t start = 0;;) {
    const size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

constexpr std::string_view kNameAccount = "name the account (username or user id) of the suspect instead";

TelegramLink chat(const std::string& shown, std::string_view what) {
  return TelegramLink{LinkKind::chat, {}, bad(shown + " is " + std::string(what) + ": it names a chat, not an account", std::string(kNameAccount))};
}

TelegramLink account(const std::string& shown, std::string_view name) {
  TelegramLink out{LinkKind::account, std::string(name), telegram_username(name)};
  if (!out.result.ok) out.result = bad(shown + " does not point at a valid account: " + out.result.reason, out.result.hint);
  return out;
}

TelegramLink phone(const std::string& shown, std::string_view digits) {
  TelegramLink out{LinkKind::phone, "+" + std::string(digits), e164("+" + std::string(digits))};
  if (!out.result.ok) {
    // still a phone link, so a review like any other, with the corrected number where there is one
    const std::string fixed = out.result.suggestion;
    out.result = bad(shown + " is a phone-number link, but " + out.result.reason,
                     fixed.empty() ? out.result.hint : "give it as a target of type `phone_number`: `" + fixed + "`");
    out.result.suggestion = fixed;
    out.result.doubtful = !fixed.empty();
    return out;
  }
  out.result = bad(shown + " is a phone-number link: it opens the account registered to " + "`" + out.target + "`",
                   "give it as a target of type `phone_number`: `" + out.target + "`");
  out.result.suggestion = out.target;
  out.result.doubtful = true;
  return out;
}

TelegramLink message(const std::string& shown, std::string_view user) {
  TelegramLink out{LinkKind::message, std::string(user), {}};
  if (user.empty()) {
    out.result = bad(shown + " is a link to a message in a private chat: it names a message, not an account", std::string(kNameAccount));
  } else {
    const auto name = telegram_username(user);
    out.result = bad(shown + " is a link to a message of " + (name.ok ? "`" + name.normalised + "`" : "`" + std::string(user) + "`") +
                         ": it names a message, not an account",
                     name.ok ? "if the account is meant, give `" + name.normalised + "` as a target of type `username`; "
                               "if it is the message's author, name that account"
                             : std::string(kNameAccount));
    if (name.ok) out.result.suggestion = name.normalised;
  }
  out.result.doubtful = true;
  return out;
}

TelegramLink other(const std::string& shown, std::string why) {
  return TelegramLink{LinkKind::other, {}, bad(shown + " " + why, "give the public link `https://t.me/<username>`, or the username itself")};
}

/// `tg://resolve?domain=…[&post=…]`, `tg://resolve?phone=…`, `tg://join?invite=…`.
TelegramLink tg_scheme(const std::string& shown, std::string_view s) {
  const auto q = s.find('?');
  const std::string action = ascii_lower(s.substr(0, q));
  std::string_view domain, phone_digits, post, invite;
  bool has_phone = false, has_domain = false;
  if (q != std::string_view::npos) {
    for (auto pair : split(s.substr(q + 1), '&')) {
      const auto eq = pair.find('=');
      const std::string key = ascii_lower(pair.substr(0, eq));
      const std::string_view value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
      if (key == "domain") domain = value, has_domain = true;
      else if (key == "phone") phone_digits = value, has_phone = true;
      else if (key == "post") post = value;
      else if (key == "invite") invite = value;
    }
  }
  if ((action == "resolve" || action == "resolve/") && has_phone && !has_domain) {
    std::string_view d = phone_digits;
    if (!d.empty() && d.front() == '+') d.remove_prefix(1);
    if (all_digits(d)) return phone(shown, d);
    return other(shown, "is a phone-number link without a number of digits");
  }
  if ((action == "resolve" || action == "resolve/") && has_domain && !has_phone) {
    if (!post.empty()) return message(shown, domain);
    return account(shown, domain);
  }
  if (action == "join" && !invite.empty()) return chat(shown, "an invite link");
  return other(shown, "is not a Telegram link form that names an account");
}

}  // namespace

TelegramLink read_telegram_link(std::string_view text) {
  std::string_view s = text;
  const std::string shown = "`" + std::string(text) + "`";
  if (starts_with_ci(s, "tg://")) return tg_scheme(shown, s.substr(5));
  if (starts_with_ci(s, "https://")) s.remove_prefix(8);
  else if (starts_with_ci(s, "http://")) s.remove_prefix(7);
  if (starts_with_ci(s, "www.")) s.remove_prefix(4);
  const auto host_end = s.find_first_of("/?#");
  const std::string host = ascii_lower(s.substr(0, host_end));
  std::string_view path = host_end != std::string_view::npos && s[host_end] == '/' ? s.substr(host_end + 1) : std::string_view{};
  // the query (`?start=…`, `?single`) and fragment qualify the page, they name nothing else
  path = path.substr(0, path.find_first_of("?#"));
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (host.size() > 5 && host.compare(host.size() - 5, 5, ".t.me") == 0) {
    // <username>.t.me: the account is the subdomain, and the page has no further path
    if (!path.empty()) return other(shown, "is not a Telegram link form that names an account: `<username>.t.me` takes no path");
    return account(shown, s.substr(0, host.size() - 5));
  }
  if (host != "t.me" && host != "telegram.me")
    return other(shown, "is not a Telegram link: the host must be `t.me`, `telegram.me` or `<username>.t.me`");
  const auto seg = split(path, '/');
  const std::string_view first = seg[0];
  if (!first.empty() && first.front() == '+') {
    // t.me/+<digits> opens the account of that phone number; any other t.me/+<hash> is an invite
    if (seg.size() == 1 && all_digits(first.substr(1))) return phone(shown, first.substr(1));
    return chat(shown, "an invite link");
  }
  const std::string lower = ascii_lower(first);
  if (lower == "joinchat" && seg.size() == 2 && !seg[1].empty()) return chat(shown, "an invite link");
  if (lower == "s" && seg.size() == 2) return account(shown, seg[1]);
  if (lower == "c" && seg.size() == 2 && all_digits(seg[1])) return chat(shown, "a link to a private chat");
  if (lower == "c" && (seg.size() == 3 || seg.size() == 4) && all_digits(seg[1]) && all_digits(seg[2]) &&
      (seg.size() == 3 || all_digits(seg[3])))
    return message(shown, {});
  if (reserved(first))
    return other(shown, "is a `t.me/" + lower + "/…` link, one of Telegram's own pages: `" + lower + "` is not a username");
  if (first.empty()) return other(shown, "names no account: the path after the host is empty");
  if (seg.size() == 1) return account(shown, first);
  if ((seg.size() == 2 || seg.size() == 3) && all_digits(seg[1]) && (seg.size() == 2 || all_digits(seg[2]))) return message(shown, first);
  return other(shown, "is not a Telegram link form that names an account");
}

IdentResult telegram_link(std::string_view text) {
  auto link = read_telegram_link(text);
  if (link.kind == LinkKind::account && link.result.ok) return link.result;
  link.result.ok = false;
  return link.result;
}

}  // namespace reqcheck::ident
