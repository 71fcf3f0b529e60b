// The request model of `reqcheck.request/1` (shared design request-format.md): plain structs,
// every field optional because absence is for the rules to judge, not the parser. Enum fields
// hold their wire value (e.g. `court_order`), already checked against the enum by the parser;
// blank strings are read as absent. No JSON types leak into the model.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reqcheck/time.hpp"

namespace reqcheck::model {

template <class T>
using opt = std::optional<T>;
using reqcheck::TimeValue;

/// An issuing or validating authority. `type`: court, judge, investigating_judge, prosecutor,
/// police, administrative_authority, central_authority, other. `country`: as written (ISO 3166-1
/// alpha-2 is checked by AUTH-02). `phone`: as written (E.164 checked by the rules). `role`: the
/// authority's role as the source wrote it (free text, e.g. an HI-1 `ApproverRole`); informative,
/// never a substitute for `type` (AUTH-01 asks for `type` when only a role is given).
struct Authority {
  opt<std::string> name, type, country, email, phone, role;
};

/// Who signed the instrument; `role` is one of the Authority types.
struct Signatory {
  opt<std::string> name, role;
};

/// One provision the instrument is issued under; `jurisdiction` ISO 3166-1 alpha-2 or `EU`.
struct LegalBasis {
  opt<std::string> law, provision, jurisdiction;
};

/// The legal process. `issued_on` / `valid_until`: RFC 3339 date (calendar date) or date-time.
struct Instrument {
  opt<std::string> type, reference;
  opt<TimeValue> issued_on, valid_until;
  opt<bool> is_signed;
  opt<Signatory> signatory;
  opt<std::vector<LegalBasis>> legal_basis;
  opt<std::string> statement_of_reasons, redress;
};

/// The requester's supervisor, the contact that lets a platform verify an emergency request.
struct Supervisor {
  opt<std::string> name, phone;
};

/// The officer who sends the request. `channel`: portal, email, post, fax, other.
struct Requester {
  opt<std::string> name, agency, email, phone, reply_to, channel;
  opt<Supervisor> supervisor;
};

/// One offence. `max_sentence_years`: maximum custodial sentence in the issuing state, years.
struct Offence {
  opt<std::string> category, description, provision;
  opt<double> max_sentence_years;
};

/// The criminal case.
struct Case {
  opt<std::string> reference, summary;
  opt<std::vector<Offence>> offences;
};

/// A target identifier: `type` user_id, username, phone_number, link, ip_address, email,
/// display_name; `role` suspect, accused, witness, victim, person_at_risk, unknown.
struct Target {
  opt<std::string> type, value, role;
};

/// One requested data category with its optional time range (`to` date-only: inclusive).
struct DataItem {
  opt<std::string> category;
  opt<TimeValue> from, to;
  opt<std::string> note;
};

/// The claimed emergency. `deadline_hours`: hours after receipt by which data is needed.
struct Emergency {
  opt<std::string> threat, person_at_risk, why_this_data;
  opt<double> deadline_hours;
};

/// A request not to notify the user. `until`: RFC 3339 date or date-time.
struct NonDisclosure {
  opt<bool> requested;
  opt<TimeValue> until;
  opt<std::string> order_reference;
};

/// A whole request. `received_at`: RFC 3339 date-time when the platform received it.
struct Request {
  opt<std::string> schema, reference;
  opt<TimeValue> received_at;
  opt<std::string> service, language;
  opt<Instrument> instrument;
  opt<Authority> issuing_authority, validating_authority;
  opt<Requester> requester;
  opt<Case> case_;
  opt<std::vector<Target>> targets;
  opt<std::vector<DataItem>> data_requested;
  opt<Emergency> emergency;
  opt<NonDisclosure> non_disclosure;
};

}  // namespace reqcheck::model
