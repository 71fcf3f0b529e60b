// Rules of the emergency family: an emergency disclosure request states its justification
// (EMER-01), and the requester shows no signs of a forged request (EMER-02).
#include <chrono>

#include "ident/identifiers.hpp"
#include "ident/rfc3339.hpp"
#include "rules/rule.hpp"

namespace reqcheck::rules {
namespace {

bool on_list(const std::vector<std::string>& list, const std::string& domain) {
  for (const auto& d : list)
    if (ident::domain_matches(domain, d)) return true;
  return false;
}

void emer01(Context& c) {
  const auto& asked = c.request.emergency;
  // a deadline beyond a century is no deadline; checked before converting, which would overflow
  if (asked && asked->deadline_hours && *asked->deadline_hours < 24.0 * 365 * 100) {
    const auto due = c.received.instant + std::chrono::milliseconds(static_cast<std::int64_t>(*asked->deadline_hours * 3600000.0));
    c.deadline("emergency response requested", ident::format_utc(due), "/emergency/deadline_hours");
  }
  if (!c.emergency()) {
    c.not_applicable("/emergency", "the request does not claim an emergency");
    return;
  }
  const auto& e = c.request.emergency;
  std::string missing;
  if (!e || !e->threat) missing += "`threat`";
  if (!e || !e->person_at_risk) missing += std::string(missing.empty() ? "" : ", ") + "`person_at_risk`";
  if (!e || !e->why_this_data) missing += std::string(missing.empty() ? "" : ", ") + "`why_this_data`";
  if (!missing.empty()) {
    c.fail("/emergency", "the emergency request does not state " + missing,
           "state the imminent threat of death or serious injury, who is at risk, and how this data averts it");
    return;
  }
  c.pass("/emergency", "the emergency states the threat, the person at risk and why this data averts it");
}

void emer02(Context& c) {
  const auto& r = c.request.requester;
  if (!r || !r->email) {
    c.incomplete("/requester", "the requester's e-mail address is not given", "give `requester.email` at the agency's official domain");
    return;
  }
  const auto email = ident::email_domain(*r->email);
  if (!email.ok) {
    c.review("/requester", email.reason, email.hint);
    return;
  }
  const auto& free = c.strings("free_mail_domains");
  std::vector<std::string> signals;
  // a repaired address is read, but the repair itself is a sign worth a look
  if (!email.note.empty()) signals.push_back(email.note);
  if (on_list(free, email.normalised)) signals.push_back("the requester writes from the free-mail domain " + quote(email.normalised));
  if (r->reply_to) {
    const auto reply = ident::email_domain(*r->reply_to);
    if (!reply.ok) {
      signals.push_back("`reply_to`: " + (reply.doubtful ? reply.reason : quote(*r->reply_to) + " is not a valid e-mail address"));
    } else {
      if (!reply.note.empty()) signals.push_back("`reply_to`: " + reply.note);
      if (on_list(free, reply.normalised)) signals.push_back("replies go to the free-mail domain " + quote(reply.normalised));
      else if (reply.normalised != email.normalised)
        signals.push_back("replies go to " + quote(reply.normalised) + ", another domain than the sender's " + quote(email.normalised));
    }
  }
  if (c.emergency()) {
    if (!r->supervisor || (!r->supervisor->name && !r->supervisor->phone))
      signals.push_back("the emergency request names no supervisor to verify it with");
    // a supervisor contact is a name and a phone (EMER-02.md): a name alone cannot be called
    // back, and a number alone says not whom the platform reaches
    else if (!r->supervisor->phone)
      signals.push_back("the supervisor " + quote(*r->supervisor->name) + " has no phone number to verify the request with");
    else if (!r->supervisor->name)
      signals.push_back("the supervisor's phone number is given without the supervisor's name");
    // the platform calls the supervisor back: a number that cannot be dialled as written is no
    // way to verify the request
    else if (r->supervisor->phone && !ident::e164(*r->supervisor->phone).ok)
      signals.push_back("the supervisor's phone number cannot be called back as written: " + ident::e164(*r->supervisor->phone).reason);
    if (r->channel && *r->channel == "email") signals.push_back("the emergency request arrived by e-mail");
  }
  const bool official = on_list(c.strings("official_domain_suffixes"), email.normalised);
  if (!signals.empty()) {
    std::string msg;
    for (const auto& s : signals) msg += (msg.empty() ? "" : "; ") + s;
    c.review("/requester", msg,
             "verify the requester through a known channel (call the agency's published number, or the supervisor) before disclosing");
    return;
  }
  c.pass("/requester", official ? quote(email.normalised) + " is on the list of official domains (a positive signal)"
                                : "no sign of a forged request (" + quote(email.normalised) + " is not a free-mail domain)");
}

}  // namespace

const std::vector<Rule>& emergency_rules() {
  static const std::vector<Rule> rules = {
      {"EMER-01", "emergency request states its justification", "18 U.S.C. 2702(b)(8), (c)(4); platform emergency disclosure forms",
       "emergency", {}, emer01},
      {"EMER-02", "requester authenticity signals", "fraudulent emergency requests, 2021–2024", "emergency",
       {{"free_mail_domains", ParamKind::string_list, {}, {}}, {"official_domain_suffixes", ParamKind::string_list, {}, {}}}, emer02},
  };
  return rules;
}

}  // namespace reqcheck::rules
