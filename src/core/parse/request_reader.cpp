// Maps the JSON DOM of a request onto model::Request field by field. Each object is read
// through an ObjectReader that takes the object's field names, kinds and enum values from the
// field table (reqcheck/request_format.hpp), so unknown (often misspelt) fields are reported
// instead of silently ignored. JSON null and blank strings read as absent.
#include "parse/request_reader.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

#include "parse/codes.hpp"
#include "parse/enums.hpp"
#include "parse/json_text.hpp"
#include "parse/limits.hpp"
#include "reqcheck/request_format.hpp"

namespace reqcheck::parse {
namespace {

using nlohmann::json;
using model::opt;

const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::null: return "null";
    default: return "a number";
  }
}

/// Reads one JSON object of the request; records diagnostics with locations. `pattern` is the
/// object's entry in the field table (`/targets/*` for every target), `pointer` its place in
/// this request (`/targets/2`).
class ObjectReader {
 public:
  ObjectReader(const json& obj, std::string pointer, std::string pattern, const Locations& loc, Diagnostics& out)
      : obj_(obj), pointer_(std::move(pointer)), pattern_(std::move(pattern)), loc_(loc), out_(out) {
    std::vector<std::string_view> fields;
    for (const FieldSpec* f : child_fields(pattern_)) fields.push_back(field_name(*f));
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      if (std::find(fields.begin(), fields.end(), it.key()) != fields.end()) continue;
      const std::string ptr = pointer_append(pointer_, it.key());
      if (out_.size() >= kMaxDiagnostics) {  // past the cap, spare the "did you mean" search and the texts
        Diagnostic left_out;
        left_out.pointer = ptr;
        left_out.code = "INPUT.unknown_field";
        push(located(std::move(left_out), ptr, true), true);
        continue;
      }
      const auto hint = did_you_mean(it.key(), fields);
      push(located(diag("INPUT.unknown_field", ptr, "unknown field `" + it.key() + "`",
                        hint.empty() ? "remove it, or move its content to a field of reqcheck.request/1"
                                     : "did you mean `" + std::string(hint) + "`? a misspelt field is not checked"),
                   ptr, true),
           true);
    }
  }

  const std::string& pointer() const { return pointer_; }
  std::string at(std::string_view key) const { return pointer_append(pointer_, key); }

  /// The table entry of the field `key` of this object. The reader reads only fields of the
  /// table (the unit tests hold the two together); a key missing from it reads as a plain string.
  const FieldSpec& spec(std::string_view key) const {
    static const FieldSpec unknown{"", FieldKind::string};
    const FieldSpec* f = find_field(pattern_ + "/" + std::string(key));
    return f ? *f : unknown;
  }

  opt<std::string> string(std::string_view key) {
    const json* v = find(key);
    if (!v) return std::nullopt;
    if (!v->is_string()) return wrong(key, *v, "a string");
    const auto& s = v->get_ref<const std::string&>();
    if (s.find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
    return s;
  }

  /// A string that must be one of the table's values for `key`.
  opt<std::string> enumeration(std::string_view key) {
    auto s = string(key);
    if (!s) return s;
    const auto& values = spec(key).values;
    if (std::find(values.begin(), values.end(), *s) != values.end()) return s;
    const auto hint = did_you_mean(*s, values);
    std::string list;
    for (auto v : values) list += (list.empty() ? "`" : ", `") + std::string(v) + "`";
    error("INPUT.not_in_enum", at(key), "`" + *s + "` is not a valid `" + std::string(key) + "`",
          hint.empty() ? "use one of " + list : "did you mean `" + std::string(hint) + "`? allowed: " + list);
    return std::nullopt;
  }

  opt<bool> boolean(std::string_view key) {
    const json* v = find(key);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) return wrong(key, *v, "`true` or `false`");
    return v->get<bool>();
  }

  opt<double> number(std::string_view key) {
    const json* v = find(key);
    if (!v) return std::nullopt;
    if (!v->is_number()) return wrong(key, *v, "a number");
    const double d = v->get<double>();
    if (d < 0) {
      error("INPUT.negative_number", at(key), "`" + std::string(key) + "` is negative", "give a number of 0 or more");
      return std::nullopt;
    }
    return d;
  }

  /// An RFC 3339 date-time, or (for a `date` field of the table) a date or date-time.
  opt<ident::TimeValue> time(std::string_view key) {
    const bool datetime_only = spec(key).kind == FieldKind::datetime;
    auto s = string(key);
    if (!s) return std::nullopt;
    ident::TimeError err;
    auto t = datetime_only ? ident::parse_rfc3339_datetime(*s, &err) : ident::parse_rfc3339(*s, &err);
    if (!t)
      error(datetime_only ? "INPUT.invalid_datetime" : "INPUT.invalid_date", at(key), "`" + *s + "` is not a valid RFC 3339 " + (datetime_only ? "date-time" : "date or date-time") + ": " + err.message,
            datetime_only ? "write it like `2026-11-20T09:30:00+01:00` or `2026-11-20T08:30:00Z`"
                          : "write a date like `2026-11-20` or a date-time like `2026-11-20T09:30:00+01:00`");
    return t;
  }

  /// Reads a nested object with `fill`, or returns nullopt when absent or not an object.
  template <class T>
  opt<T> object(std::string_view key, const std::function<void(ObjectReader&, T&)>& fill) {
    const json* v = find(key);
    if (!v) return std::nullopt;
    if (!v->is_object()) return wrong(key, *v, "an object");
    ObjectReader r(*v, at(key), pattern_ + "/" + std::string(key), loc_, out_);
    T value{};
    fill(r, value);
    return value;
  }

  /// Reads an array of objects with `fill`; elements that are not objects are errors.
  template <class T>
  opt<std::vector<T>> array(std::string_view key, const std::function<void(ObjectReader&, T&)>& fill) {
    const json* v = find(key);
    if (!v) return std::nullopt;
    if (!v->is_array()) return wrong(key, *v, "an array");
    const std::string element_pattern = pattern_ + "/" + std::string(key) + "/*";
    std::vector<T> items;
    for (std::size_t i = 0; i < v->size(); ++i) {
      const std::string ptr = pointer_append(at(key), i);
      if (!(*v)[i].is_object()) {
        error("INPUT.wrong_type", ptr, "element " + std::to_string(i) + " of `" + std::string(key) + "` is " + type_name((*v)[i]) + ", expected an object",
              "write each element as an object `{...}`");
        continue;
      }
      ObjectReader r((*v)[i], ptr, element_pattern, loc_, out_);
      T value{};
      fill(r, value);
      items.push_back(std::move(value));
    }
    return items;
  }

  /// Records an error diagnostic with `code` at `ptr`, located at the value (or its ancestor).
  void error(std::string_view code, const std::string& ptr, std::string message, std::string help) {
    push(located(diag(code, ptr, std::move(message), std::move(help)), ptr, false), false);
  }

  /// Records a diagnostic (`review`: a finding to review, not an error). Past kMaxDiagnostics,
  /// one more (at the first one left out) says the rest are not listed, so that a hostile input
  /// cannot make a report of millions of findings; it is an error as soon as an error is left
  /// out, so the verdict stays `invalid_input`.
  void push(Diagnostic d, bool review) {
    d.review = review;
    if (out_.size() < kMaxDiagnostics) {
      out_.push_back(std::move(d));
      return;
    }
    if (out_.size() == kMaxDiagnostics) {
      auto more = diag("INPUT.too_many_problems", d.pointer,
                       "more than " + std::to_string(kMaxDiagnostics) + " problems: the first " + std::to_string(kMaxDiagnostics) +
                           " are listed, the rest from here on are not");
      more.line = d.line;
      more.column = d.column;
      more.review = true;
      out_.push_back(std::move(more));
    }
    if (!d.review) out_.back().review = false;
  }

 private:
  const json* find(std::string_view key) const {
    auto it = obj_.find(std::string(key));
    if (it == obj_.end() || it->is_null()) return nullptr;
    return &*it;
  }

  /// `d` with the line and column of `ptr`: of its member name for an unknown field (`key`),
  /// else of its value.
  Diagnostic located(Diagnostic d, const std::string& ptr, bool key) const {
    std::tie(d.line, d.column) = key ? loc_.key(ptr) : loc_.value(ptr);
    return d;
  }

  std::nullopt_t wrong(std::string_view key, const json& v, const char* expected) {
    error("INPUT.wrong_type", at(key), "`" + std::string(key) + "` is " + type_name(v) + ", expected " + expected,
          std::string("give `") + std::string(key) + "` as " + expected);
    return std::nullopt;
  }

  const json& obj_;
  std::string pointer_;
  std::string pattern_;
  const Locations& loc_;
  Diagnostics& out_;
};

void read_authority(ObjectReader& r, model::Authority& a) {
  a.name = r.string("name");
  a.type = r.enumeration("type");
  a.country = r.string("country");
  a.email = r.string("email");
  a.phone = r.string("phone");
  a.role = r.string("role");
}

void read_validating_authority(ObjectReader& r, model::Authority& a) {
  read_authority(r, a);
  a.file_number = r.string("file_number");
  a.validated_at = r.time("validated_at");
}

void read_instrument(ObjectReader& r, model::Instrument& i) {
  i.type = r.enumeration("type");
  i.reference = r.string("reference");
  i.issued_on = r.time("issued_on");
  i.valid_until = r.time("valid_until");
  i.is_signed = r.boolean("signed");
  i.signatory = r.object<model::Signatory>("signatory", [](ObjectReader& s, model::Signatory& v) {
    v.name = s.string("name");
    v.role = s.enumeration("role");
  });
  i.legal_basis = r.array<model::LegalBasis>("legal_basis", [](ObjectReader& s, model::LegalBasis& v) {
    v.law = s.string("law");
    v.provision = s.string("provision");
    v.jurisdiction = s.string("jurisdiction");
    v.framework = s.enumeration("framework");
  });
  i.statement_of_reasons = r.string("statement_of_reasons");
  i.redress = r.string("redress");
  i.arrangement = r.string("arrangement");
  i.effect_report_to = r.string("effect_report_to");
}

void read_requester(ObjectReader& r, model::Requester& q) {
  q.name = r.string("name");
  q.agency = r.string("agency");
  q.email = r.string("email");
  q.phone = r.string("phone");
  q.reply_to = r.string("reply_to");
  q.channel = r.enumeration("channel");
  q.supervisor = r.object<model::Supervisor>("supervisor", [](ObjectReader& s, model::Supervisor& v) {
    v.name = s.string("name");
    v.phone = s.string("phone");
  });
}

void read_case(ObjectReader& r, model::Case& c) {
  c.reference = r.string("reference");
  c.summary = r.string("summary");
  c.offences = r.array<model::Offence>("offences", [](ObjectReader& s, model::Offence& o) {
                                         o.category = s.enumeration("category");
                                         o.description = s.string("description");
                                         o.provision = s.string("provision");
                                         o.max_sentence_years = s.number("max_sentence_years");
                                         o.via_information_system = s.boolean("via_information_system");
                                       });
}

}  // namespace

RequestRead read_request(std::string_view text) {
  RequestRead out;
  JsonDocument doc = read_json(text);
  out.diagnostics = std::move(doc.diagnostics);
  out.locations = std::move(doc.locations);
  if (!doc.json) return out;
  const json& root = *doc.json;
  if (!root.is_object()) {
    auto d = root.is_array() && root.empty()
                 ? diag("INPUT.empty_batch", "", "the batch is empty: an array with no request")
                 : diag("INPUT.not_an_object", "", std::string("the request is ") + type_name(root) + ", expected an object");
    d.line = d.column = 1;
    out.diagnostics.push_back(std::move(d));
    return out;
  }
  ObjectReader r(root, "", "", out.locations, out.diagnostics);
  model::Request q;
  q.schema = r.string("schema");
  const auto& schema_values = r.spec("schema").values;
  if (!q.schema)
    r.error("INPUT.missing_schema", "/schema", "the request has no `schema`",
            "add `\"schema\": \"" + std::string(kRequestSchema) + "\"` as the first field");
  else if (std::find(schema_values.begin(), schema_values.end(), *q.schema) == schema_values.end())
    r.error("INPUT.wrong_schema", "/schema", "unknown schema `" + *q.schema + "`",
            "this version of reqcheck reads `" + std::string(kRequestSchema) + "`");
  q.reference = r.string("reference");
  q.received_at = r.time("received_at");
  q.service = r.string("service");
  q.language = r.string("language");
  q.instrument = r.object<model::Instrument>("instrument", read_instrument);
  q.issuing_authority = r.object<model::Authority>("issuing_authority", read_authority);
  q.validating_authority = r.object<model::Authority>("validating_authority", read_validating_authority);
  q.requester = r.object<model::Requester>("requester", read_requester);
  q.case_ = r.object<model::Case>("case", read_case);
  q.targets = r.array<model::Target>("targets", [](ObjectReader& s, model::Target& t) {
    t.type = s.enumeration("type");
    t.value = s.string("value");
    t.role = s.enumeration("role");
  });
  q.data_requested = r.array<model::DataItem>("data_requested", [](ObjectReader& s, model::DataItem& d) {
    d.category = s.enumeration("category");
    d.from = s.time("from");
    d.to = s.time("to");
    d.note = s.string("note");
    d.eevidence_class = s.enumeration("eevidence_class");
  });
  q.emergency = r.object<model::Emergency>("emergency", [](ObjectReader& s, model::Emergency& e) {
                                             e.threat = s.string("threat");
                                             e.person_at_risk = s.string("person_at_risk");
                                             e.why_this_data = s.string("why_this_data");
                                             e.deadline_hours = s.number("deadline_hours");
                                             e.kind = s.enumeration("kind");
                                             e.without_prior_validation = s.boolean("without_prior_validation");
                                           });
  q.non_disclosure = r.object<model::NonDisclosure>("non_disclosure", [](ObjectReader& s, model::NonDisclosure& n) {
                                                      n.requested = s.boolean("requested");
                                                      n.until = s.time("until");
                                                      n.order_reference = s.string("order_reference");
                                                    });
  q.addressee = r.object<model::Addressee>("addressee", [](ObjectReader& s, model::Addressee& a) {
    a.name = s.string("name");
    a.kind = s.enumeration("kind");
    a.country = s.string("country");
    a.time_zone = s.string("time_zone");
  });
  q.notification = r.object<model::Notification>("notification", [](ObjectReader& s, model::Notification& n) {
    n.notified = s.boolean("notified");
    n.enforcing_authority = s.object<model::EnforcingAuthority>("enforcing_authority", [](ObjectReader& e, model::EnforcingAuthority& v) {
      v.name = e.string("name");
      v.country = e.string("country");
    });
    n.offence_in_issuing_state = s.boolean("offence_in_issuing_state");
    n.person_resides_in_issuing_state = s.boolean("person_resides_in_issuing_state");
  });
  q.prior_orders = r.array<model::PriorOrder>("prior_orders", [](ObjectReader& s, model::PriorOrder& o) {
    o.type = s.enumeration("type");
    o.reference = s.string("reference");
    o.issued_on = s.time("issued_on");
    o.addressee = s.string("addressee");
  });
  q.preservation = r.object<model::Preservation>("preservation", [](ObjectReader& s, model::Preservation& p) {
    p.confirmed_on = s.time("confirmed_on");
    p.extended_on = s.time("extended_on");
  });
  out.request = std::move(q);
  return out;
}

}  // namespace reqcheck::parse
