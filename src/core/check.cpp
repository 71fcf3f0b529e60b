// `check`: read the request (or import an HI-1 message), choose the platform pack in force and
// the profiles that apply from a compiled Policy, run their rules, and assemble the typed report
// with a location on every finding. Never throws: an exception that escapes a rule is an engine
// bug, reported as an `ENGINE` finding (never a crash, a pass, or the user's pack blamed).
#include <algorithm>
#include <chrono>

#include <nlohmann/json.hpp>

#include "ident/identifiers.hpp"
#include "import/etsi_hi1.hpp"
#include "parse/codes.hpp"
#include "parse/json_text.hpp"
#include "parse/request_reader.hpp"
#include "policy/compiled.hpp"
#include "reqcheck/engine.hpp"
#include "reqcheck/results.hpp"
#include "report/diagnostic_finding.hpp"
#include "report/digest.hpp"
#include "rules/rule.hpp"

namespace reqcheck {
namespace {

using report::Finding;
using report::Report;
using report::Status;

using report::diagnostic_finding;

void input(Report& r, std::string code, std::string pointer, std::string message, std::string help, bool review = false) {
  r.findings.push_back(diagnostic_finding({std::move(pointer), 0, 0, std::move(message), std::move(help), review, std::move(code)}, "INPUT"));
}

void engine_error(Report& r, std::string code, std::string message) {
  r.findings.push_back(diagnostic_finding({"", 0, 0, std::move(message), "report this to the reqcheck maintainers", false, std::move(code)},
                                          "ENGINE"));
}

std::string quote_value(const std::string& v) { return "`" + v + "`"; }

/// A place in the request text moved to its place in the file the text came from (a batch
/// element starts at `options.first_line`, `first_column`, `first_offset`).
void in_file(Finding& f, const CheckOptions& options) {
  if (f.line <= 0) return;
  if (f.line == 1) f.column += std::max(options.first_column, 1) - 1;
  f.line += std::max(options.first_line, 1) - 1;
  if (f.end > 0) {
    f.offset += options.first_offset;
    f.end += options.first_offset;
  }
}

void finish(Report& r, const std::vector<std::string>& rule_order) {
  report::sort_findings(r.findings, rule_order);
  r.verdict = report::verdict_of(r.findings);
  if (r.verdict == report::Verdict::meets_criteria)
    r.notes.push_back("the request qualifies for the platform's legal analysis; the platform may still decline");
}

/// The checking time: options.now, else the system clock (UTC, whole seconds).
std::optional<TimeValue> checking_time(const CheckOptions& options, Report& r) {
  if (!options.now.empty()) {
    ident::TimeError err;
    auto t = ident::parse_rfc3339_datetime(options.now, &err);
    if (!t)
      input(r, "INPUT.bad_checking_time", "", "the checking time `" + options.now + "` is not an RFC 3339 date-time: " + err.message,
            "give `--now` like `2026-11-30T10:00:00Z`");
    return t;
  }
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return ident::parse_rfc3339_datetime(ident::format_utc(now));
}

/// Points the findings of an imported request at the HI-1 elements they are about, and says
/// which fields the liaison must supply.
/// `edited`: the text checked is the converted request the liaison edits (`hi1_source` given),
/// so byte ranges in it select the field in the editor; else it is the engine's own conversion,
/// whose places mean nothing to the user.
void attach_sources(const import::ImportedRequest& imported, std::string_view request_text, Report& r, bool edited) {
  for (auto& f : r.findings) {
    if (const auto* src = imported.source_of(f.pointer)) {
      f.source = src->path;
      f.line = src->line;
      f.column = src->column;
    } else {
      f.line = f.column = 0;
    }
    if (!edited) f.offset = f.end = 0;
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

/// Every finding that has no place yet gets the place of the value at its pointer (or of its
/// nearest ancestor in the text), so that the editor can select the field of any finding.
void locate(Report& r, const parse::Locations& locations) {
  for (auto& f : r.findings) {
    if (f.rule == "PACK" || f.end > 0) continue;
    if (f.line > 0) {  // an input error placed by the reader: the value's range if it starts there
      const auto span = locations.span(f.pointer);
      if (span && span->line == f.line && span->column == f.column) {
        f.offset = span->offset;
        f.end = span->end;
      }
      continue;
    }
    if (const auto span = locations.span(f.pointer)) {
      f.line = span->line;
      f.column = span->column;
      f.offset = span->offset;
      f.end = span->end;
    }
  }
}

/// Every finding about the request text gets its place in the file: located (`locate`), then
/// shifted by where the text starts in the file. Findings of a pack (`PACK`) keep the pack's.
void place(Report& r, const parse::Locations& locations, const CheckOptions& options) {
  locate(r, locations);
  for (auto& f : r.findings)
    if (f.rule != "PACK") in_file(f, options);
}

/// Whether `pack` was in force at `received` (from `in_force_from`, before `in_force_until`).
bool in_force_at(const policy::Pack& pack, const TimeValue& received) {
  const bool started = !(received.instant < pack.applies.in_force_from.instant);
  const bool ended = pack.applies.in_force_until && !(received.instant < pack.applies.in_force_until->instant);
  return started && !ended;
}

/// The platform pack of this check, and why; or a PACK finding saying why there is none.
const policy::Pack* choose_platform(const Policy::Impl& p, const model::Request& q, const TimeValue& received, const CheckOptions& options,
                                    Report& r, std::string& why, bool& in_force) {
  if (p.user_platform) {
    const auto& pack = p.platforms.front();
    why = "the pack file given";
    if (q.service && ident::ascii_lower(*q.service) != ident::ascii_lower(pack.service))
      input(r, "INPUT.service_pack_mismatch", "/service",
            "the request is addressed to `" + *q.service + "` but the pack is for `" + pack.service + "`", "load the pack of the addressee service",
            true);
    return &pack;
  }
  if (!options.pack_id.empty()) {
    for (const auto& pack : p.platforms)
      if (pack.id == options.pack_id) {
        why = "forced by id (not chosen by `received_at`)";
        if (!in_force_at(pack, received)) {
          in_force = false;
          const std::string span = "in force from " + pack.applies.in_force_from.text +
                                   (pack.applies.in_force_until ? " until " + pack.applies.in_force_until->text : std::string());
          why = "forced by id; not in force at `received_at` (" + span + ")";
          r.notes.push_back("the pack `" + pack.id + "` was forced, but it was not in force at `received_at` (" + span +
                            "): this report says what that pack would have required, not what applies to this request");
        }
        return &pack;
      }
    r.findings.push_back(diagnostic_finding(
        {"", 0, 0, "no platform pack has the id `" + options.pack_id + "`", "run `reqcheck packs` for the ids", false, "PACK.unknown_id"}, "PACK"));
    return nullptr;
  }
  if (p.platforms.empty()) {
    r.findings.push_back(diagnostic_finding({"", 0, 0, "no platform pack is loaded", "load a platform pack", false, "PACK.unknown_id"}, "PACK"));
    return nullptr;
  }
  // the service's packs; a service no pack covers is checked against the first platform pack's
  // service (a review says so), since refusing to check would help no one
  const std::string service = ident::ascii_lower(q.service.value_or(""));
  const auto serves = [&](const policy::Pack& pack) { return ident::ascii_lower(pack.service) == service; };
  const bool covered = std::any_of(p.platforms.begin(), p.platforms.end(), serves);
  const std::string fallback = ident::ascii_lower(p.platforms.front().service);
  if (!covered) {
    input(r, "INPUT.service_not_covered", "/service",
          q.service ? "no bundled pack covers service `" + *q.service + "`; the " + fallback + " pack was applied"
                    : "the request names no `service`; the " + fallback + " pack was applied",
          "set `service` to the addressee, e.g. `" + fallback + "`, or load the pack of that service", true);
  }
  const std::string& wanted = covered ? service : fallback;
  const policy::Pack* earliest = nullptr;
  for (const auto& pack : p.platforms) {
    if (ident::ascii_lower(pack.service) != wanted) continue;
    if (in_force_at(pack, received)) {
      why = "service `" + pack.service + "`, in force at `received_at` (since " + pack.applies.in_force_from.text + ")";
      return &pack;
    }
    if (!earliest || pack.applies.in_force_from.instant < earliest->applies.in_force_from.instant) earliest = &pack;
  }
  r.notes.push_back("the request predates every encoded policy; the earliest encoded policy was applied");
  why = "the earliest encoded policy of service `" + earliest->service + "` (the request predates it)";
  return earliest;
}

/// Runs the rules a pack lists. A rule that adds no finding is incomplete (fail closed); one that
/// concludes outside its kind, or throws, is an engine bug.
void run_rules(const policy::Pack& pack, rules::Context& ctx, std::vector<Finding>& findings, Report& r, std::vector<std::string>& order) {
  for (const auto& listed : pack.rules) {
    const rules::Rule& rule = *listed.rule;
    order.emplace_back(rule.id);
    ctx.begin(listed, pack);
    const auto before = findings.size();
    try {
      rule.check(ctx);
    } catch (const std::exception& e) {
      findings.resize(before);
      engine_error(r, "ENGINE.internal_error", "rule `" + std::string(rule.id) + "` failed: " + parse::strip_library_id(e.what()));
      continue;
    }
    if (findings.size() == before) {
      ctx.incomplete("", "the rule reached no conclusion", "report this to the reqcheck maintainers");
      findings.back().code = "ENGINE.no_conclusion";
    }
    for (auto i = before; i < findings.size(); ++i) {
      const Status s = findings[i].status;
      const bool allowed = rule.kind == rules::RuleKind::judging ||
                           (rule.kind == rules::RuleKind::informational && (s == Status::pass || s == Status::not_applicable)) ||
                           (rule.kind == rules::RuleKind::review_only && (s == Status::review || s == Status::not_applicable));
      if (!allowed)
        engine_error(r, "ENGINE.status_outside_kind",
                     "rule `" + std::string(rule.id) + "` (" + std::string(rules::to_string(rule.kind)) + ") concluded `" +
                         std::string(report::to_string(s)) + "`");
    }
  }
}

void run_rules_on(const Policy& policy, const parse::RequestRead& read, const TimeValue& now, const CheckOptions& options, Report& r,
                  std::vector<std::string>& order);

void check_request(const Policy& policy, std::string_view request_text, const CheckOptions& options, std::string_view original_text,
                   const import::ImportedRequest* imported, Report& r, std::vector<std::string>& order) {
  const auto now = checking_time(options, r);
  if (!now) return;
  r.checked_at = now->text;

  auto read = parse::read_request(request_text);
  for (const auto& d : read.diagnostics) r.findings.push_back(diagnostic_finding(d, "INPUT"));
  run_rules_on(policy, read, *now, options, r, order);
  // the findings' places: in the file, and for an import at its HI-1 elements
  const bool edited = request_text.data() == original_text.data();
  if (!imported || edited) place(r, read.locations, options);
  if (imported) attach_sources(*imported, request_text, r, edited);
  if (!policy.ok())  // placed in the pack's text, not the request's
    for (const auto& e : policy.impl().errors) r.findings.push_back(e);
}

/// Everything between reading and placing: the time of receipt, the packs, the rules.
/// What the report says of the request it is about (RequestInfo), from what could be read.
void describe(const model::Request& q, report::RequestInfo& info) {
  info.reference = q.reference.value_or("");
  if (q.case_) info.case_reference = q.case_->reference.value_or("");
  info.service = q.service.value_or("");
  if (q.issuing_authority) info.issuing_country = q.issuing_authority->country.value_or("");
  if (q.instrument) info.instrument_type = q.instrument->type.value_or("");
  if (q.targets)
    for (const auto& t : *q.targets)
      if (t.value) info.target_ids.push_back(target_key(t.type.value_or(""), *t.value));
}

void run_rules_on(const Policy& policy, const parse::RequestRead& read, const TimeValue& now, const CheckOptions& options, Report& r,
                  std::vector<std::string>& order) {
  if (read.request) describe(*read.request, r.request);
  if (!read.request || parse::has_errors(read.diagnostics)) return;
  const model::Request& q = *read.request;

  TimeValue received = now;
  if (q.received_at) {
    received = *q.received_at;
    r.received_at = q.received_at->text;
    if (received.instant > now.instant)
      input(r, "INPUT.received_after_checking_time", "/received_at",
            "`received_at` " + quote_value(received.text) + " is after the checking time " + now.text,
            "give the time the platform actually received the request; deadlines and validity count from it", true);
  } else {
    r.received_at_defaulted = true;
    r.notes.push_back("`received_at` is not given: the checking time " + now.text + " stands in for it");
  }

  const Policy::Impl& p = policy.impl();
  for (const auto& n : p.notes) r.notes.push_back(n);
  if (!policy.ok()) return;
  std::string why;
  bool in_force = true;
  const policy::Pack* platform = choose_platform(p, q, received, options, r, why, in_force);
  if (!platform) return;
  r.policy_id = platform->id;
  r.policy_version = platform->version;
  r.policy_sha256 = platform->sha256;
  r.policy_title = platform->title;
  r.policies.push_back({platform->id, platform->version, platform->sha256, platform->title, "platform", why, in_force});
  for (const auto& n : platform->notes) r.notes.push_back(n);

  std::vector<Finding> findings;
  findings.reserve(64);
  rules::Context ctx(q, *platform, received, now, findings, r.deadlines);
  run_rules(*platform, ctx, findings, r, order);
  for (const auto& profile : p.profiles) {
    const auto reason = policy::applies_to(profile, q, received);
    if (!reason) continue;
    r.policies.push_back({profile.id, profile.version, profile.sha256, profile.title, "profile", *reason});
    for (const auto& n : profile.notes) r.notes.push_back(n);
    run_rules(profile, ctx, findings, r, order);
  }
  r.findings.reserve(r.findings.size() + findings.size());
  for (auto& f : findings) r.findings.push_back(std::move(f));
}

void check_impl(const Policy& policy, std::string_view text, const CheckOptions& options, Report& r, std::vector<std::string>& order) {
  if (options.from != "" && options.from != "hi1" && options.from != "reqcheck") {
    r.checked_at = options.now;
    input(r, "INPUT.unknown_format", "", "unknown input format `" + options.from + "`", "use `hi1`, `reqcheck`, or nothing to detect it");
    return;
  }
  const bool hi1 = options.from == "hi1" || (options.from.empty() && import::looks_like_hi1(text));
  if (!hi1) {
    if (!options.hi1_source.empty()) {  // a request converted from an HI-1 message, perhaps completed since
      auto origin = import::import_hi1(options.hi1_source);
      if (origin.errors.empty() && origin.requests.size() == 1) return check_request(policy, text, options, text, &origin.requests[0], r, order);
    }
    return check_request(policy, text, options, text, nullptr, r, order);
  }
  auto imported = import::import_hi1(text);
  if (imported.errors.empty() && imported.requests.size() == 1) {
    const std::string converted = imported.requests[0].request.dump(2);
    return check_request(policy, converted, options, text, &imported.requests[0], r, order);
  }
  if (const auto now = checking_time(options, r)) r.checked_at = now->text;
  for (const auto& d : imported.errors) {
    auto f = diagnostic_finding(d, "INPUT");
    if (!imported.requests.empty())
      if (const auto* src = imported.requests[0].source_of(d.pointer)) f.source = src->path;
    r.findings.push_back(std::move(f));
  }
  if (imported.errors.empty())
    input(r, "INPUT.several_authorisations", "",
          "the message carries " + std::to_string(imported.requests.size()) + " authorisations; reqcheck checks one per request",
          "check each on its own: the CLI and the page split the message into one request per authorisation");
}

}  // namespace

report::Report check(const Policy& policy, std::string_view text, const CheckOptions& options) {
  Report r;
  r.tz_version = std::string(tz_version());
  std::vector<std::string> order;  // the rules in the order the packs applied list them
  try {
    check_impl(policy, text, options, r, order);
  } catch (const std::exception& e) {
    r = Report{};
    r.checked_at = options.now;
    engine_error(r, "ENGINE.internal_error", "internal error: " + parse::strip_library_id(e.what()));
  }
  // of the text as given (an HI-1 message, not its conversion), so that a report names its input
  if (options.input_digest) r.input_sha256 = report::sha256_hex(text);
  r.request.file = options.file;
  r.request.line = std::max(options.first_line, 1);
  finish(r, order);
  return r;
}

std::string check_json(std::string_view request_text, std::string_view pack_text, const CheckOptions& options) {
  if (pack_text.empty()) return report::to_json(check(Policy::bundled(), request_text, options));
  return report::to_json(check(Policy::with_pack(pack_text), request_text, options));
}

std::string checking_time_error(std::string_view now) {
  ident::TimeError err;
  if (ident::parse_rfc3339_datetime(now, &err)) return "";
  return err.message.empty() ? "not an RFC 3339 date-time" : err.message;
}

std::string_view version() { return REQCHECK_VERSION; }

}  // namespace reqcheck
