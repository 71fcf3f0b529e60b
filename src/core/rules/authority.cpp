// Rules of the authority family: who issued the instrument (AUTH-01), the issuing state's
// country code (AUTH-02) and whether the issuing authority can be identified (AUTH-03).
#include <optional>

#include "ident/identifiers.hpp"
#include "parse/enums.hpp"
#include "rules/rule.hpp"

namespace reqcheck::rules {
namespace {

using parse::kAuthorityTypes;
using parse::kInstrumentTypes;

bool free_mail(const Context& c, std::string_view email) {
  auto d = ident::email_domain(email);
  if (!d.ok) return false;
  for (const auto& f : c.strings("free_mail_domains"))
    if (ident::domain_matches(d.normalised, f)) return true;
  return false;
}

void auth01(Context& c) {
  const auto& va = c.request.validating_authority;
  if (va && va->type && c.listed("judicial_authority_types", *va->type)) {
    c.pass("/validating_authority/type", "the instrument is validated by a judicial authority (" + quote(*va->type) + ")");
    return;
  }
  const auto& ia = c.request.issuing_authority;
  if (ia && !ia->type && ia->role) {  // e.g. an HI-1 ApproverRole that maps to no type unambiguously
    c.review("/issuing_authority/type", "the role " + quote(*ia->role) + " could not be classified: set `issuing_authority.type`",
             "set `issuing_authority.type` to the kind of authority that issued the instrument (`court`, `judge`, `prosecutor` "
             "...); a role naming several (\"Public Prosecutor at the Regional Court\") is never guessed");
    return;
  }
  if (!ia || !ia->type) {
    c.incomplete("/issuing_authority/type", "the type of the issuing authority is not given",
                 "give `issuing_authority.type`: the platform discloses only on an order of a judicial authority");
    return;
  }
  const std::string& type = *ia->type;
  if (c.listed("judicial_authority_types", type)) {
    c.pass("/issuing_authority/type", "the issuing authority is judicial (" + quote(type) + ")");
    return;
  }
  const std::string instrument = c.request.instrument && c.request.instrument->type ? *c.request.instrument->type : "";
  for (const auto& route : c.routes("authority_review_routes")) {
    if (route.authority != type) continue;
    if (route.instrument && *route.instrument != instrument) continue;
    if (route.emergency && !c.emergency()) continue;
    std::string why = route.instrument ? " on " + a_quoted(*route.instrument) : route.emergency ? " on an emergency request" : "";
    c.review("/issuing_authority/type", "the issuing authority is " + a_quoted(type) + why + ", not a judicial authority",
             "the platform's legal team decides whether this route is accepted; an order of a court or judge, or validation "
             "by one (`validating_authority`), avoids the question");
    return;
  }
  c.fail("/issuing_authority/type", "the issuing authority is " + a_quoted(type) + ", not a judicial authority",
         "obtain an order from a court or judge, or have the instrument validated by one and name it in `validating_authority`");
}

void auth02(Context& c) {
  const auto& ia = c.request.issuing_authority;
  if (!ia || !ia->country) {
    c.incomplete("/issuing_authority/country", "the issuing authority's country is not given",
                 "give `issuing_authority.country` as an ISO 3166-1 alpha-2 code, e.g. `DE`");
    return;
  }
  const std::string& code = *ia->country;
  if (ident::iso3166_alpha2(code)) {
    c.pass("/issuing_authority/country", quote(code) + " is an ISO 3166-1 alpha-2 country code");
  } else if (auto iso = ident::iso3166_alias(code)) {
    c.review("/issuing_authority/country", quote(code) + " is not an ISO 3166-1 code",
             "write `" + std::string(*iso) + "` instead of " + quote(code));
  } else {
    std::string upper = code;
    for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    c.fail("/issuing_authority/country", quote(code) + " is not an ISO 3166-1 alpha-2 country code",
           ident::iso3166_alpha2(upper) ? "write it in capitals: `" + upper + "`"
                                        : "give the two-letter ISO 3166-1 code of the issuing state, e.g. `DE`, `FR`, `GB`");
  }
}

void auth03(Context& c) {
  const auto& ia = c.request.issuing_authority;
  if (!ia) {
    c.incomplete("/issuing_authority", "the issuing authority is not given",
                 "give `issuing_authority` with its name and an official e-mail address or phone number");
    return;
  }
  if (!ia->name) {
    c.incomplete("/issuing_authority", "the issuing authority has no name", "give `issuing_authority.name`");
    return;
  }
  if (!ia->email && !ia->phone) {
    c.incomplete("/issuing_authority", "the issuing authority has no contact", "give its official `email` or `phone` (E.164)");
    return;
  }
  const auto email = ia->email ? std::optional(ident::email_domain(*ia->email)) : std::nullopt;
  const auto phone = ia->phone ? std::optional(ident::e164(*ia->phone)) : std::nullopt;
  const bool email_ok = email && email->ok;
  const bool phone_ok = phone && phone->ok;
  if (!email_ok && !phone_ok) {
    // an address or number that is only doubtful (invisible or non-ASCII characters, a trunk
    // prefix) is for a person to confirm, not a proof of a forged request
    if (email && email->doubtful) {
      c.review("/issuing_authority/email", email->reason, email->hint);
      return;
    }
    if (phone && phone->doubtful) {
      c.review("/issuing_authority/phone", phone->reason, phone->hint);
      return;
    }
    c.fail("/issuing_authority", "the issuing authority's contact is not a valid e-mail address or E.164 phone number",
           "give an official e-mail address (`name@court.example`) or a phone number like `+4930123456`");
    return;
  }
  if (email_ok && !phone_ok && free_mail(c, *ia->email)) {
    c.review("/issuing_authority/email", "the only contact of the issuing authority is the free-mail address " + quote(*ia->email),
             "give the authority's official e-mail domain or phone number; free-mail addresses are used in forged requests");
    return;
  }
  if (email && !email_ok) {  // a valid phone does not make a doubtful or broken address right
    c.review("/issuing_authority/email",
             email->doubtful ? email->reason : "the issuing authority's e-mail address " + quote(*ia->email) + " is not valid: " + email->reason,
             email->doubtful ? email->hint : "correct the address, or remove it and rely on the phone number");
    return;
  }
  if (email_ok && !email->note.empty()) {  // e.g. a no-break space trimmed: what was sent is not the address
    c.review("/issuing_authority/email", email->note, "write the address without it, as the authority publishes it");
    return;
  }
  c.pass("/issuing_authority", quote(*ia->name) + " is identified with a valid " + (email_ok ? "e-mail address" : "phone number"));
}

}  // namespace

const std::vector<Rule>& authority_rules() {
  static const std::vector<Rule> rules = {
      {"AUTH-01", "issuing authority is judicial", "Telegram Privacy Policy §8.3: \"valid order from the relevant judicial authorities\"",
       "authority",
       {{"judicial_authority_types", ParamKind::string_list, kAuthorityTypes, {}},
        {"authority_review_routes", ParamKind::routes, kAuthorityTypes, kInstrumentTypes}},
       auth01},
      {"AUTH-02", "issuing authority's country is an ISO 3166-1 code", "ISO 3166-1 alpha-2", "authority", {}, auth02},
      {"AUTH-03", "issuing authority is identified", "DSA Art. 10(2)(a)(ii); platform law-enforcement guidelines", "authority",
       {{"free_mail_domains", ParamKind::string_list, {}, {}}}, auth03},
  };
  return rules;
}

}  // namespace reqcheck::rules
