// The `dsa10` profile (frameworks.md §1, §3.2): what Regulation (EU) 2022/2065 (Digital Services
// Act) Art. 10 asks of an order to provide information about recipients of the service. Its pack
// (assets/packs/eu-dsa10.json) applies it to `dsa_article_10_order` only; the DSA's languages and
// contact point are the platform's and come from the platform pack.
#include "ident/identifiers.hpp"
#include "ident/law.hpp"
#include "parse/enums.hpp"
#include "parse/json_text.hpp"
#include "rules/profile_params.hpp"
#include "rules/rule.hpp"
#include "rules/timecmp.hpp"

namespace reqcheck::rules {
namespace {

using parse::pointer_append;

/// DSA-01 (Art. 10(1)): the order is issued by a judicial or administrative authority of a Member
/// State. A country outside the Union fails even when the type is unknown: no type can cure it.
void dsa01(Context& c) {
  const auto& ia = c.request.issuing_authority;
  const auto country = ia ? ident::country(ia->country) : std::nullopt;
  if (country && !c.listed("eu_member_states", *country)) {
    c.fail("/issuing_authority/country", "the issuing authority's country " + quote(*country) + " is not a Member State of the Union",
           "an Art. 10 order comes only from a national judicial or administrative authority of a Member State; a third "
           "country's authority uses mutual legal assistance or its own law");
    return;
  }
  if (!country) {
    c.incomplete("/issuing_authority/country", "the issuing authority's country is not given as an ISO 3166-1 code",
                 "give `issuing_authority.country`, e.g. `FR`: Art. 10 orders come from Member States' authorities");
    return;
  }
  if (!ia->type) {
    c.incomplete("/issuing_authority/type", "the type of the issuing authority is not given",
                 "give `issuing_authority.type`, e.g. `court` or `administrative_authority`");
    return;
  }
  if (c.listed("dsa_authority_types", *ia->type)) {
    c.pass("/issuing_authority/type", "the issuing authority, of type " + quote(*ia->type) + ", is of " + quote(*country) + ", a Member State");
    return;
  }
  c.review("/issuing_authority/type", "an authority of type " + quote(*ia->type) + " is not plainly a judicial or administrative authority",
           "Art. 10(1) names national judicial or administrative authorities: state which law empowers this authority to "
           "issue the order, or have a court or administrative authority issue it");
}

/// DSA-02 (Art. 10(2)(a)(i)): the order states its legal basis in Union or national law. Only a
/// basis with a provision counts; the DSA itself is no such basis (recital 31), so an order citing
/// nothing else is reviewed.
void dsa02(Context& c) {
  const auto& in = c.request.instrument;
  std::size_t stated = 0, dsa_only = 0;
  if (in && in->legal_basis)
    for (const auto& b : *in->legal_basis) {
      if (!b.provision) continue;
      ++stated;
      if (ident::cited_framework(b, c.list_map("law_aliases")) == "eu_dsa") ++dsa_only;
    }
  if (stated == 0) {
    c.fail("/instrument/legal_basis", "the order states no legal basis with a provision",
           "give `instrument.legal_basis` with the `law` and `provision` of Union or national law the order is issued under");
    return;
  }
  if (stated == dsa_only) {
    c.review("/instrument/legal_basis", "the only legal basis given is the Digital Services Act itself",
             "Art. 10 sets conditions for orders issued under other Union or national law (recital 31): add the national "
             "provision that empowers the authority");
    return;
  }
  c.pass("/instrument/legal_basis", "the order states " + std::to_string(stated) + " legal basis" + (stated > 1 ? "es" : "") +
                                        " with a provision beyond the Digital Services Act");
}

/// DSA-03 (Art. 10(2)(a)(ii)): the order identifies the issuing authority.
void dsa03(Context& c) {
  const auto& ia = c.request.issuing_authority;
  if (ia && ia->name) {
    c.pass("/issuing_authority/name", "the order names its issuing authority " + quote(*ia->name));
    return;
  }
  c.fail("/issuing_authority/name", "the order does not name its issuing authority", "give `issuing_authority.name`");
}

/// DSA-04 (Art. 10(2)(a)(iii)): each recipient is identified by an identifier the provider can
/// look up (one finding per target).
void dsa04(Context& c) {
  const auto& targets = c.request.targets;
  if (!targets || targets->empty()) {
    c.fail("/targets", "the order names no recipient of the service", "list the accounts in `targets`, e.g. a `username` or `user_id`");
    return;
  }
  for (std::size_t i = 0; i < targets->size(); ++i) {
    const auto& t = (*targets)[i];
    const std::string ptr = pointer_append(pointer_append("/targets", i), "type");
    if (!t.type)
      c.incomplete(ptr, "target " + nth(i) + " has no identifier type", "give its `type`, e.g. `username`");
    else if (c.listed("dsa_identifier_types", *t.type))
      c.pass(ptr, "target " + nth(i) + " is identified by its " + quote(*t.type));
    else
      c.review(ptr, "target " + nth(i) + ", of type " + quote(*t.type) + ", may not identify one recipient of the service",
               "identify the recipient by " + backticked(c.strings("dsa_identifier_types")));
  }
}

bool has_offence(const Context& c) { return c.request.case_ && c.request.case_->offences && !c.request.case_->offences->empty(); }

/// DSA-05 (Art. 10(2)(a)(iv)): a statement of reasons. Stated offences may carry the reasons in
/// substance, so their presence makes the gap a review rather than a fail.
void dsa05(Context& c) {
  const auto& in = c.request.instrument;
  if (in && in->statement_of_reasons) {
    c.pass("/instrument/statement_of_reasons", "the order gives a statement of reasons");
  } else if (has_offence(c)) {
    c.review("/instrument/statement_of_reasons", "the order gives no statement of reasons, only the offences",
             "give `instrument.statement_of_reasons`: why the information is required and proportionate (Art. 10(2)(a)(iv))");
  } else {
    c.fail("/instrument/statement_of_reasons", "the order gives no statement of reasons and names no offence",
           "give `instrument.statement_of_reasons`: why the information is required and proportionate (Art. 10(2)(a)(iv))");
  }
}

/// DSA-06 (Art. 10(2)(a)(v)): information on redress for the provider and the recipient. Where an
/// offence is stated, criminal procedure may supply it (recital 34): review.
void dsa06(Context& c) {
  const auto& in = c.request.instrument;
  if (in && in->redress) {
    c.pass("/instrument/redress", "the order states the redress available");
  } else if (has_offence(c)) {
    c.review("/instrument/redress", "the order states no redress; criminal procedure may limit it (recital 34)",
             "give `instrument.redress`: the remedies of the provider and of the recipient, and their time limits");
  } else {
    c.fail("/instrument/redress", "the order states no redress", "give `instrument.redress`: the remedies of the provider and of the recipient");
  }
}

/// DSA-07 (Art. 10(2)(a)(vi)): informational; whom the provider tells of the effect given.
void dsa07(Context& c) {
  const auto& in = c.request.instrument;
  if (in && in->effect_report_to)
    c.pass("/instrument/effect_report_to", "the provider reports the effect given to the order to " + quote(*in->effect_report_to));
  else
    c.not_applicable("/instrument/effect_report_to", "the order names no authority to inform of its effect");
}

/// DSA-08 (Art. 10(2)(b)): only information already collected, so no range reaches past receipt
/// (a date-only bound is compared with receipt's calendar date in its own offset). One finding per
/// item. An item without a range asks for what is held at receipt; one with a start but no end
/// may run on past receipt, which the order cannot ask for.
void dsa08(Context& c) {
  const auto& items = c.request.data_requested;
  if (!items || items->empty()) {
    c.not_applicable("/data_requested", "no data is requested");
    return;
  }
  for (std::size_t i = 0; i < items->size(); ++i) {
    const auto& d = (*items)[i];
    const std::string ptr = pointer_append("/data_requested", i);
    const bool from_late = d.from && after_receipt(*d.from, c.received);
    const ident::TimeValue* late = from_late ? &*d.from : d.to && after_receipt(*d.to, c.received) ? &*d.to : nullptr;
    if (late) {
      c.fail(pointer_append(ptr, from_late ? "from" : "to"),
             "the range reaches " + quote(late->text) + ", after receipt (" + quote(c.received.text) + ")",
             "an Art. 10 order covers information already collected: end the range at or before the date of receipt");
    } else if (d.from && !d.to) {
      c.review(pointer_append(ptr, "from"), "the range from " + quote(d.from->text) + " has no end and may run past receipt",
               "give `to` at or before the date of receipt: an Art. 10 order covers information already collected");
    } else if (!d.from && !d.to) {
      c.pass(ptr, "data item " + nth(i) + " asks for what is held at receipt");
    } else {
      c.pass(ptr, "the range " + (d.from ? "from " + quote(d.from->text) + " " : std::string()) + "to " + quote(d.to->text) + " lies before receipt");
    }
  }
}

/// DSA-09 (Art. 10(2)(c)): the order's language is one the provider's contact point accepts
/// (by the primary subtag of the BCP 47 tag).
void dsa09(Context& c) {
  const auto& lang = c.request.language;
  if (!lang) {
    c.incomplete("/language", "the order's language is not given", "give `language` as a BCP 47 tag, e.g. `en`");
    return;
  }
  const std::string primary = ident::ascii_lower(std::string_view(*lang).substr(0, lang->find_first_of("-_")));
  if (c.listed("dsa_languages", primary)) {
    c.pass("/language", "the order is in " + quote(*lang) + ", a language the provider accepts");
    return;
  }
  const auto& contact = c.string_map("dsa_contact");
  const auto name = contact.find("name");
  const auto country = contact.find("country");
  std::string to = name != contact.end() ? "`" + name->second + "`" : "the provider's contact point";
  if (country != contact.end()) to += " (" + country->second + ")";
  c.review("/language", "the order is in " + quote(*lang) + ", not a language the provider declared",
           "send the order, or the statements of (a) and (b), in " + backticked(c.strings("dsa_languages")) + " to " + to);
}

/// DSA-10 (Art. 10(5), text not verified): the provider, not the authority, informs the recipient.
void dsa10(Context& c) {
  c.not_applicable("", "the provider informs the recipient of the order and its effect (Art. 10(5)); the request has nothing to show");
}

}  // namespace

/// The rules of the `dsa10` profile, DSA-01…DSA-10 (listed by assets/packs/eu-dsa10.json).
const std::vector<Rule>& dsa10_rules() {
  static const std::vector<Rule> rules = {
      {"DSA-01", "issued by a Member State's judicial or administrative authority", "Regulation (EU) 2022/2065 Art. 10(1)", "dsa10",
       {member_states_param(), {"dsa_authority_types", ParamKind::string_list, parse::kAuthorityTypes, {}}}, dsa01},
      {"DSA-02", "states its legal basis", "Regulation (EU) 2022/2065 Art. 10(2)(a)(i)", "dsa10", {law_aliases_param()}, dsa02},
      {"DSA-03", "identifies the issuing authority", "Regulation (EU) 2022/2065 Art. 10(2)(a)(ii)", "dsa10", {}, dsa03},
      {"DSA-04", "identifies each recipient", "Regulation (EU) 2022/2065 Art. 10(2)(a)(iii)", "dsa10",
       {{"dsa_identifier_types", ParamKind::string_list, parse::kTargetTypes, {}}}, dsa04},
      {"DSA-05", "gives a statement of reasons", "Regulation (EU) 2022/2065 Art. 10(2)(a)(iv)", "dsa10", {}, dsa05},
      {"DSA-06", "states the redress available", "Regulation (EU) 2022/2065 Art. 10(2)(a)(v)", "dsa10", {}, dsa06},
      {"DSA-07", "names whom to inform of the effect", "Regulation (EU) 2022/2065 Art. 10(2)(a)(vi)", "dsa10", {}, dsa07,
       RuleKind::informational},
      {"DSA-08", "asks only for information already collected", "Regulation (EU) 2022/2065 Art. 10(2)(b)", "dsa10", {}, dsa08},
      {"DSA-09", "in a language the provider accepts", "Regulation (EU) 2022/2065 Art. 10(2)(c)", "dsa10",
       {{"dsa_languages", ParamKind::string_list, {}, {}, 0, 0, true}, {"dsa_contact", ParamKind::string_map, {}, {"name", "country"}, 0, 0, true}},
       dsa09},
      {"DSA-10", "the provider informs the recipient", "Regulation (EU) 2022/2065 Art. 10(5) (text not verified)", "dsa10", {}, dsa10,
       RuleKind::review_only},
  };
  return rules;
}

}  // namespace reqcheck::rules
