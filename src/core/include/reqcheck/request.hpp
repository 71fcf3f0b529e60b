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
/// `file_number`, `validated_at` (validating authority only; frameworks.md §6): its own file number
/// and when it validated (RFC 3339 date or date-time; EE-08, EE-09).
struct Authority {
  opt<std::string> name, type, country, email, phone, role;
  opt<std::string> file_number;
  opt<TimeValue> validated_at;
};

/// Who signed the instrument; `role` is one of the Authority types.
struct Signatory {
  opt<std::string> name, role;
};

/// One provision the instrument is issued under; `jurisdiction` ISO 3166-1 alpha-2 or `EU`;
/// `framework`: eu_eevidence, eu_dsa, us_sca, uk_copo, coe_budapest, coe_budapest_protocol2,
/// national, other (absent: recognised from `law`, frameworks.md §2.5).
struct LegalBasis {
  opt<std::string> law, provision, jurisdiction, framework;
};

/// The legal process. `issued_on` / `valid_until`: RFC 3339 date (calendar date) or date-time.
struct Instrument {
  opt<std::string> type, reference;
  opt<TimeValue> issued_on, valid_until;
  opt<bool> is_signed;
  opt<Signatory> signatory;
  opt<std::vector<LegalBasis>> legal_basis;
  opt<std::string> statement_of_reasons, redress;
  /// The agreement an overseas production order is made under (COPO-02).
  opt<std::string> arrangement;
  /// Whom the provider informs of the effect given to a DSA Art. 10 order (DSA-07).
  opt<std::string> effect_report_to;
};

/// The requester's supervisor, the contact that lets a platform verify an emergency request.
struct Supervisor {
  opt<std::string> name, phone;
};

/// The officer who sends the request. `channel`: portal, email, post, fax,
/// decentralised_it_system (e-Evidence Regulation Art. 19), other.
struct Requester {
  opt<std::string> name, agency, email, phone, reply_to, channel;
  opt<Supervisor> supervisor;
};

/// One offence. `max_sentence_years`: maximum custodial sentence in the issuing state, years.
/// `via_information_system`: committed wholly or partly by means of an information system
/// (e-Evidence Regulation Art. 5(4)(b); EE-05).
struct Offence {
  opt<std::string> category, description, provision;
  opt<double> max_sentence_years;
  opt<bool> via_information_system;
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
/// `eevidence_class`: subscriber, user_identification, traffic, content as the order states it
/// (e-Evidence Regulation Art. 3(9)-(12)).
struct DataItem {
  opt<std::string> category;
  opt<std::string> eevidence_class;
  opt<TimeValue> from, to;
  opt<std::string> note;
};

/// The claimed emergency. `deadline_hours`: hours after receipt by which data is needed.
/// `kind`: life_or_safety, critical_infrastructure, other; `without_prior_validation`: issued
/// without prior validation (e-Evidence Regulation Art. 4(5)).
struct Emergency {
  opt<std::string> threat, person_at_risk, why_this_data;
  opt<double> deadline_hours;
  opt<std::string> kind;
  opt<bool> without_prior_validation;
};

/// A request not to notify the user. `until`: RFC 3339 date or date-time.
struct NonDisclosure {
  opt<bool> requested;
  opt<TimeValue> until;
  opt<std::string> order_reference;
};

/// The order's addressee on the provider's side (frameworks.md §6). `kind`:
/// designated_establishment, legal_representative, other; `country`: as written (ISO 3166-1
/// alpha-2 judged by the rules); `time_zone`: IANA name as written, the legal zone of
/// calendar-day deadlines.
struct Addressee {
  opt<std::string> name, kind, country, time_zone;
};

/// The authority of the enforcing State (e-Evidence Regulation Art. 8).
struct EnforcingAuthority {
  opt<std::string> name, country;
};

/// Notification of the enforcing State of an EPOC (Art. 8(1)-(2)): whether it was notified, and
/// the two grounds that make notification unnecessary.
struct Notification {
  opt<bool> notified;
  opt<EnforcingAuthority> enforcing_authority;
  opt<bool> offence_in_issuing_state, person_resides_in_issuing_state;
};

/// An earlier order about the same data or person. `type`: an instrument type; `issued_on`: RFC
/// 3339 date or date-time.
struct PriorOrder {
  opt<std::string> type, reference;
  opt<TimeValue> issued_on;
  opt<std::string> addressee;
};

/// Dates of an EPOC-PR's preservation (Annexes V, VI): RFC 3339 dates or date-times.
struct Preservation {
  opt<TimeValue> confirmed_on, extended_on;
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
  opt<Addressee> addressee;
  opt<Notification> notification;
  opt<std::vector<PriorOrder>> prior_orders;
  opt<Preservation> preservation;
};

}  // namespace reqcheck::model
