// The e-Evidence profile (Regulation (EU) 2023/1543; frameworks.md §3.1): European Production
// and Preservation Orders (`epoc`, `epoc_pr`) judged by the Regulation's own conditions — when
// it applies, who issues or validates for which data, the threshold for traffic and content
// data, the order's content, notification, the addressee and the channel. Its deadlines (EE-07,
// EE-11) are in eevidence_time.cpp, the shared definitions in eevidence_terms.*. Refusal grounds,
// fundamental rights and immunities are not judged (frameworks.md §8).
#include "ident/identifiers.hpp"
#include "ident/law.hpp"
#include "parse/enums.hpp"
#include "rules/eevidence_terms.hpp"
#include "rules/rule.hpp"

namespace reqcheck::rules {
namespace {

using namespace eevidence;

const std::string kNoIssuerType = "the issuing authority's type is not given";
const std::string kGiveIssuerType = "give `issuing_authority.type` (e.g. `judge`, `prosecutor`)";

bool s_i_assumed(const std::vector<ItemClass>& items) {
  for (const auto& i : items)
    if (si(i.cls) && !i.firm) return true;
  return false;
}

/// EE-01: the Regulation applies from `eevidence_applies_from` (Art. 34(2)); an order issued or
/// received before then is no EPOC. Dates are the calendar dates in their own offsets.
void ee01(Context& c) {
  const auto& from = c.date("eevidence_applies_from");
  if (c.received.day < from.day) {
    c.fail("/received_at", "received on " + quote(c.received.text) + ", before the e-Evidence Regulation applies (" + from.text + ")",
           "before " + from.text + " send a European Investigation Order or a mutual legal assistance request instead");
    return;
  }
  const auto& in = c.request.instrument;
  if (!in || !in->issued_on) {
    c.incomplete("/instrument/issued_on", "the order's issue date is not given, so it is not known whether the Regulation applied then",
                 "give `instrument.issued_on`");
    return;
  }
  if (in->issued_on->day < from.day) {
    c.fail("/instrument/issued_on", "issued on " + quote(in->issued_on->text) + ", before the e-Evidence Regulation applies (" + from.text + ")",
           "reissue the order on or after " + from.text + ", or use a European Investigation Order or a mutual legal assistance request");
    return;
  }
  c.pass("/instrument/issued_on", "issued and received on or after " + from.text + ", when the e-Evidence Regulation applies");
}

/// EE-02: each item's class is firm (stated or named, without contradiction).
void ee02(Context& c) {
  const auto items = classify_all(c);
  if (items.empty()) {
    c.not_applicable("/data_requested", "no data is requested");
    return;
  }
  std::string list;
  bool firm = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& cat = (*c.request.data_requested)[i].category;
    list += (list.empty() ? "" : "; ") + quote(cat.value_or("?")) + ": " + std::string(to_string(items[i].cls)) + " (" + items[i].origin + ")";
    firm = firm && items[i].firm && !items[i].disagrees;
  }
  if (firm) {
    c.pass("/data_requested", "every item's data category is stated or named: " + list);
    return;
  }
  c.review("/data_requested", "the e-Evidence category of some data is assumed, unknown or contradictory: " + list,
           "give each item's `eevidence_class` (`subscriber`, `user_identification`, `traffic`, `content`) as the order states it "
           "(Annex I section F); traffic and content data need a judge and the 3-year threshold");
}

/// The incomplete outcomes EE-03 and EE-04 share when a validation cannot be judged: the
/// validating authority's type, or a country to compare it with, is not given.
void report_missing_validation(Context& c, Validation state) {
  if (state == Validation::no_type)
    c.incomplete("/validating_authority/type", "the validating authority's type is not given", "give `validating_authority.type`");
  else
    c.incomplete("/validating_authority/country", "the validating or issuing authority's country is not given",
                 "give `validating_authority.country` and `issuing_authority.country`");
}

/// EE-03: an EPOC for subscriber or user-identification data is issued or validated by a judge,
/// court, investigating judge or prosecutor of the issuing State (Art. 4(1)).
void ee03(Context& c) {
  const auto items = classify_all(c);
  if (!instrument_is(c, "epoc") || !any_si(items)) {
    c.not_applicable("/instrument/type", "not an EPOC for subscriber or user-identification data");
    return;
  }
  const auto jp = judicial_or_prosecutor(c);
  const auto& issuer = c.request.issuing_authority;
  if (!issuer || !issuer->type) {
    c.incomplete("/issuing_authority/type", kNoIssuerType, kGiveIssuerType);
    return;
  }
  std::string pointer = "/issuing_authority/type";
  bool judge = in(judicial(c), *issuer->type);
  if (!in(jp, *issuer->type)) {
    const auto& v = c.request.validating_authority;
    const Validation state = validation(c, jp);
    switch (state) {
      case Validation::none:
        if (c.emergency()) {
          c.review("/validating_authority", "an emergency EPOC issued by " + a_quoted(*issuer->type) + " without validation",
                   "have it validated by a judge or prosecutor of the issuing State within 48 hours (Art. 4(5)), and give "
                   "`validating_authority`");
          return;
        }
        c.fail("/validating_authority", "issued by " + a_quoted(*issuer->type) + " and not validated by a judge, court or prosecutor",
               "have the EPOC validated by a judge, court, investigating judge or prosecutor of the issuing State (Art. 4(1)(b))");
        return;
      case Validation::no_type:
      case Validation::no_country:
        report_missing_validation(c, state);
        return;
      case Validation::wrong_type:
        c.fail("/validating_authority/type", "validated by " + a_quoted(*v->type) + ", not by a judge, court or prosecutor",
               "have the EPOC validated by one of " + backticked(jp) + " (Art. 4(1)(b))");
        return;

      case Validation::other_country:
        c.fail("/validating_authority/country", "validated by an authority of " + quote(v->country.value_or("")) + ", not of the issuing State",
               "have the EPOC validated by an authority in the issuing State (Art. 4(1)(b))");
        return;
      case Validation::valid: break;
    }
    pointer = "/validating_authority/type";
    judge = in(judicial(c), *v->type);
  }
  if (!judge && s_i_assumed(items)) {
    c.review(pointer, "issued or validated by a prosecutor only, and the category of some data is only assumed",
             "state each item's `eevidence_class`: if it is traffic or content data, a judge must issue or validate (Art. 4(2))");
    return;
  }
  c.pass(pointer, "issued or validated by a judge, court or prosecutor of the issuing State, as Art. 4(1) requires");
}

/// EE-04: an EPOC for traffic or content data is issued or validated by a judge, court or
/// investigating judge of the issuing State; no emergency exception (Art. 4(2)).
void ee04(Context& c) {
  const auto items = classify_all(c);
  if (!instrument_is(c, "epoc") || !any_tc(items)) {
    c.not_applicable("/instrument/type", "not an EPOC for traffic, content or unclassified data");
    return;
  }
  const auto j = judicial(c);
  const bool firm = firm_tc(items);
  const auto refuse = [&](std::string pointer, std::string message, std::string help) {
    if (firm) c.fail(std::move(pointer), std::move(message), std::move(help));
    else c.review(std::move(pointer), message + " (if the data are traffic or content data; their category is not stated)", std::move(help));
  };
  const auto& issuer = c.request.issuing_authority;
  if (!issuer || !issuer->type) {
    c.incomplete("/issuing_authority/type", kNoIssuerType, kGiveIssuerType);
    return;
  }
  if (in(j, *issuer->type)) {
    c.pass("/issuing_authority/type", "issued by " + a_quoted(*issuer->type) + ", as Art. 4(2) requires for traffic and content data");
    return;
  }
  const auto& v = c.request.validating_authority;
  const std::string fix = "have the EPOC issued or validated by a judge, court or investigating judge of the issuing State (Art. 4(2)(b))";
  const Validation state = validation(c, j);
  switch (state) {
    case Validation::none:
      refuse("/validating_authority", "issued by " + a_quoted(*issuer->type) + " and not validated by a judge: traffic and content data need one", fix);
      return;
    case Validation::no_type:
    case Validation::no_country:
      report_missing_validation(c, state);
      return;
    case Validation::wrong_type:
      refuse("/validating_authority/type", "validated by " + a_quoted(*v->type) + ", not by a judge: traffic and content data need one", fix);
      return;
    case Validation::other_country:
      refuse("/validating_authority/country", "validated by a judge of " + quote(v->country.value_or("")) + ", not of the issuing State", fix);
      return;
    case Validation::valid:
      c.pass("/validating_authority/type", "validated by " + a_quoted(*v->type) + " of the issuing State, as Art. 4(2)(b) requires");
      return;
  }
}

/// EE-05: traffic and content data only for offences punishable by at least
/// `eevidence_threshold_years` or listed in Art. 5(4)(b) when committed via an information system.
void ee05(Context& c) {
  const auto items = classify_all(c);
  if (!instrument_is(c, "epoc") || !any_tc(items)) {
    c.not_applicable("/instrument/type", "not an EPOC for traffic, content or unclassified data");
    return;
  }
  const auto& cs = c.request.case_;
  if (!cs || !cs->offences || cs->offences->empty()) {
    c.incomplete("/case/offences", "no offence is given, so the threshold for traffic and content data cannot be judged",
                 "give each offence with its `max_sentence_years` (Art. 5(4))");
    return;
  }
  const auto threshold = c.integer("eevidence_threshold_years");
  const auto& listed = c.string_map("eevidence_listed_offences");
  enum Grade { qualifies, maybe, unknown, no };
  Grade best = no;
  std::size_t at = 0;
  for (std::size_t i = 0; i < cs->offences->size(); ++i) {
    const auto& o = (*cs->offences)[i];
    const auto it = o.category ? listed.find(*o.category) : listed.end();
    const std::string mark = it == listed.end() ? "" : it->second;
    Grade g = no;
    if ((o.max_sentence_years && *o.max_sentence_years >= static_cast<double>(threshold)) ||
        (mark == "listed" && o.via_information_system.value_or(false)))
      g = qualifies;
    else if ((mark == "listed" && !o.via_information_system) || mark == "review") g = maybe;
    else if (!o.max_sentence_years) g = unknown;
    if (g < best || i == 0) {
      best = g;
      at = i;
    }
  }
  const std::string ptr = "/case/offences/" + std::to_string(at);
  const std::string t = std::to_string(threshold);
  const std::string what = quote((*cs->offences)[at].category.value_or("?"));
  switch (best) {
    case qualifies:
      c.pass(ptr, "the offence " + what + " meets Art. 5(4): punishable by at least " + t + " years, or listed and committed via an information system");
      return;
    case maybe:
      c.review(ptr, "the offence " + what + " may be one Art. 5(4)(b)–(c) lists, but that is not established",
               "state whether it was committed wholly or partly by means of an information system (`via_information_system`) and "
               "give `max_sentence_years`; of fraud only non-cash payment fraud is listed");
      return;
    case unknown:
      c.incomplete(ptr, "the maximum sentence of the offence " + what + " is not given",
                   "give `max_sentence_years`: traffic and content data need an offence punishable by at least " + t + " years (Art. 5(4)(a))");
      return;
    case no:
      break;
  }
  const std::string msg = "no offence is punishable by at least " + t + " years or listed in Art. 5(4)(b)";
  const std::string help = "request only subscriber or user-identification data, or name an offence that meets Art. 5(4)";
  if (firm_tc(items)) c.fail("/case/offences", msg, help);
  else c.review("/case/offences", msg + " (if the data are traffic or content data; their category is not stated)", help);
}

/// EE-06: the EPOC states its grounds of necessity and proportionality (Art. 5(2)).
void ee06(Context& c) {
  if (!instrument_is(c, "epoc")) {
    c.not_applicable("/instrument/type", "not an EPOC");
    return;
  }
  if (c.request.instrument->statement_of_reasons) {
    c.pass("/instrument/statement_of_reasons", "the EPOC states its reasons");
    return;
  }
  c.review("/instrument/statement_of_reasons", "the EPOC states no reasons for its necessity and proportionality",
           "give `instrument.statement_of_reasons` (Art. 5(2); Annex I section I)");
}

/// EE-08: Annex I section A: the EPOC's own reference, the case, the validating authority's
/// identity and file number.
void ee08(Context& c) {
  if (!instrument_is(c, "epoc")) {
    c.not_applicable("/instrument/type", "not an EPOC");
    return;
  }
  const auto& q = c.request;
  const auto before = c.findings();
  if (!q.instrument->reference)
    c.incomplete("/instrument/reference", "the EPOC's reference is not given", "give `instrument.reference` as on the certificate (Annex I section A)");
  if (!q.case_ || !q.case_->summary)
    c.review("/case/summary", "the case is not summarised", "give `case.summary`: the grounds and the facts (Annex I)");
  if (const auto& v = q.validating_authority; v && (!v->name || !v->file_number))
    c.review("/validating_authority", "the validating authority's name or file number is not given",
             "give `validating_authority.name` and `file_number` (Annex I section A)");
  if (c.findings() != before) return;
  std::string prior;
  if (q.prior_orders)
    for (const auto& p : *q.prior_orders) prior += (prior.empty() ? "" : ", ") + quote(p.reference.value_or(p.type.value_or("?")));
  c.pass("/instrument/reference", "the certificate's identification is complete" + (prior.empty() ? std::string() : "; earlier orders: " + prior));
}

/// EE-09: an emergency EPOC or EPOC-PR issued without prior validation must be validated within
/// `eevidence_validation_hours` (Art. 4(5), not verified).
void ee09(Context& c) {
  const auto& q = c.request;
  const auto jp = judicial_or_prosecutor(c);
  const bool issuer_ok = q.issuing_authority && q.issuing_authority->type && in(jp, *q.issuing_authority->type);
  if (!c.emergency() || issuer_ok) {
    c.not_applicable("/emergency", "not an emergency order issued without a judge or prosecutor");
    return;
  }
  const auto hours = c.integer("eevidence_validation_hours");
  const auto& v = q.validating_authority;
  const std::string help = "have it validated within " + std::to_string(hours) +
                           " hours by a judge or prosecutor (only for subscriber or user-identification data and EPOC-PRs), else "
                           "it is withdrawn and data obtained deleted";
  if (!v) {
    c.review("/validating_authority", "an emergency order issued without validation", help);
    return;
  }
  if (!v->type || !in(jp, *v->type)) {
    c.review("/validating_authority/type", "an emergency order validated by no judge or prosecutor", help);
    return;
  }
  const auto& issued = q.instrument ? q.instrument->issued_on : std::nullopt;
  if (issued && !issued->date_only && v->validated_at &&
      ident::start_in(*v->validated_at, issued->offset_minutes) > issued->instant + std::chrono::hours(hours)) {
    c.review("/validating_authority/validated_at", "validated on " + quote(v->validated_at->text) + ", more than " + std::to_string(hours) +
                                                      " hours after the order was issued",
             help);
    return;
  }
  c.not_applicable("/validating_authority", "validated by " + a_quoted(*v->type));
}

/// EE-10: the enforcing State is notified of an EPOC for traffic or content data (Art. 8).
void ee10(Context& c) {
  const auto items = classify_all(c);
  if (!instrument_is(c, "epoc") || !any_tc(items)) {
    c.not_applicable("/instrument/type", "not an EPOC for traffic, content or unclassified data");
    return;
  }
  const auto& n = c.request.notification;
  if (!notification_applies(c, items)) {
    c.pass("/notification", "offence and person in the issuing State: no notification is needed (Art. 8(2))");
    return;
  }
  const std::string effect = "; the notification suspends nothing, but the enforcing authority may raise grounds for refusal within 10 days (Art. 8(4), 12)";
  if (!n || !n->notified) {
    c.review("/notification", "the request does not say whether the enforcing State was notified" + effect,
             "give `notification.notified` and the enforcing authority, or both grounds of Art. 8(2)");
    return;
  }
  if (!*n->notified) {
    const std::string msg = "the enforcing State was not notified of an EPOC for traffic or content data" + effect;
    const std::string help = "notify the enforcing authority at the same time as the addressee (Art. 8(1))";
    if (firm_tc(items)) c.fail("/notification/notified", msg, help);
    else c.review("/notification/notified", msg + " (if the data are traffic or content data)", help);
    return;
  }
  const auto enforcing = n->enforcing_authority ? ident::country(n->enforcing_authority->country) : std::nullopt;
  const auto addressee = addressee_country(c);
  if (!enforcing || !addressee || *enforcing != *addressee) {
    c.review("/notification/enforcing_authority/country",
             "the notified authority is not shown to be of the State where the addressee is" +
                 (enforcing && addressee ? " (" + quote(*enforcing) + ", addressee in " + quote(*addressee) + ")" : std::string()),
             "notify the authority of the addressee's State and give `notification.enforcing_authority.country` and `addressee.country`");
    return;
  }
  c.pass("/notification/notified", "the enforcing authority of " + quote(*enforcing) + " was notified" + effect);
}

/// EE-12: the EPOC (or a translation) is in a language the addressee accepts (Art. 9, not
/// verified); the platform's accepted languages are `eevidence_languages`.
void ee12(Context& c) {
  const auto& langs = c.strings("eevidence_languages");
  const auto& lang = c.request.language;
  const std::string primary = lang ? ident::primary_language(*lang) : "";
  if (!primary.empty() && in(langs, primary)) {
    c.pass("/language", "written in " + quote(*lang) + ", a language the addressee accepts for EPOCs");
    return;
  }
  c.review("/language",
           (lang ? "written in " + quote(*lang) : std::string("the language is not given")) +
               (langs.empty() ? "; the platform has declared no language for EPOCs" : ", which the addressee has not declared"),
           langs.empty() ? "send the certificate in an official language of the addressee's State, or ask the addressee which it accepts"
                         : "translate the certificate into " + backticked(langs));
}

/// EE-13: a cross-border order from a bound Member State to an addressee in another bound
/// Member State (Art. 1(1), 3(1)–(2); Denmark is not bound).
void ee13(Context& c) {
  const auto issuer = issuer_country(c);
  if (!issuer) {
    c.incomplete("/issuing_authority/country", "the issuing authority's country is not given", "give `issuing_authority.country`");
    return;
  }
  if (!c.listed("eu_member_states", *issuer)) {
    c.fail("/issuing_authority/country", "issued in " + quote(*issuer) + ", not an EU Member State",
           "an authority outside the EU cannot issue an EPOC: use mutual legal assistance or the platform's own process");
    return;
  }
  const auto addressee = addressee_country(c);
  if (addressee && *addressee == *issuer) {
    c.fail("/addressee/country", "issuing authority and addressee are both in " + quote(*issuer) + ": a domestic case, not an EPOC",
           "use the national procedure (the Regulation covers cross-border cases, Art. 3(2))");
    return;
  }
  if (!c.listed("eevidence_bound_states", *issuer)) {
    c.review("/issuing_authority/country", "issued in " + quote(*issuer) + ", a Member State not bound by the Regulation",
             "check whether the issuing State takes part; else use mutual legal assistance");
    return;
  }
  if (!addressee || !c.listed("eevidence_bound_states", *addressee)) {
    c.review("/addressee/country",
             addressee ? "the addressee is in " + quote(*addressee) + ", not a Member State bound by the Regulation"
                       : std::string("the addressee's country is not known (the platform has named no e-Evidence addressee)"),
             "address the EPOC to the platform's designated establishment or legal representative in a bound Member State, and "
             "give `addressee.country`");
    return;
  }
  const auto kind = addressee_kind(c);
  if (!kind || *kind == "other") {
    c.review("/addressee/kind", kind ? "the addressee is neither a designated establishment nor a legal representative"
                                     : "the kind of addressee is not given",
             "address the EPOC to the designated establishment or legal representative (Art. 7) and give `addressee.kind`");
    return;
  }
  c.pass("/addressee", "a cross-border order from " + quote(*issuer) + " to the " + quote(*kind) + " in " + quote(*addressee));
}

/// EE-14: an EPOC-PR is issued or validated by a judge, court or investigating judge; a
/// prosecutor's is reviewed (Art. 4(3), not verified).
void ee14(Context& c) {
  if (!instrument_is(c, "epoc_pr")) {
    c.not_applicable("/instrument/type", "not an EPOC-PR");
    return;
  }
  const auto j = judicial(c);
  const auto& prosecutors = c.strings("eevidence_prosecutor_types");
  const auto& issuer = c.request.issuing_authority;
  if (!issuer || !issuer->type) {
    c.incomplete("/issuing_authority/type", kNoIssuerType, kGiveIssuerType);
    return;
  }
  const std::string u_help = "check Art. 4(3) for the issuing State's prosecutors, or have a judge issue or validate the EPOC-PR";
  if (in(j, *issuer->type)) {
    c.pass("/issuing_authority/type", "issued by " + a_quoted(*issuer->type));
    return;
  }
  if (in(prosecutors, *issuer->type)) {
    c.review("/issuing_authority/type", "issued by a prosecutor (Art. 4(3) allows prosecutors; its text was not verified here)", u_help);
    return;
  }
  const auto& v = c.request.validating_authority;
  if (!v) {
    const std::string msg = "issued by " + a_quoted(*issuer->type) + " and not validated by a judge or prosecutor";
    const std::string help = "have the EPOC-PR validated by a judge, court or prosecutor of the issuing State (Art. 4(3)(b))";
    if (c.emergency()) c.review("/validating_authority", msg + " (an emergency: ex-post validation within 48 hours, Art. 4(5))", help);
    else c.fail("/validating_authority", msg, help);
    return;
  }
  if (!v->type) {
    c.incomplete("/validating_authority/type", "the validating authority's type is not given", "give `validating_authority.type`");
    return;
  }
  if (in(prosecutors, *v->type)) {
    c.review("/validating_authority/type", "validated by a prosecutor (Art. 4(3); its text was not verified here)", u_help);
    return;
  }
  if (!in(j, *v->type)) {
    c.fail("/validating_authority/type", "validated by " + a_quoted(*v->type) + ", not by a judge, court or prosecutor",
           "have the EPOC-PR validated by a judge, court or prosecutor of the issuing State (Art. 4(3)(b))");
    return;
  }
  switch (validation(c, j)) {
    case Validation::valid: c.pass("/validating_authority/type", "validated by " + a_quoted(*v->type) + " of the issuing State"); return;
    case Validation::other_country:
      c.review("/validating_authority/country", "validated by a judge of " + quote(v->country.value_or("")) + ", not of the issuing State",
               "have the EPOC-PR validated in the issuing State");
      return;
    default:
      c.incomplete("/validating_authority/country", "the validating or issuing authority's country is not given",
                   "give `validating_authority.country` and `issuing_authority.country`");
      return;
  }
}

/// EE-15: what the issuing authority owes the person (Art. 13): a statement, never a judgement.
void ee15(Context& c) {
  c.pass("", "the issuing authority informs the person whose data are sought without undue delay (it may delay this within "
             "Directive (EU) 2016/680 Art. 13(3)), tells them of remedies, and keeps the order confidential (Art. 13)");
}

/// EE-16: EPOCs travel through the decentralised IT system (Art. 19(1)); other means only when
/// it cannot be used (Art. 19(5)).
void ee16(Context& c) {
  const auto& r = c.request.requester;
  if (r && r->channel && *r->channel == "decentralised_it_system") {
    c.pass("/requester/channel", "sent through the decentralised IT system (Art. 19(1))");
    return;
  }
  c.review("/requester/channel",
           (r && r->channel ? "sent by " + quote(*r->channel) : std::string("the channel is not given")) +
               ", not through the decentralised IT system",
           "send through the decentralised IT system, or state why it could not be used (Art. 19(5)); the date from which it is "
           "required was not verified");
}

using parse::kAuthorityTypes;
using parse::kDataCategories;
using parse::kOffenceCategories;

const std::vector<std::string_view> kClasses = {"subscriber", "user_identification", "traffic", "content"};

ParamSpec days(std::string_view name) { return {name, ParamKind::integer, {}, {}, 1, 3650}; }
ParamSpec hours(std::string_view name) { return {name, ParamKind::integer, {}, {}, 1, 8760}; }

const ParamSpec kJudicial{"eevidence_judicial_types", ParamKind::string_list, kAuthorityTypes, {}};
const ParamSpec kProsecutor{"eevidence_prosecutor_types", ParamKind::string_list, kAuthorityTypes, {}};
const ParamSpec kAssumed{"eevidence_assumed_classes", ParamKind::string_map, kClasses, kDataCategories};
const ParamSpec kAddressee{"eevidence_addressee", ParamKind::string_map, {}, {"name", "kind", "country", "time_zone"}, 0, 0, true};

}  // namespace

const std::vector<Rule>& eevidence_rules() {
  static const std::vector<Rule> rules = {
      {"EE-01", "the e-Evidence Regulation applies to the order", "Regulation (EU) 2023/1543 Art. 34(2)", "eevidence",
       {{"eevidence_applies_from", ParamKind::date, {}, {}}}, ee01},
      {"EE-02", "each item's e-Evidence data category is stated", "Regulation (EU) 2023/1543 Art. 3(9)–(12); Annex I section F", "eevidence",
       {kAssumed}, ee02},
      {"EE-03", "subscriber and identification data: issued or validated by a judge or prosecutor",
       "Regulation (EU) 2023/1543 Art. 4(1)(a)–(b)", "eevidence", {kJudicial, kProsecutor, kAssumed}, ee03},
      {"EE-04", "traffic and content data: issued or validated by a judge", "Regulation (EU) 2023/1543 Art. 4(2)(a)–(b)", "eevidence",
       {kJudicial, kAssumed}, ee04},
      {"EE-05", "traffic and content data: offence meets the threshold", "Regulation (EU) 2023/1543 Art. 5(3), (4)(a)–(b)", "eevidence",
       {kAssumed,
        {"eevidence_threshold_years", ParamKind::integer, {}, {}, 1, 100},
        {"eevidence_listed_offences", ParamKind::string_map, {"listed", "review"}, kOffenceCategories}},
       ee05},
      {"EE-06", "the EPOC states its reasons", "Regulation (EU) 2023/1543 Art. 5(2)", "eevidence", {}, ee06},
      {"EE-07", "deadlines of the order, in the addressee's legal time zone", "Regulation (EU) 2023/1543 Art. 10(2)–(4), 11(1), 17(2)",
       "eevidence",
       {kAssumed, kAddressee, days("eevidence_transmit_days"), hours("eevidence_emergency_hours"), days("eevidence_enforcing_days"),
        hours("eevidence_enforcing_emergency_hours"), days("eevidence_objection_days"), days("eevidence_preservation_days"),
        days("eevidence_extension_days")},
       ee07},
      {"EE-08", "the certificate identifies the order, the case and the validating authority", "Regulation (EU) 2023/1543 Annex I section A",
       "eevidence", {}, ee08},
      {"EE-09", "emergency order without validation: validation within 48 hours", "Regulation (EU) 2023/1543 Art. 4(5), 3(18)", "eevidence",
       {kJudicial, kProsecutor, hours("eevidence_validation_hours")}, ee09, RuleKind::review_only},
      {"EE-10", "traffic and content data: the enforcing State is notified", "Regulation (EU) 2023/1543 Art. 8(1), (2), (4); 10(2)",
       "eevidence", {kAssumed, kAddressee}, ee10},
      {"EE-11", "the data are preserved: the EPOC-PR has not lapsed", "Regulation (EU) 2023/1543 Art. 11(1)–(3)", "eevidence",
       {kAddressee, days("eevidence_preservation_days"), days("eevidence_extension_days")}, ee11},
      {"EE-12", "the certificate is in a language the addressee accepts", "Regulation (EU) 2023/1543 Art. 9", "eevidence",
       {{"eevidence_languages", ParamKind::string_list, {}, {}, 0, 0, true}}, ee12},
      {"EE-13", "a cross-border order between bound Member States", "Regulation (EU) 2023/1543 Art. 1(1), 3(1)–(2); Annex I section B",
       "eevidence",
       {kAddressee, {"eu_member_states", ParamKind::string_list, {}, {}}, {"eevidence_bound_states", ParamKind::string_list, {}, {}}}, ee13},
      {"EE-14", "EPOC-PR: issued or validated by a judge or prosecutor", "Regulation (EU) 2023/1543 Art. 3(2); 4(3)", "eevidence",
       {kJudicial, kProsecutor}, ee14},
      {"EE-15", "the person's rights and the order's confidentiality", "Regulation (EU) 2023/1543 Art. 13(1)–(4)", "eevidence", {}, ee15,
       RuleKind::informational},
      {"EE-16", "sent through the decentralised IT system", "Regulation (EU) 2023/1543 Art. 19(1), (5); 34(2)", "eevidence", {}, ee16},
  };
  return rules;
}

}  // namespace reqcheck::rules
