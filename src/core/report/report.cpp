// Report assembly: status and verdict names and words, the verdict rule of criteria.md and the
// ranking of verdicts, the stable finding order, and the fixed-order JSON of reqcheck.report/1.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "reqcheck/report.hpp"

namespace reqcheck::report {

std::string_view to_string(Status s) {
  switch (s) {
    case Status::pass: return "pass";
    case Status::not_applicable: return "not_applicable";
    case Status::incomplete: return "incomplete";
    case Status::review: return "review";
    case Status::fail: return "fail";
  }
  return "fail";
}

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::meets_criteria: return "meets_criteria";
    case Verdict::needs_review: return "needs_review";
    case Verdict::does_not_meet: return "does_not_meet";
    case Verdict::invalid_input: return "invalid_input";
  }
  return "invalid_input";
}

std::string_view status_label(Status s) { return s == Status::not_applicable ? "not applicable" : to_string(s); }

bool parse_status(std::string_view text, Status& out) {
  for (auto s : {Status::pass, Status::not_applicable, Status::incomplete, Status::review, Status::fail})
    if (to_string(s) == text) {
      out = s;
      return true;
    }
  return false;
}

bool parse_verdict(std::string_view text, Verdict& out) {
  for (auto v : {Verdict::meets_criteria, Verdict::needs_review, Verdict::does_not_meet, Verdict::invalid_input})
    if (to_string(v) == text) {
      out = v;
      return true;
    }
  return false;
}

std::string_view verdict_label(Verdict v) {
  switch (v) {
    case Verdict::meets_criteria: return "meets criteria";
    case Verdict::needs_review: return "needs review";
    case Verdict::does_not_meet: return "does not meet";
    case Verdict::invalid_input: return "invalid input";
  }
  return "invalid input";
}

std::string_view verdict_words(Verdict v) {
  switch (v) {
    case Verdict::meets_criteria: return "meets the criteria — it qualifies for the platform's legal analysis; the platform may still decline";
    case Verdict::needs_review: return "needs review — fix or confirm the findings marked review or incomplete";
    case Verdict::does_not_meet: return "does not meet the criteria — fix the failed findings before sending";
    case Verdict::invalid_input: return "invalid input — the request (or the policy pack) could not be read";
  }
  return "invalid input";
}

Verdict worse(Verdict a, Verdict b) { return static_cast<int>(a) >= static_cast<int>(b) ? a : b; }

std::array<int, kStatusCount> Report::counts() const {
  std::array<int, kStatusCount> out{};
  for (const auto& f : findings) ++out[static_cast<std::size_t>(f.status)];
  return out;
}

Verdict verdict_of(const std::vector<Finding>& findings) {
  bool fail = false, review = false;
  for (const auto& f : findings) {
    if (f.status == Status::fail && (f.rule == "INPUT" || f.rule == "PACK" || f.rule == "ENGINE")) return Verdict::invalid_input;
    fail |= f.status == Status::fail;
    review |= f.status == Status::review || f.status == Status::incomplete;
  }
  if (findings.empty()) return Verdict::needs_review;  // nothing checked is never a pass
  return fail ? Verdict::does_not_meet : review ? Verdict::needs_review : Verdict::meets_criteria;
}

void sort_findings(std::vector<Finding>& findings, const std::vector<std::string>& rule_order) {
  // fail, review, incomplete, pass, not applicable: what needs action first (issue 10.8)
  const auto rank = [](Status s) {
    switch (s) {
      case Status::fail: return 0;
      case Status::review: return 1;
      case Status::incomplete: return 2;
      case Status::pass: return 3;
      case Status::not_applicable: return 4;
    }
    return 5;
  };
  // the engine's own findings (INPUT, PACK, ENGINE) before any rule's, then the packs' order
  const auto position = [&](const std::string& rule) -> std::size_t {
    const auto it = std::find(rule_order.begin(), rule_order.end(), rule);
    return it == rule_order.end() ? 0 : static_cast<std::size_t>(it - rule_order.begin()) + 1;
  };
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    if (a.status != b.status) return rank(a.status) < rank(b.status);
    const auto pa = position(a.rule), pb = position(b.rule);
    if (pa != pb) return pa < pb;
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.pointer < b.pointer;
  });
}

namespace {

using ojson = nlohmann::ordered_json;

ojson report_object(const Report& r) {
  ojson j;
  j["schema"] = "reqcheck.report/1";
  j["verdict"] = to_string(r.verdict);
  j["policy"] = {{"id", r.policy_id}, {"version", r.policy_version}, {"sha256", r.policy_sha256}, {"title", r.policy_title}};
  ojson policies = ojson::array();
  for (const auto& p : r.policies)
    policies.push_back({{"id", p.id}, {"version", p.version}, {"sha256", p.sha256}, {"title", p.title}, {"kind", p.kind}, {"reason", p.reason}});
  j["policies"] = std::move(policies);
  j["input_sha256"] = r.input_sha256;
  j["checked_at"] = r.checked_at;
  j["received_at"] = r.received_at.empty() ? ojson(nullptr) : ojson(r.received_at);
  j["received_at_defaulted"] = r.received_at_defaulted;
  j["notes"] = r.notes;
  ojson findings = ojson::array();
  for (const auto& f : r.findings) {
    ojson o;
    o["rule"] = f.rule;
    if (!f.code.empty()) o["code"] = f.code;
    o["status"] = to_string(f.status);
    o["title"] = f.title;
    o["message"] = f.message;
    o["help"] = f.help;
    o["pointer"] = f.pointer;
    o["legal_ref"] = f.legal_ref;
    if (!f.profile.empty()) o["profile"] = f.profile;
    if (!f.source.empty()) o["source"] = f.source;
    if (f.line > 0) {
      o["line"] = f.line;
      o["column"] = f.column;
    }
    if (f.end > 0) {
      o["offset"] = f.offset;
      o["end"] = f.end;
    }
    findings.push_back(std::move(o));
  }
  j["findings"] = std::move(findings);
  ojson deadlines = ojson::array();
  for (const auto& d : r.deadlines) {
    ojson o = {{"name", d.name}, {"due", d.due}, {"basis", d.basis}, {"rule", d.rule}};
    if (!d.zone.empty()) o["zone"] = d.zone;
    deadlines.push_back(std::move(o));
  }
  j["deadlines"] = std::move(deadlines);
  return j;
}

}  // namespace

std::string to_json(const Report& r) { return report_object(r).dump(2, ' ', false, nlohmann::json::error_handler_t::replace); }

std::string to_json(const std::vector<Report>& reports) {
  // each report rendered alone and indented one level, as a DOM of the whole array would print
  // it (strings hold no raw line breaks): a batch of thousands never exists as one DOM
  if (reports.empty()) return "[]";
  std::string out = "[\n";
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const std::string one = to_json(reports[i]);
    out.reserve(out.size() + one.size() + one.size() / 16);
    out += "  ";
    for (char c : one) {
      out += c;
      if (c == '\n') out += "  ";
    }
    out += i + 1 < reports.size() ? ",\n" : "\n";
  }
  return out + "]";
}

}  // namespace reqcheck::report
