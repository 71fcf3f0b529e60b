// Rules of the instrument family: the kind of legal process (INSTR-01), its signature (INSTR-02),
// issue date (INSTR-03), validity and age (INSTR-04), legal basis (INSTR-05) and language
// (INSTR-06). Whether the issuer may issue it is the authority family's question.
#include "ident/identifiers.hpp"
#include "parse/enums.hpp"
#include "rules/rule.hpp"
#include "rules/timecmp.hpp"

namespace reqcheck::rules {
namespace {

using parse::kAuthorityTypes;
using parse::kInstrumentTypes;

void instr01(Context& c) {
  const auto& in = c.request.instrument;
  if (!in || !in->type) {
    c.incomplete("/instrument/type", "the type of instrument is not given",
                 "give `instrument.type`, e.g. `court_order`; accepted: " + backticked(c.strings("accepted_instruments")));
    return;
  }
  const std::string& t = *in->type;
  if (c.listed("accepted_instruments", t)) {
    c.pass("/instrument/type", a_quoted(t) + " is an order the platform accepts");
  } else if (c.listed("review_instruments", t)) {
    c.review("/instrument/type", a_quoted(t) + " is not an order the platform accepts without review",
             t == "preservation_request" || t == "epoc_pr"
                 ? "preservation discloses nothing: follow it with a production order (accepted: " + backticked(c.strings("accepted_instruments")) + ")"
                 : "the platform's legal team decides; a court order avoids the question (accepted: " + backticked(c.strings("accepted_instruments")) + ")");
  } else {
    c.fail("/instrument/type", a_quoted(t) + " is not a valid order for disclosure",
           "obtain one of " + backticked(c.strings("accepted_instruments")) + "; a letter or police request is not enough");
  }
}

void instr02(Context& c) {
  const auto& in = c.request.instrument;
  if (!in || !in->is_signed) {
    c.incomplete("/instrument/signed", "the request does not say whether the instrument is signed",
                 "set `instrument.signed` and name the signatory in `instrument.signatory`");
    return;
  }
  if (!*in->is_signed) {
    c.fail("/instrument/signed", "the instrument is not signed", "send the signed instrument, naming its signatory");
    return;
  }
  if (!in->signatory || !in->signatory->name) {
    c.fail("/instrument/signatory/name", "the instrument is signed but names no signatory",
           "give `instrument.signatory.name` (and `role`) of the judge or official who signed");
    return;
  }
  // the signatory and the instrument type are filled in separately: a court order signed by a
  // police officer contradicts itself, whatever the issuing authority's type says
  if (in->type && c.listed("judicial_instruments", *in->type)) {
    const auto& role = in->signatory->role;
    if (!role) {
      c.incomplete("/instrument/signatory/role", "the role of the signatory of " + a_quoted(*in->type) + " is not given",
                   "give `instrument.signatory.role`: " + a_quoted(*in->type) + " is signed by a judge (" +
                       backticked(c.strings("judicial_authority_types")) + ")");
      return;
    }
    if (!c.listed("judicial_authority_types", *role)) {
      c.review("/instrument/signatory/role",
               "signed by " + a_quoted(*role) + ": " + a_quoted(*in->type) + " is signed by a judge; check who issued it",
               "check the instrument: if it was not issued by a court, give its real `instrument.type` and "
               "`issuing_authority.type`; if it was, give the judge's role (" + backticked(c.strings("judicial_authority_types")) + ")");
      return;
    }
  }
  c.pass("/instrument/signed", "the instrument is signed by " + quote(*in->signatory->name));
}

void instr03(Context& c) {
  const auto& in = c.request.instrument;
  if (!in || !in->issued_on) {
    c.fail("/instrument/issued_on", "the instrument has no issue date", "give `instrument.issued_on`, e.g. `2026-11-18`");
    return;
  }
  if (after_receipt(*in->issued_on, c.received)) {
    c.fail("/instrument/issued_on", "the instrument is dated " + quote(in->issued_on->text) + ", after the request was received (" +
                                        quote(c.received.text) + ")",
           "check `issued_on` and `received_at`; an instrument cannot be issued after it was received");
    return;
  }
  c.pass("/instrument/issued_on", "issued on " + quote(in->issued_on->text) + ", not after receipt");
}

void instr04(Context& c) {
  const auto& in = c.request.instrument;
  if (in && in->valid_until) c.deadline("instrument expires", in->valid_until->text, "/instrument/valid_until");
  if (in && in->valid_until && ended_before_receipt(*in->valid_until, c.received)) {
    c.fail("/instrument/valid_until", "the instrument expired on " + quote(in->valid_until->text) + ", before the request was received",
           "obtain a renewed or new instrument");
    return;
  }
  if (!in || !in->issued_on) {
    c.incomplete("/instrument/issued_on", "without an issue date the age of the instrument cannot be judged",
                 "give `instrument.issued_on`");
    return;
  }
  const auto max_age = c.integer("max_instrument_age_days");
  if (age_at_receipt(*in->issued_on, c.received) > days(max_age)) {
    c.review("/instrument/issued_on",
             "the instrument was issued on " + quote(in->issued_on->text) + ", more than " + std::to_string(max_age) + " days before receipt",
             "confirm that the instrument is still in force, or obtain a recent one");
    return;
  }
  c.pass("/instrument", in->valid_until ? "in force at receipt (valid until " + quote(in->valid_until->text) + ")"
                                         : "in force at receipt (no expiry stated) and issued within " + std::to_string(max_age) + " days");
}

void instr05(Context& c) {
  const auto& in = c.request.instrument;
  if (!in || !in->legal_basis || in->legal_basis->empty()) {
    c.fail("/instrument/legal_basis", "the instrument names no legal basis",
           "add `instrument.legal_basis` with the law and provision it is issued under, e.g. `StPO` `§ 100k`");
    return;
  }
  for (const auto& b : *in->legal_basis) {
    if (b.provision) {
      c.pass("/instrument/legal_basis", "issued under " + quote((b.law ? *b.law + " " : std::string()) + *b.provision));
      return;
    }
  }
  c.fail("/instrument/legal_basis", "no legal basis names a provision", "give the `provision`, e.g. `§ 100k`, of each legal basis");
}

void instr06(Context& c) {
  if (!c.request.language) {
    c.incomplete("/language", "the language of the request is not given", "give `language` as a BCP 47 tag, e.g. `en`");
    return;
  }
  const std::string primary = ident::primary_language(*c.request.language);
  std::vector<std::string> accepted = c.strings("accepted_languages");
  if (c.request.instrument && c.request.instrument->type) {
    const auto& by = c.list_map("accepted_languages_by_instrument");
    if (auto it = by.find(*c.request.instrument->type); it != by.end()) accepted = it->second;
  }
  if (!primary.empty() && std::find(accepted.begin(), accepted.end(), primary) != accepted.end()) {
    c.pass("/language", "the request is written in " + quote(*c.request.language) + ", a language the platform accepts");
    return;
  }
  c.review("/language", "the request is written in " + quote(*c.request.language) + ", which the platform does not accept",
           "attach a translation into " + backticked(accepted));
}

}  // namespace

const std::vector<Rule>& instrument_rules() {
  static const std::vector<Rule> rules = {
      {"INSTR-01", "instrument is an order", "Telegram Privacy Policy §8.3: \"valid order\"", "instrument",
       {{"accepted_instruments", ParamKind::string_list, kInstrumentTypes, {}},
        {"review_instruments", ParamKind::string_list, kInstrumentTypes, {}}},
       instr01},
      {"INSTR-02", "instrument is signed and names its signatory", "Telegram Privacy Policy §8.3; large-platform LE guidelines",
       "instrument",
       {{"judicial_instruments", ParamKind::string_list, kInstrumentTypes, {}},
        {"judicial_authority_types", ParamKind::string_list, kAuthorityTypes, {}}},
       instr02},
      {"INSTR-03", "instrument has an issue date not after receipt", "validity of the instrument", "instrument", {}, instr03},
      {"INSTR-04", "instrument in force at receipt and recent", "validity of the instrument", "instrument",
       {{"max_instrument_age_days", ParamKind::integer, {}, {}, 1, 3650}}, instr04},
      {"INSTR-05", "legal basis with a provision", "DSA Art. 10(2)(a)(i); Regulation (EU) 2023/1543 Art. 5", "instrument", {}, instr05},
      {"INSTR-06", "request language accepted by the platform", "platform LE guidelines; DSA Art. 10(2)(c)", "instrument",
       {{"accepted_languages", ParamKind::string_list, {}, {}},
        {"accepted_languages_by_instrument", ParamKind::list_map, {}, kInstrumentTypes}},
       instr06},
  };
  return rules;
}

}  // namespace reqcheck::rules
