// check_json and the other entry points of engine.hpp: read the request, choose and load the
// pack, run every rule of the pack, assemble the report. Never throws: an exception that
// escapes a rule is a bug, reported as a PACK failure rather than a crash or a pass.
#include <algorithm>
#include <chrono>

#include <nlohmann/json.hpp>

#include "ident/identifiers.hpp"
#include "import/etsi_hi1.hpp"
#include "parse/json_text.hpp"
#include "parse/request_reader.hpp"
#include "reqcheck/engine.hpp"
#include "reqcheck/policy.hpp"
#include "report/digest.hpp"
#include "rules/rule.hpp"

namespace reqcheck {
namespace {

using report::Finding;
using report::Report;
using report::Status;

constexpr std::string_view kInputTitle = "input can be read";
constexpr std::string_view kInputRef = "reqcheck.request/1 (request format)";
constexpr std::string_view kPackTitle = "policy pack can be used";
constexpr std::string_view kPackRef = "reqcheck.pack/1 (policy pack format)";

Finding diagnostic_finding(const parse::Diagnostic& d, std::string_view rule, std::string_view title, std::string_view ref) {
  Finding f;
  f.rule = std::string(rule);
  f.code = d.code;
  f.status = d.review ? Status::review : Status::fail;
  f.title = std::string(title);
  f.legal_ref = std::string(ref);
  f.message = d.message;
  f.help = d.help;
  f.pointer = d.pointer;
  f.line = d.line;
  f.column = d.column;
  return f;
}

std::string quote_value(const std::string& v) { return "`" + v + "`"; }

/// A diagnostic's place in the request text moved to its place in the file the text came from
/// (a batch element starts at `options.first_line`, `first_column`).
parse::Diagnostic in_file(parse::Diagnostic d, const CheckOptions& options) {
  if (d.line <= 0) return d;
  if (d.line == 1) d.column += std::max(options.first_column, 1) - 1;
  d.line += std::max(options.first_line, 1) - 1;
  return d;
}

std::string finish(Report& r) {
  report::sort_findings(r.findings);
  r.verdict = report::verdict_of(r.findings);
  if (r.verdict == report::Verdict::meets_criteria)
    r.notes.push_back("the request qualifies for the platform's legal analysis; the platform may still decline");
  return report::to_json(r);
}

/// The checking time: options.now, else the system clock (UTC, whole seconds).
std::optional<ident::TimeValue> checking_time(const CheckOptions& options, Report& r) {
  if (!options.now.empty()) {
    ident::TimeError err;
    auto t = ident::parse_rfc3339_datetime(options.now, &err);
    if (!t) {
      parse::Diagnostic d{"", 0, 0, "the checking time `" + options.now + "` is not an RFC 3339 date-time: " + err.message,
                          "give `--now` like `2026-11-30T10:00:00Z`", false};
      r.findings.push_back(diagnostic_finding(d, "INPUT", kInputTitle, kInputRef));
    }
    return t;
  }
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return ident::parse_rfc3339_datetime(ident::format_utc(now));
}

void add_deadlines(const model::Request& q, const ident::TimeValue& received, Report& r) {
  // a deadline beyond a century is no deadline; checked before converting, which would overflow
  if (q.emergency && q.emergency->deadline_hours && *q.emergency->deadline_hours < 24.0 * 365 * 100) {
    const auto due = received.instant + std::chrono::milliseconds(static_cast<std::int64_t>(*q.emergency->deadline_hours * 3600000.0));
    r.deadlines.push_back({"emergency response requested", ident::format_utc(due), "/emergency/deadline_hours"});
  }
  if (q.instrument && q.instrument->valid_until) r.deadlines.push_back({"instrument expires", q.instrument->valid_until->text, "/instrument/valid_until"});
  if (q.non_disclosure && q.non_disclosure->requested.value_or(false) && q.non_disclosure->until)
    r.deadlines.push_back({"user not to be notified until", q.non_disclosure->until->text, "/non_disclosure/until"});
}

/// Points the findings of an imported request at the HI-1 elements they are about, and says
/// which fields the liaison must supply.
void attach_sources(const import::ImportedRequest& imported, std::string_view request_text, Report& r) {
  for (auto& f : r.findings) {
    if (const auto* src = imported.source_of(f.pointer)) {
      f.source = src->path;
      f.line = src->line;
      f.column = src->column;
    } else if (f.rule == "INPUT") {
      f.line = f.column = 0;  // positions in the converted text mean nothing to the user
    }
  }
  // only what the request (perhaps completed by the liaison since the import) still lacks
  const auto current = nlohmann::json::parse(request_text, nullptr, false);
  std::string missing;
  for (const auto& m : imported.missing)
    if (!current.is_object() || !current.contains(nlohmann::json::json_pointer(m))) missing += (missing.empty() ? "`" : ", `") + m + "`";
  r.notes.push_back("imported from an ETSI TS 103 120 (HI-1) message; findings name the HI-1 element in `source`");
  if (!missing.empty())
    r.notes.push_back("HI-1 does not carry " + missing + ": supply them (in the form, or in the converted request) to complete the check");
}

std::string check_request(std::string_view request_text, std::string_view pack_text, const CheckOptions& options,
                          std::string_view original_text, const import::ImportedRequest* imported);

std::string check_impl(std::string_view text, std::string_view pack_text, const CheckOptions& options) {
  if (options.from != "" && options.from != "hi1" && options.from != "reqcheck") {
    Report r;
    r.input_sha256 = report::sha256_hex(text);
    r.checked_at = options.now;
    parse::Diagnostic d{"", 0, 0, "unknown input format `" + options.from + "`", "use `hi1`, `reqcheck`, or nothing to detect it", false};
    r.findings.push_back(diagnostic_finding(d, "INPUT", kInputTitle, kInputRef));
    return finish(r);
  }
  const bool hi1 = options.from == "hi1" || (options.from.empty() && import::looks_like_hi1(text));
  if (!hi1) {
    if (!options.hi1_source.empty()) {  // a request converted from an HI-1 message, perhaps completed since
      auto origin = import::import_hi1(options.hi1_source);
      if (origin.errors.empty() && origin.requests.size() == 1)
        return check_request(text, pack_text, options, text, &origin.requests[0]);
    }
    return check_request(text, pack_text, options, text, nullptr);
  }
  auto imported = import::import_hi1(text);
  if (imported.errors.empty() && imported.requests.size() == 1) {
    const std::string converted = imported.requests[0].request.dump(2);
    return check_request(converted, pack_text, options, text, &imported.requests[0]);
  }
  Report r;
  r.input_sha256 = report::sha256_hex(text);
  if (const auto now = checking_time(options, r)) r.checked_at = now->text;
  for (const auto& d : imported.errors) {
    auto f = diagnostic_finding(d, "INPUT", kInputTitle, kInputRef);
    if (!imported.requests.empty())
      if (const auto* src = imported.requests[0].source_of(d.pointer)) f.source = src->path;
    r.findings.push_back(std::move(f));
  }
  if (imported.errors.empty()) {
    parse::Diagnostic d{"", 0, 0,
                        "the message carries " + std::to_string(imported.requests.size()) + " authorisations; reqcheck checks one per request",
                        "check each on its own: the CLI and the page split the message into one request per authorisation", false};
    r.findings.push_back(diagnostic_finding(d, "INPUT", kInputTitle, kInputRef));
  }
  return finish(r);
}

std::string check_request(std::string_view request_text, std::string_view pack_text, const CheckOptions& options,
                          std::string_view original_text, const import::ImportedRequest* imported) {
  Report r;
  r.input_sha256 = report::sha256_hex(original_text);
  const auto now = checking_time(options, r);
  if (!now) return finish(r);
  r.checked_at = now->text;

  auto read = parse::read_request(request_text);
  for (const auto& d : read.diagnostics) r.findings.push_back(diagnostic_finding(in_file(d, options), "INPUT", kInputTitle, kInputRef));
  if (!read.request || parse::has_errors(read.diagnostics)) {
    if (imported) attach_sources(*imported, request_text, r);
    return finish(r);
  }
  const model::Request& q = *read.request;

  ident::TimeValue received = *now;
  if (q.received_at) {
    received = *q.received_at;
    r.received_at = q.received_at->text;
    if (received.instant > now->instant) {
      parse::Diagnostic d{"/received_at", 0, 0, "`received_at` " + quote_value(received.text) + " is after the checking time " + now->text,
                          "give the time the platform actually received the request; deadlines and validity count from it", true};
      r.findings.push_back(diagnostic_finding(d, "INPUT", kInputTitle, kInputRef));
    }
  } else {
    r.received_at_defaulted = true;
    r.notes.push_back("`received_at` is not given: the checking time " + now->text + " stands in for it");
  }

  std::string chosen_text(pack_text);
  if (chosen_text.empty()) {
    if (!options.pack_id.empty()) {
      chosen_text = bundled_pack_text(options.pack_id);
      if (chosen_text.empty()) {
        parse::Diagnostic d{"", 0, 0, "no bundled pack has the id `" + options.pack_id + "`", "run `reqcheck packs` for the ids", false};
        r.findings.push_back(diagnostic_finding(d, "PACK", kPackTitle, kPackRef));
        return finish(r);
      }
    } else {
      const std::string service = q.service.value_or("telegram");
      bool before = false;
      auto chosen = policy::choose_bundled(service, received, &before);
      if (!chosen) chosen = policy::choose_bundled("telegram", received, &before);
      if (!q.service || ident::ascii_lower(*q.service) != "telegram") {
        parse::Diagnostic d{"/service", 0, 0,
                            q.service ? "no bundled pack covers service `" + *q.service + "`; the telegram pack was applied"
                                      : "the request names no `service`; the telegram pack was applied",
                            "set `service` to the addressee, e.g. `telegram`, or load the pack of that service", true};
        r.findings.push_back(diagnostic_finding(d, "INPUT", kInputTitle, kInputRef));
      }
      if (before) r.notes.push_back("the request predates every encoded policy; the earliest encoded policy was applied");
      chosen_text = std::string(chosen->text);
    }
  }
  auto loaded = policy::load_pack(chosen_text);
  for (const auto& d : loaded.errors) r.findings.push_back(diagnostic_finding(d, "PACK", kPackTitle, kPackRef));
  if (!loaded.pack) return finish(r);
  const policy::Pack& pack = *loaded.pack;
  r.policy_id = pack.id;
  r.policy_version = pack.version;
  r.policy_sha256 = pack.sha256;
  r.policy_title = pack.title;
  for (const auto& n : pack.notes) r.notes.push_back(n);
  if (!pack_text.empty() && q.service && ident::ascii_lower(*q.service) != ident::ascii_lower(pack.service)) {
    parse::Diagnostic d{"/service", 0, 0, "the request is addressed to `" + *q.service + "` but the pack is for `" + pack.service + "`",
                        "load the pack of the addressee service", true};
    r.findings.push_back(diagnostic_finding(d, "INPUT", kInputTitle, kInputRef));
  }

  std::vector<Finding> findings;
  rules::Context ctx(q, pack, received, findings);
  for (const auto& id : pack.rule_ids) {
    const rules::Rule* rule = rules::find_rule(id);
    ctx.begin(*rule);
    const auto before = findings.size();
    rule->check(ctx);
    if (findings.size() == before)
      ctx.incomplete("", "the rule reached no conclusion", "report this to the reqcheck maintainers");  // fail closed
  }
  for (auto& f : findings) r.findings.push_back(std::move(f));
  add_deadlines(q, received, r);
  if (imported) attach_sources(*imported, request_text, r);
  return finish(r);
}

}  // namespace

std::string check_json(std::string_view request_text, std::string_view pack_text, const CheckOptions& options) {
  try {
    return check_impl(request_text, pack_text, options);
  } catch (const std::exception& e) {
    Report r;
    r.input_sha256 = report::sha256_hex(request_text);
    r.checked_at = options.now;
    parse::Diagnostic d{"", 0, 0, std::string("internal error: ") + e.what(), "report this to the reqcheck maintainers", false};
    r.findings.push_back(diagnostic_finding(d, "PACK", kPackTitle, kPackRef));
    return finish(r);
  }
}

std::string checking_time_error(std::string_view now) {
  ident::TimeError err;
  if (ident::parse_rfc3339_datetime(now, &err)) return "";
  return err.message.empty() ? "not an RFC 3339 date-time" : err.message;
}

std::string_view version() { return REQCHECK_VERSION; }

}  // namespace reqcheck
