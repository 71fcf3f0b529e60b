// The field table of reqcheck.request/1 (shared request-format.md): the single copy of its
// field names, kinds, enum values, labels and hints. Authorities (issuing and validating) share
// one set of fields, written once and placed under both pointers.
#include "reqcheck/request_format.hpp"

#include <utility>

#include <deque>
#include <functional>
#include <map>
#include <string>

namespace reqcheck {
namespace {

using K = FieldKind;

/// Authority `type` and `instrument.signatory.role`. A function, not a namespace-scope vector:
/// the table may be built during another file's static initialisation (parse/enums.cpp).
std::vector<std::string_view> instrument_types() {
  return {"court_order", "warrant", "subpoena", "sca_2703d_order", "production_order", "epoc", "epoc_pr",
          "dsa_article_10_order", "overseas_production_order", "emergency_request", "preservation_request", "mlat_request",
          "police_request", "letter", "other"};
}

std::vector<std::string_view> authority_types() {
  return {"court", "judge", "investigating_judge", "prosecutor", "police", "administrative_authority", "central_authority", "other"};
}

/// The fields of an Authority, under `base` (`/issuing_authority` or `/validating_authority`).
void add_authority(std::vector<FieldSpec>& t, std::string_view base, std::string_view label,
                   std::deque<std::string>& names) {
  // the pointers must outlive the table: their text lives in `names`, a deque, whose elements
  // never move as it grows
  const auto at = [&](std::string_view field) -> std::string_view {
    names.push_back(std::string(base) + "/" + std::string(field));
    return names.back();
  };
  t.push_back({base, K::object, {}, label, {}});
  t.push_back({at("name"), K::string, {}, "Name", "e.g. Local Court Berlin-Tiergarten"});
  t.push_back({at("type"), K::enum_, authority_types(), "Type", {}});
  t.push_back({at("country"), K::string, {}, "Country", "ISO 3166-1 alpha-2, e.g. DE, GB"});
  t.push_back({at("email"), K::string, {}, "E-mail", "official address"});
  t.push_back({at("phone"), K::string, {}, "Phone", "E.164, e.g. +4930..."});
  t.push_back({at("role"), K::string, {}, "Role as written", "free text, e.g. from HI-1; set Type as well"});
}

std::vector<FieldSpec> build(std::deque<std::string>& names) {
  std::vector<FieldSpec> t;
  t.push_back({"/schema", K::constant, {"reqcheck.request/1"}, "Schema", {}});
  t.push_back({"/reference", K::string, {}, "Your reference", "your own file number"});
  t.push_back({"/received_at", K::datetime, {}, "Received at", "YYYY-MM-DDThh:mm:ss+01:00"});
  t.push_back({"/service", K::string, {}, "Service", "e.g. telegram"});
  t.push_back({"/language", K::string, {}, "Language", "BCP 47, e.g. en"});

  t.push_back({"/addressee", K::object, {}, "Addressee", {}});
  t.push_back({"/addressee/name", K::string, {}, "Name", "designated establishment or legal representative"});
  t.push_back({"/addressee/kind", K::enum_, {"designated_establishment", "legal_representative", "other"}, "Kind", {}});
  t.push_back({"/addressee/country", K::string, {}, "Country", "ISO 3166-1 alpha-2, e.g. IE"});
  t.push_back({"/addressee/time_zone", K::string, {}, "Time zone", "IANA, e.g. Europe/Dublin"});

  t.push_back({"/instrument", K::object, {}, "Instrument", {}});
  t.push_back({"/instrument/type", K::enum_, instrument_types(), "Type", {}});
  t.push_back({"/instrument/reference", K::string, {}, "Reference", "docket / order number"});
  t.push_back({"/instrument/issued_on", K::date, {}, "Issued on", "YYYY-MM-DD or date-time"});
  t.push_back({"/instrument/valid_until", K::date, {}, "Valid until", "YYYY-MM-DD or date-time"});
  t.push_back({"/instrument/signed", K::boolean, {}, "Signed", {}});
  t.push_back({"/instrument/signatory", K::object, {}, "Signatory", {}});
  t.push_back({"/instrument/signatory/name", K::string, {}, "Name", {}});
  t.push_back({"/instrument/signatory/role", K::enum_, authority_types(), "Role", {}});
  t.push_back({"/instrument/legal_basis", K::array, {}, "Legal basis", {}});
  t.push_back({"/instrument/legal_basis/*", K::object, {}, "Legal basis", {}});
  t.push_back({"/instrument/legal_basis/*/law", K::string, {}, "Law", "e.g. StPO"});
  t.push_back({"/instrument/legal_basis/*/provision", K::string, {}, "Provision", "e.g. § 100k"});
  t.push_back({"/instrument/legal_basis/*/jurisdiction", K::string, {}, "Jurisdiction", "ISO 3166-1 alpha-2 or EU"});
  t.push_back({"/instrument/legal_basis/*/framework", K::enum_,
               {"eu_eevidence", "eu_dsa", "us_sca", "uk_copo", "coe_budapest", "coe_budapest_protocol2", "national", "other"},
               "Framework", {}});
  t.push_back({"/instrument/statement_of_reasons", K::text, {}, "Statement of reasons", {}});
  t.push_back({"/instrument/redress", K::text, {}, "Redress", {}});
  t.push_back({"/instrument/arrangement", K::string, {}, "Arrangement", "e.g. US-UK Data Access Agreement"});
  t.push_back({"/instrument/effect_report_to", K::string, {}, "Report the effect to", "DSA Art. 10(2)(a)(vi)"});

  t.push_back({"/prior_orders", K::array, {}, "Prior orders", {}});
  t.push_back({"/prior_orders/*", K::object, {}, "Prior order", {}});
  t.push_back({"/prior_orders/*/type", K::enum_, instrument_types(), "Type", {}});
  t.push_back({"/prior_orders/*/reference", K::string, {}, "Reference", {}});
  t.push_back({"/prior_orders/*/issued_on", K::date, {}, "Issued on", "YYYY-MM-DD or date-time"});
  t.push_back({"/prior_orders/*/addressee", K::string, {}, "Addressee", {}});

  add_authority(t, "/issuing_authority", "Issuing authority", names);
  add_authority(t, "/validating_authority", "Validating authority", names);
  t.push_back({"/validating_authority/file_number", K::string, {}, "File number", "the validating authority's own"});
  t.push_back({"/validating_authority/validated_at", K::date, {}, "Validated at", "YYYY-MM-DD or date-time"});

  t.push_back({"/notification", K::object, {}, "Notification", {}});
  t.push_back({"/notification/notified", K::boolean, {}, "Enforcing State notified", {}});
  t.push_back({"/notification/enforcing_authority", K::object, {}, "Enforcing authority", {}});
  t.push_back({"/notification/enforcing_authority/name", K::string, {}, "Name", {}});
  t.push_back({"/notification/enforcing_authority/country", K::string, {}, "Country", "ISO 3166-1 alpha-2"});
  t.push_back({"/notification/offence_in_issuing_state", K::boolean, {}, "Offence in the issuing State", {}});
  t.push_back({"/notification/person_resides_in_issuing_state", K::boolean, {}, "Person resides in the issuing State", {}});

  t.push_back({"/requester", K::object, {}, "Requester", {}});
  t.push_back({"/requester/name", K::string, {}, "Name", {}});
  t.push_back({"/requester/agency", K::string, {}, "Agency", {}});
  t.push_back({"/requester/email", K::string, {}, "E-mail", {}});
  t.push_back({"/requester/phone", K::string, {}, "Phone", "E.164"});
  t.push_back({"/requester/reply_to", K::string, {}, "Reply to", "if different from the e-mail"});
  t.push_back({"/requester/supervisor", K::object, {}, "Supervisor", {}});
  t.push_back({"/requester/supervisor/name", K::string, {}, "Name", {}});
  t.push_back({"/requester/supervisor/phone", K::string, {}, "Phone", "E.164"});
  t.push_back({"/requester/channel", K::enum_, {"portal", "email", "post", "fax", "decentralised_it_system", "other"}, "Channel", {}});

  t.push_back({"/case", K::object, {}, "Case", {}});
  t.push_back({"/case/reference", K::string, {}, "Reference", {}});
  t.push_back({"/case/summary", K::text, {}, "Summary", {}});
  t.push_back({"/case/offences", K::array, {}, "Offences", {}});
  t.push_back({"/case/offences/*", K::object, {}, "Offence", {}});
  t.push_back({"/case/offences/*/category", K::enum_,
               {"terrorism", "violent_extremism", "child_sexual_abuse", "drug_trafficking", "illegal_goods", "weapons_trafficking",
                "fraud", "scam", "human_trafficking", "cybercrime", "threats_of_violence", "doxxing", "extortion",
                "money_laundering", "copyright_infringement", "political_speech", "defamation", "unauthorised_assembly", "other"},
               "Category", {}});
  t.push_back({"/case/offences/*/description", K::text, {}, "Description", {}});
  t.push_back({"/case/offences/*/provision", K::string, {}, "Provision", "e.g. § 29 BtMG"});
  t.push_back({"/case/offences/*/max_sentence_years", K::number, {}, "Max. sentence (years)", "a number"});
  t.push_back({"/case/offences/*/via_information_system", K::boolean, {}, "Via an information system", {}});

  t.push_back({"/targets", K::array, {}, "Targets", {}});
  t.push_back({"/targets/*", K::object, {}, "Target", {}});
  t.push_back({"/targets/*/type", K::enum_, {"user_id", "username", "phone_number", "link", "ip_address", "email", "display_name"},
               "Type", {}});
  t.push_back({"/targets/*/value", K::string, {}, "Value", "e.g. @username, +4930..., https://t.me/name"});
  t.push_back({"/targets/*/role", K::enum_, {"suspect", "accused", "witness", "victim", "person_at_risk", "unknown"}, "Role", {}});

  t.push_back({"/data_requested", K::array, {}, "Data requested", {}});
  t.push_back({"/data_requested/*", K::object, {}, "Data item", {}});
  t.push_back({"/data_requested/*/category", K::enum_,
               {"ip_address", "phone_number", "subscriber_data", "traffic_data", "content_data", "location_data", "contacts", "other"},
               "Category", {}});
  t.push_back({"/data_requested/*/from", K::date, {}, "From", "YYYY-MM-DD or date-time"});
  t.push_back({"/data_requested/*/to", K::date, {}, "To", "YYYY-MM-DD or date-time"});
  t.push_back({"/data_requested/*/note", K::string, {}, "Note", {}});
  t.push_back({"/data_requested/*/eevidence_class", K::enum_, {"subscriber", "user_identification", "traffic", "content"},
               "e-Evidence class", {}});

  t.push_back({"/preservation", K::object, {}, "Preservation", {}});
  t.push_back({"/preservation/confirmed_on", K::date, {}, "Confirmed on", "YYYY-MM-DD or date-time"});
  t.push_back({"/preservation/extended_on", K::date, {}, "Extended on", "YYYY-MM-DD or date-time"});

  t.push_back({"/emergency", K::object, {}, "Emergency", {}});
  t.push_back({"/emergency/threat", K::text, {}, "Threat", {}});
  t.push_back({"/emergency/person_at_risk", K::string, {}, "Person at risk", {}});
  t.push_back({"/emergency/why_this_data", K::text, {}, "Why this data", {}});
  t.push_back({"/emergency/deadline_hours", K::number, {}, "Deadline (hours)", "a number"});
  t.push_back({"/emergency/kind", K::enum_, {"life_or_safety", "critical_infrastructure", "other"}, "Kind", {}});
  t.push_back({"/emergency/without_prior_validation", K::boolean, {}, "Without prior validation", {}});

  t.push_back({"/non_disclosure", K::object, {}, "Non-disclosure", {}});
  t.push_back({"/non_disclosure/requested", K::boolean, {}, "Requested", {}});
  t.push_back({"/non_disclosure/until", K::date, {}, "Until", "YYYY-MM-DD or date-time"});
  t.push_back({"/non_disclosure/order_reference", K::string, {}, "Order reference", {}});
  return t;
}

/// The fields and two indexes over them: the reader looks fields up for every value it reads.
struct Table {
  std::deque<std::string> names;  // text of the generated pointers that `fields` views
  std::vector<FieldSpec> fields;
  std::map<std::string_view, const FieldSpec*, std::less<>> by_pointer;
  std::map<std::string_view, std::vector<const FieldSpec*>, std::less<>> children;  // by parent object's pattern
  Table() : fields(build(names)) {
    for (const auto& f : fields) {
      by_pointer.emplace(f.pointer, &f);
      const std::string_view parent = f.pointer.substr(0, f.pointer.rfind('/'));
      if (f.pointer.substr(parent.size()) != "/*") children[parent].push_back(&f);
    }
  }
};

const Table& table() {
  static const Table t;
  return t;
}

}  // namespace

const std::vector<FieldSpec>& request_fields() { return table().fields; }

const FieldSpec* find_field(std::string_view pattern) {
  const auto& index = table().by_pointer;
  const auto it = index.find(pattern);
  return it == index.end() ? nullptr : it->second;
}

const std::vector<const FieldSpec*>& child_fields(std::string_view pattern) {
  static const std::vector<const FieldSpec*> none;
  const auto& index = table().children;
  const auto it = index.find(pattern);
  return it == index.end() ? none : it->second;
}

std::string_view field_name(const FieldSpec& field) { return field.pointer.substr(field.pointer.rfind('/') + 1); }

std::string value_label(std::string_view value) {
  // the field's own terms and acronyms; the rest read well from the id
  static constexpr std::pair<std::string_view, std::string_view> terms[] = {
      {"epoc", "European Production Order Certificate (EPOC)"},
      {"epoc_pr", "European Preservation Order Certificate (EPOC-PR)"},
      {"dsa_article_10_order", "DSA Article 10 order"},
      {"sca_2703d_order", "SCA 2703(d) order"},
      {"mlat_request", "MLAT request"},
      {"overseas_production_order", "Overseas production order (COPO)"},
      {"ip_address", "IP address"},
      {"user_id", "User ID"},
      {"email", "E-mail address"},
      {"phone_number", "Phone number (E.164)"},
      {"link", "Link (t.me/...)"},
      {"eu_dsa", "EU Digital Services Act"},
      {"eu_eevidence", "EU e-Evidence Regulation"},
      {"us_sca", "US Stored Communications Act"},
      {"uk_copo", "UK Crime (Overseas Production Orders) Act"},
      {"coe_budapest", "Budapest Convention"},
      {"coe_budapest_protocol2", "Budapest Convention, Second Protocol"},
      {"decentralised_it_system", "Decentralised IT system (e-Evidence)"},
      {"child_sexual_abuse", "Child sexual abuse"},
      {"life_or_safety", "Threat to life or safety"},
      {"critical_infrastructure", "Critical infrastructure"},
  };
  for (const auto& [id, label] : terms)
    if (id == value) return std::string(label);
  std::string out(value);
  for (char& c : out)
    if (c == '_') c = ' ';
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace reqcheck
