// The results table (results.hpp): a row per request from its report, target identifiers
// normalised for counting, and the row's CSV and JSON. No judgement here: the report has it.
#include "reqcheck/results.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "ident/identifiers.hpp"
#include "report/csv.hpp"

namespace reqcheck {
namespace {

std::string trimmed(std::string_view v) {
  const auto b = v.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return std::string(v.substr(b, v.find_last_not_of(" \t\r\n") + 1 - b));
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// A phone number as E.164 with `+`: the engine's normal form, else its suggestion (separators
/// removed), else the text as written.
std::string phone_key(std::string_view v) {
  const auto r = ident::e164(v);
  if (r.ok) return r.normalised;
  if (!r.suggestion.empty()) return r.suggestion;
  return "phone_number:" + trimmed(v);
}

}  // namespace

std::string target_key(std::string_view type, std::string_view value) {
  const std::string v = trimmed(value);
  if (type == "username") {
    const auto r = ident::telegram_username(v);
    if (r.ok) return r.normalised;
  } else if (type == "link") {
    const auto link = ident::read_telegram_link(v);
    if (link.kind == ident::LinkKind::account && link.result.ok) return link.result.normalised;
    if (link.kind == ident::LinkKind::phone) return phone_key(link.target);
  } else if (type == "phone_number") {
    return phone_key(v);
  } else if (type == "user_id") {
    const auto r = ident::telegram_user_id(v);
    if (r.ok) {
      const auto nz = r.normalised.find_first_not_of('0');
      return "id:" + (nz == std::string::npos ? std::string("0") : r.normalised.substr(nz));
    }
  } else if (type == "email") {
    return "email:" + lower(v);
  } else if (type == "ip_address") {
    const auto r = ident::ip_address(v);
    if (r.ok) return "ip:" + r.normalised;
  }
  return std::string(type.empty() ? "unknown" : type) + ":" + v;
}

ResultRow result_row(const report::Report& r, const BatchPart& part) {
  ResultRow row;
  row.file = r.request.file;
  row.line = r.request.line;
  row.column = part.column;
  row.offset = part.offset;
  row.length = part.text.empty() ? 0 : part.length;
  row.reference = r.request.reference;
  row.case_reference = r.request.case_reference;
  row.service = r.request.service;
  row.issuing_country = r.request.issuing_country;
  row.instrument_type = r.request.instrument_type;
  row.received_at = r.received_at_defaulted ? std::string() : r.received_at;
  row.verdict = r.verdict;
  const auto counts = r.counts();
  row.failed = counts[static_cast<std::size_t>(report::Status::fail)];
  row.review = counts[static_cast<std::size_t>(report::Status::review)];
  row.incomplete = counts[static_cast<std::size_t>(report::Status::incomplete)];
  for (const auto& f : r.findings) {
    if (f.status != report::Status::fail) continue;
    const std::string& name = f.code.empty() ? f.rule : f.code;
    if (row.first_failing_rule.empty()) row.first_failing_rule = name;
    if (std::find(row.failed_rules.begin(), row.failed_rules.end(), name) == row.failed_rules.end()) row.failed_rules.push_back(name);
  }
  row.target_ids = r.request.target_ids;
  return row;
}

std::string_view results_csv_header() {
  return "file,line,reference,case_reference,service,issuing_country,instrument_type,received_at,verdict,failed,review,incomplete,"
         "first_failing_rule";
}

std::string to_csv(const ResultRow& row) {
  const std::string line = std::to_string(row.line), failed = std::to_string(row.failed), review = std::to_string(row.review),
                    incomplete = std::to_string(row.incomplete);
  return report::csv_record({row.file, line, row.reference, row.case_reference, row.service, row.issuing_country, row.instrument_type,
                             row.received_at, report::to_string(row.verdict), failed, review, incomplete, row.first_failing_rule});
}

std::string to_json(const ResultRow& row) {
  nlohmann::ordered_json j;
  const auto text = [](const std::string& v) { return v.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v); };
  j["file"] = text(row.file);
  j["line"] = row.line;
  j["reference"] = text(row.reference);
  j["case_reference"] = text(row.case_reference);
  j["service"] = text(row.service);
  j["issuing_country"] = text(row.issuing_country);
  j["instrument_type"] = text(row.instrument_type);
  j["received_at"] = text(row.received_at);
  j["verdict"] = report::to_string(row.verdict);
  j["failed"] = row.failed;
  j["review"] = row.review;
  j["incomplete"] = row.incomplete;
  j["first_failing_rule"] = text(row.first_failing_rule);
  j["column"] = row.column;
  j["offset"] = row.offset;
  j["length"] = row.length;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace reqcheck
