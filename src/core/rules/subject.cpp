// Rules of the subject family: each target identifier names one account of the service
// (SUBJ-01), none is a look-alike of another (SUBJ-02), and each target is a suspect (SUBJ-03).
#include "ident/identifiers.hpp"
#include "parse/enums.hpp"
#include "parse/json_text.hpp"
#include "rules/rule.hpp"

namespace reqcheck::rules {
namespace {

using parse::kTargetRoles;
using parse::kTargetTypes;
using parse::pointer_append;

std::string target_ptr(std::size_t i, std::string_view field) { return pointer_append(pointer_append("/targets", i), field); }

bool no_targets(const Context& c) { return !c.request.targets || c.request.targets->empty(); }

/// Identifier syntax of a Telegram target; nullopt for types the service has no syntax for.
std::optional<ident::IdentResult> telegram_identifier(const std::string& type, const std::string& value) {
  if (type == "user_id") return ident::telegram_user_id(value);
  if (type == "username") return ident::telegram_username(value);
  if (type == "link") return ident::read_telegram_link(value).result;
  if (type == "phone_number") return ident::e164(value);
  return std::nullopt;
}

/// When a value is invalid for its `type` but valid as another identifier type, the two fields
/// contradict each other: names the type the value reads as, so the liaison fixes the type
/// rather than the value. Empty when the value reads as nothing else.
std::string other_type(const std::string& type, const std::string& value) {
  if (type != "link" && ident::read_telegram_link(value).kind != ident::LinkKind::other) return "link";
  if (type != "phone_number" && !value.empty() && value.front() == '+' && ident::e164(value).ok) return "phone_number";
  if (type != "username" && !value.empty() && value.front() == '@' && ident::telegram_username(value).ok) return "username";
  if (type != "user_id" && type != "phone_number" && ident::telegram_user_id(value).ok) return "user_id";
  return {};
}

void subj01(Context& c) {
  if (no_targets(c)) {
    c.fail("/targets", "the request names no target", "add at least one target with its `type`, `value` and `role`");
    return;
  }
  const bool telegram = c.request.service && ident::ascii_lower(*c.request.service) == "telegram";
  for (std::size_t i = 0; i < c.request.targets->size(); ++i) {
    const auto& t = (*c.request.targets)[i];
    const std::string ptr = target_ptr(i, "value");
    if (!t.type || !t.value) {
      c.incomplete(ptr, "target " + nth(i) + " has no " + (t.type ? "`value`" : "`type`"),
                   "give both `type` and `value` of each target");
      continue;
    }
    if (c.listed("rejected_target_types", *t.type)) {
      c.fail(ptr, "a target of type " + quote(*t.type) + " does not identify an account", "give the user id, username, public link or phone number of the account");
      continue;
    }
    if (c.listed("review_target_types", *t.type)) {
      c.review(ptr, "a target of type " + quote(*t.type) + " is not an account identifier of the service",
               "the platform may not be able to match it to an account; give the user id, username, public link or phone number");
      continue;
    }
    if (!telegram) {
      c.review(ptr, "no identifier rules are encoded for service " + quote(c.request.service.value_or("")),
               "check the identifier by hand, or set `service` to a service the pack covers");
      continue;
    }
    const auto r = telegram_identifier(*t.type, *t.value);
    if (!r) {
      c.review(ptr, "a target of type " + quote(*t.type) + " cannot be checked as an account identifier", "give the user id, username or phone number");
    } else if (r->ok && !r->note.empty()) {
      c.review(ptr, r->note, "check the value as the platform shows it");
    } else if (r->ok) {
      c.pass(ptr, quote(*t.value) + " is a valid " + *t.type + (r->normalised != *t.value ? " (read as " + quote(r->normalised) + ")" : ""));
    } else if (const std::string as = other_type(*t.type, *t.value); !as.empty()) {
      c.fail(ptr, r->reason + "; it reads as " + a_quoted(as), "`type` says " + quote(*t.type) + " but the value is " + a_quoted(as) +
                                                                   ": set `type` to " + quote(as) + " if that is what is meant");
    } else if (r->doubtful) {
      c.review(ptr, r->reason, r->hint);
    } else {
      c.fail(ptr, r->reason, r->hint);
    }
  }
}

void subj02(Context& c) {
  bool any = false;
  if (!no_targets(c)) {
    for (std::size_t i = 0; i < c.request.targets->size(); ++i) {
      const auto& t = (*c.request.targets)[i];
      if (!t.type || (*t.type != "username" && *t.type != "link")) continue;
      any = true;
      const std::string ptr = target_ptr(i, "value");
      if (!t.value) {
        c.incomplete(ptr, "target " + nth(i) + " has no `value`", "give the username as written on the platform");
        continue;
      }
      const std::string why = ident::lookalike_script(*t.value);
      if (why.empty())
        c.pass(ptr, quote(*t.value) + " is plain ASCII: it cannot be confused with a look-alike");
      else
        c.fail(ptr, quote(*t.value) + " " + why,
               "copy the username from the platform itself; look-alike characters name a different account, which is never substituted");
    }
  }
  if (!any) c.not_applicable("/targets", "no username or link target");
}

void subj03(Context& c) {
  if (no_targets(c)) {
    c.incomplete("/targets", "the request names no target, so no role", "add the targets with their `role`");
    return;
  }
  for (std::size_t i = 0; i < c.request.targets->size(); ++i) {
    const auto& t = (*c.request.targets)[i];
    const std::string ptr = target_ptr(i, "role");
    if (!t.role || *t.role == "unknown") {
      c.incomplete(ptr, "the role of target " + nth(i) + " is " + (t.role ? "`unknown`" : "not given"),
                   "state whether the account holder is a `suspect` or `accused`: the platform discloses only a suspect's data");
    } else if (c.listed("accepted_target_roles", *t.role)) {
      c.pass(ptr, "target " + nth(i) + " is " + a_quoted(*t.role));
    } else {
      c.fail(ptr, "target " + nth(i) + " is " + a_quoted(*t.role) + ", not a suspect",
             "the platform discloses data only of a suspect; remove this target, or give the legal basis for a suspect");
    }
  }
}

}  // namespace

const std::vector<Rule>& subject_rules() {
  static const std::vector<Rule> rules = {
      {"SUBJ-01", "every target identifier is valid for the service", "Telegram Privacy Policy §3.1", "subject",
       {{"review_target_types", ParamKind::string_list, kTargetTypes, {}},
        {"rejected_target_types", ParamKind::string_list, kTargetTypes, {}}},
       subj01},
      {"SUBJ-02", "no look-alike identifiers", "account-impersonation cases", "subject", {}, subj02},
      {"SUBJ-03", "every target is a suspect or accused", "Telegram Privacy Policy §8.3: \"suspect\"", "subject",
       {{"accepted_target_roles", ParamKind::string_list, kTargetRoles, {}}}, subj03},
  };
  return rules;
}

}  // namespace reqcheck::rules
