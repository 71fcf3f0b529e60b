// Properties every fuzz target asserts beyond "no crash": a report is valid JSON with a known
// verdict, carries no internal error, and every INPUT/PACK failure names a location.
// A broken property aborts, so libFuzzer saves the input as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace fuzzsupport {

[[noreturn]] inline void fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "fuzz property broken: %s\n%.*s\n", what, static_cast<int>(detail.size() > 4000 ? 4000 : detail.size()),
               detail.data());
  std::abort();
}

/// Checks a report as check_json returns it; returns its verdict.
inline std::string check_report(const std::string& report) {
  const auto j = nlohmann::json::parse(report, nullptr, false);
  if (!j.is_object()) fail("report is not a JSON object", report);
  const std::string verdict = j.value("verdict", "");
  if (verdict != "meets_criteria" && verdict != "needs_review" && verdict != "does_not_meet" && verdict != "invalid_input")
    fail("unknown verdict", report);
  if (!j.contains("findings") || !j["findings"].is_array()) fail("report without findings", report);
  bool input_fail = false;
  for (const auto& f : j["findings"]) {
    if (!f.is_object() || !f.contains("rule") || !f.contains("status") || !f.contains("pointer")) fail("finding without rule/status/pointer", report);
    if (f["rule"] == "INPUT" && f["status"] == "fail") input_fail = true;
    // check_json's last resort: an exception escaped the engine (user text never starts a PACK message so)
    if (f["rule"] == "ENGINE" && f.value("code", "") == "ENGINE.internal_error") fail("an exception escaped into the report", report);
  }
  // fail closed: an unreadable input must never be judged
  if (input_fail && verdict != "invalid_input") fail("an INPUT failure with a verdict other than invalid_input", report);
  if (verdict == "invalid_input" && j["findings"].empty()) fail("invalid_input without a finding", report);
  return verdict;
}

}  // namespace fuzzsupport
