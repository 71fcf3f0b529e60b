// Report assembly: status and verdict names, the verdict rule of criteria.md, the stable
// finding order, and the fixed-order JSON rendering of reqcheck.report/1.
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

Verdict verdict_of(const std::vector<Finding>& findings) {
  bool fail = false, review = false;
  for (const auto& f : findings) {
    if (f.status == Status::fail && (f.rule == "INPUT" || f.rule == "PACK")) return Verdict::invalid_input;
    fail |= f.status == Status::fail;
    review |= f.status == Status::review || f.status == Status::incomplete;
  }
  if (findings.empty()) return Verdict::needs_review;  // nothing checked is never a pass
  return fail ? Verdict::does_not_meet : review ? Verdict::needs_review : Verdict::meets_criteria;
}

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.pointer != b.pointer) return a.pointer < b.pointer;
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.status > b.status;
  });
}

std::string to_json(const Report& r) {
  using ojson = nlohmann::ordered_json;
  ojson j;
  j["schema"] = "reqcheck.report/1";
  j["verdict"] = to_string(r.verdict);
  j["policy"] = {{"id", r.policy_id}, {"version", r.policy_version}, {"sha256", r.policy_sha256}, {"title", r.policy_title}};
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
    if (!f.source.empty()) o["source"] = f.source;
    if (f.line > 0) {
      o["line"] = f.line;
      o["column"] = f.column;
    }
    findings.push_back(std::move(o));
  }
  j["findings"] = std::move(findings);
  ojson deadlines = ojson::array();
  for (const auto& d : r.deadlines) deadlines.push_back({{"name", d.name}, {"due", d.due}, {"basis", d.basis}});
  j["deadlines"] = std::move(deadlines);
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace reqcheck::report
