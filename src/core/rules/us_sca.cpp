// Rules of the `us_sca` profile (frameworks.md §3.3): what compulsory process of the US Stored
// Communications Act, 18 U.S.C. 2701–2713, can reach (SCA-01), who may issue it (SCA-02), and
// the questions a foreign issuer, an emergency, a preservation or a gag order raise (SCA-03…07).
// The profile's pack (assets/packs/us-sca.json) says when it applies. Not judged: probable cause,
// "specific and articulable facts" (presence only), and whether US process reaches the platform.
#include "ident/law.hpp"
#include "parse/enums.hpp"
#include "parse/json_text.hpp"
#include "rules/rule.hpp"
#include "rules/timecmp.hpp"

namespace reqcheck::rules {
namespace {

using parse::kAuthorityTypes;
using parse::kDataCategories;
using parse::pointer_append;

const std::string* instrument_type(const Context& c) {
  const auto& in = c.request.instrument;
  return in && in->type ? &*in->type : nullptr;
}

bool is(const std::string* type, std::string_view want) { return type && *type == want; }

/// An instrument that does not compel disclosure: an emergency request (voluntary, 2702) or a
/// preservation request (2703(f)).
bool not_compulsory(const std::string* type) { return is(type, "emergency_request") || is(type, "preservation_request"); }

/// The issuing authority's country (frameworks.md §2.1), nullopt when absent or not a code.
std::optional<std::string> issuer_country(const Context& c) {
  return c.request.issuing_authority ? ident::country(c.request.issuing_authority->country) : std::nullopt;
}

/// SCA-01, for a subpoena or a 2703(d) order: one finding per data item, by the category's class
/// (basic subscriber information, records, contents; others unclassified).
void sca01_items(Context& c, bool order_2703d) {
  const auto& list = c.request.data_requested;
  if (!list || list->empty()) {
    c.incomplete("/data_requested", "the request names no data, so what the process can compel cannot be judged",
                 "list the data asked for in `data_requested`");
    return;
  }
  const std::string process = order_2703d ? "a 2703(d) order" : "a subpoena";
  const auto warrant_days = c.integer("sca_warrant_days");
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto& d = (*list)[i];
    const std::string item = pointer_append("/data_requested", i);
    const std::string ptr = pointer_append(item, "category");
    if (!d.category) {
      c.incomplete(ptr, "data item " + nth(i) + " has no category", "give its `category`");
    } else if (c.listed("sca_bsi_categories", *d.category)) {
      c.pass(ptr, quote(*d.category) + " is basic subscriber information, which " + process + " may compel (2703(c)(2))");
    } else if (c.listed("sca_record_categories", *d.category)) {
      if (order_2703d)
        c.pass(ptr, quote(*d.category) + " is a record about the customer, which a 2703(d) order may compel (2703(c)(1)(B))");
      else
        c.fail(ptr, quote(*d.category) + " is a record beyond basic subscriber information: a subpoena cannot compel it",
               "obtain a 2703(d) court order or a warrant for records (2703(c)(1)), or narrow the subpoena to " +
                   backticked(c.strings("sca_bsi_categories")));
    } else if (c.listed("sca_content_categories", *d.category)) {
      if (c.boolean("us_content_requires_warrant")) {
        c.fail(ptr, quote(*d.category) + " is content, which the platform discloses only on a warrant",
               "obtain a warrant for content (2703(a), (b)(1)(A))");
      } else if (!d.to) {
        c.incomplete(pointer_append(item, "to"), "the content item has no `to`, so its age at receipt cannot be judged",
                     "give the range of the content; content stored " + std::to_string(warrant_days) + " days or less needs a warrant");
      } else if (age_at_receipt(*d.to, c.received) <= days(warrant_days)) {
        c.fail(pointer_append(item, "to"),
               "content up to " + quote(d.to->text) + " has been stored " + std::to_string(warrant_days) +
                   " days or less at receipt: only a warrant compels it",
               "obtain a warrant (2703(a)), or limit the request to content older than " + std::to_string(warrant_days) + " days");
      } else {
        c.review(pointer_append(item, "to"),
                 "content older than " + std::to_string(warrant_days) + " days may be compelled by " + process +
                     " only with prior notice to the subscriber (or notice delayed under 2705)",
                 "state the prior notice given to the subscriber, or a delay order under 2705(a); or obtain a warrant (2703(b)(1))");
      }
    } else {
      c.review(ptr, quote(*d.category) + " is not a category the Stored Communications Act classes here",
               "say whether it is basic subscriber information (2703(c)(2)), a record (2703(c)(1)) or content (2703(a)-(b)), "
               "or request a listed category");
    }
  }
}

/// SCA-01: the process can compel the data asked for (2703(a)–(d)).
void sca01(Context& c) {
  const auto* type = instrument_type(c);
  if (!type) {
    c.incomplete("/instrument/type", "the type of instrument is not given", "give `instrument.type`");
  } else if (*type == "warrant") {
    c.pass("/instrument/type", "a warrant may compel every category of the Stored Communications Act (2703(a)-(c))");
  } else if (*type == "court_order") {
    c.review("/instrument/type", "a court order compels under the Stored Communications Act as a warrant or a 2703(d) order: which it is decides what it reaches",
             "give `instrument.type` `warrant` or `sca_2703d_order` as the order states; content newer than " +
                 std::to_string(c.integer("sca_warrant_days")) + " days needs a warrant");
  } else if (not_compulsory(type)) {
    c.not_applicable("/instrument/type", a_quoted(*type) + " compels no disclosure");
  } else {
    sca01_items(c, *type == "sca_2703d_order");
  }
}

/// SCA-02: the issuer may issue this process: a court of competent jurisdiction for a warrant or
/// 2703(d) order (2711(3)); a governmental entity for a subpoena (2703(c)(2)).
void sca02(Context& c) {
  const auto* type = instrument_type(c);
  if (!type || not_compulsory(type)) {
    c.not_applicable("/instrument/type", type ? a_quoted(*type) + " is not compulsory process" : "no instrument type");
    return;
  }
  const auto& ia = c.request.issuing_authority;
  if (!ia || !ia->type) {
    c.incomplete("/issuing_authority/type", "the issuing authority's type is not given", "give `issuing_authority.type`");
    return;
  }
  const std::string& who = *ia->type;
  const auto& courts = c.strings("sca_court_types");
  if (*type == "warrant" || *type == "sca_2703d_order") {
    if (c.listed("sca_court_types", who))
      c.pass("/issuing_authority/type", a_quoted(*type) + " issued by " + a_quoted(who));
    else
      c.fail("/issuing_authority/type", a_quoted(*type) + " is issued by a court of competent jurisdiction, not " + a_quoted(who),
             "obtain the " + quote(*type) + " from a court (" + backticked(courts) + "; 2711(3))");
  } else if (*type == "subpoena") {
    if (c.listed("sca_subpoena_issuers", who))
      c.pass("/issuing_authority/type", "a subpoena issued by " + a_quoted(who));
    else
      c.review("/issuing_authority/type", "a subpoena issued by " + a_quoted(who) + ": check that it is an administrative, grand jury or trial subpoena",
               "name the authority under whose statute the subpoena was issued (" + backticked(c.strings("sca_subpoena_issuers")) + ")");
  } else if (c.listed("sca_court_types", who)) {
    c.pass("/issuing_authority/type", a_quoted(*type) + " issued by " + a_quoted(who));
  } else {
    c.review("/issuing_authority/type", a_quoted(*type) + " issued by " + a_quoted(who) + ", not a court",
             "check who issued it; a court order under the Stored Communications Act comes from a court (" + backticked(courts) + ")");
  }
}

/// SCA-03 (text not verified): a 2703(d) order rests on "specific and articulable facts"; only
/// their presence is looked at.
void sca03(Context& c) {
  const auto* type = instrument_type(c);
  if (!is(type, "sca_2703d_order")) {
    c.not_applicable("/instrument/type", "not a 2703(d) order");
    return;
  }
  if (c.request.instrument->statement_of_reasons) {
    c.not_applicable("/instrument/statement_of_reasons", "the 2703(d) order states its reasons (their merit is not judged)");
    return;
  }
  c.review("/instrument/statement_of_reasons", "the 2703(d) order states no facts showing the records are relevant and material to an investigation",
           "give the order's `statement_of_reasons`: the specific and articulable facts it rests on (2703(d))");
}

/// SCA-04: an emergency disclosure is voluntary and made to a governmental entity
/// (2702(b)(8), (c)(4); 2711(4)).
void sca04(Context& c) {
  if (!c.emergency()) {
    c.not_applicable("/emergency", "not an emergency request");
    return;
  }
  const auto country = issuer_country(c);
  if (!country) {
    c.incomplete("/issuing_authority/country", "the issuing authority's country is not given as an ISO 3166-1 code",
                 "give `issuing_authority.country`, e.g. `US`");
    return;
  }
  if (*country == "US") {
    c.pass("/issuing_authority/country",
           "a US governmental entity may ask for an emergency disclosure; the platform discloses voluntarily and may decline");
    return;
  }
  c.review("/issuing_authority/country",
           "an authority of " + quote(*country) + " is not a US \"governmental entity\" (2711(4)): the emergency exceptions may not cover it",
           "make the request under your own law, or through a US authority or the platform's emergency channel");
}

/// SCA-05 (text not verified): preservation under 2703(f) is on the request of a US governmental
/// entity, for 90 days, renewable once.
void sca05(Context& c) {
  const auto* type = instrument_type(c);
  if (!is(type, "preservation_request")) {
    c.not_applicable("/instrument/type", "not a preservation request");
    return;
  }
  const auto country = issuer_country(c);
  if (country && *country == "US") {
    c.not_applicable("/issuing_authority/country", "a US governmental entity's preservation request (2703(f): 90 days, renewable once for 90 more)");
    return;
  }
  c.review("/issuing_authority/country",
           country ? "a preservation request from " + quote(*country) + ": 2703(f) binds a provider at the request of a US governmental entity"
                   : "a preservation request whose issuer's country is not given: 2703(f) binds a provider at the request of a US "
                     "governmental entity",
           "ask through a US authority or a 24/7 network contact; preservation lasts 90 days, renewable once, and must be followed "
           "by process (2703(f)(2))");
}

/// SCA-06 (text not verified): compulsory process of a foreign authority reaches a US provider
/// through mutual legal assistance (3512) or an executive agreement (2523), not directly (2713).
void sca06(Context& c) {
  const auto* type = instrument_type(c);
  if (!type || not_compulsory(type)) {
    c.not_applicable("/instrument/type", "not compulsory process");
    return;
  }
  const auto country = issuer_country(c);
  if (country && *country == "US") {
    c.not_applicable("/issuing_authority/country", "US process");
    return;
  }
  c.review("/issuing_authority/country",
           (country ? a_quoted(*type) + " of an authority of " + quote(*country) : a_quoted(*type) + " whose issuer's country is not given") +
               ": foreign process under the Stored Communications Act goes through mutual legal assistance or an executive agreement",
           "send it as an MLAT request (18 U.S.C. 3512) or under an agreement under 2523, or give `issuing_authority.country`");
}

/// SCA-07 (text not verified): a provider is kept from notifying the user only by a court order
/// under 2705(b).
void sca07(Context& c) {
  const auto& nd = c.request.non_disclosure;
  if (!nd || !nd->requested.value_or(false)) {
    c.not_applicable("/non_disclosure", "no non-disclosure is asked for");
    return;
  }
  if (nd->order_reference) {
    c.not_applicable("/non_disclosure/order_reference", "non-disclosure under order " + quote(*nd->order_reference));
    return;
  }
  c.review("/non_disclosure/order_reference", "non-disclosure is asked for without a court order that commands it",
           "give `non_disclosure.order_reference`: the preclusion-of-notice order of a court under 2705(b); a request alone does not bind");
}

}  // namespace

/// The `us_sca` family: SCA-01…07, listed with their legal sources by assets/packs/us-sca.json.
const std::vector<Rule>& us_sca_rules() {
  static const std::vector<Rule> rules = {
      {"SCA-01", "the process can compel the data asked for", "18 U.S.C. 2703(a)-(d)", "us_sca",
       {{"sca_bsi_categories", ParamKind::string_list, kDataCategories, {}},
        {"sca_record_categories", ParamKind::string_list, kDataCategories, {}},
        {"sca_content_categories", ParamKind::string_list, kDataCategories, {}},
        {"sca_warrant_days", ParamKind::integer, {}, {}, 1, 3650},
        {"us_content_requires_warrant", ParamKind::boolean, {}, {}, 0, 0, true}},
       sca01},
      {"SCA-02", "the issuer may issue this process", "18 U.S.C. 2711(3); 2703(c), (d)", "us_sca",
       {{"sca_court_types", ParamKind::string_list, kAuthorityTypes, {}},
        {"sca_subpoena_issuers", ParamKind::string_list, kAuthorityTypes, {}}},
       sca02},
      {"SCA-03", "a 2703(d) order states its facts", "18 U.S.C. 2703(d) (text not verified)", "us_sca", {}, sca03, RuleKind::review_only},
      {"SCA-04", "an emergency request comes from a US governmental entity", "18 U.S.C. 2702(b)(8), (c)(4), (c)(6); 2711(4)", "us_sca", {},
       sca04},
      {"SCA-05", "a preservation request comes from a US governmental entity", "18 U.S.C. 2703(f) (text not verified)", "us_sca", {},
       sca05, RuleKind::review_only},
      {"SCA-06", "foreign process goes through MLA or an executive agreement", "18 U.S.C. 2713; 2523 (text not verified)", "us_sca", {},
       sca06, RuleKind::review_only},
      {"SCA-07", "non-disclosure rests on a court order", "18 U.S.C. 2705(b) (text not verified)", "us_sca", {}, sca07,
       RuleKind::review_only},
  };
  return rules;
}

}  // namespace reqcheck::rules
