// Markdown and plain-text renderings of a report, both read from the report's JSON text so
// they can never say something the JSON does not. User values are escaped in Markdown: a
// request containing HTML or Markdown is shown, never interpreted.
#include <nlohmann/json.hpp>

#include "reqcheck/engine.hpp"

namespace reqcheck {
namespace {

using nlohmann::json;

/// Escapes text for a Markdown table cell. The engine writes values as `code spans`; they
/// become <code> elements whose content is entity-escaped, so that HTML or Markdown in a request
/// is shown, never interpreted, whatever renderer reads the file.
std::string md(std::string_view text) {
  std::string out;
  size_t ticks = 0;
  for (char c : text) ticks += c == '`';
  const bool spans = ticks % 2 == 0;
  bool in_code = false;
  for (char c : text) {
    switch (c) {
      case '\n': case '\r': out += ' '; break;
      case '|': out += "&#124;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '`':
        if (spans) {
          out += in_code ? "</code>" : "<code>";
          in_code = !in_code;
        } else {
          out += "&#96;";
        }
        break;
      case '\\': case '*': case '_': case '[': case ']': case '#': case '!': case '~':
        if (in_code) out += c;
        else {
          out += '\\';
          out += c;
        }
        break;
      default: out += c;
    }
  }
  return out;
}

std::string str(const json& j, const char* key) { return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : ""; }

const char* verdict_words(const std::string& v) {
  if (v == "meets_criteria") return "meets the criteria — it qualifies for the platform's legal analysis; the platform may still decline";
  if (v == "needs_review") return "needs review — fix or confirm the findings marked review or incomplete";
  if (v == "does_not_meet") return "does not meet the criteria — fix the failed findings before sending";
  return "invalid input — the request (or the policy pack) could not be read";
}

const char* status_mark(const std::string& s) {
  if (s == "pass") return "✔ pass";
  if (s == "fail") return "✘ fail";
  if (s == "review") return "⚠ review";
  if (s == "incomplete") return "… incomplete";
  return "– n/a";
}

std::optional<json> parse_report(std::string_view text) {
  auto j = json::parse(text, nullptr, false);
  if (!j.is_object() || !j.contains("findings") || !j["findings"].is_array()) return std::nullopt;
  return j;
}

}  // namespace

std::string report_to_markdown(std::string_view report_json) {
  const auto j = parse_report(report_json);
  if (!j) return "**reqcheck:** this is not a reqcheck report.\n";
  std::string out = "# reqcheck report\n\n";
  out += "**Verdict: " + md(verdict_words(str(*j, "verdict"))) + "**\n\n";
  const auto& p = (*j)["policy"];
  if (!str(p, "id").empty())
    out += "- Policy: `" + md(str(p, "id")) + "` version `" + md(str(p, "version")) + "` (sha256 `" + str(p, "sha256") + "`)\n";
  out += "- Input sha256: `" + str(*j, "input_sha256") + "`\n";
  out += "- Checked at: " + md(str(*j, "checked_at")) + "\n";
  if ((*j).value("received_at_defaulted", false)) out += "- Received at: not given; the checking time was used\n";
  else if (!str(*j, "received_at").empty()) out += "- Received at: " + md(str(*j, "received_at")) + "\n";
  for (const auto& n : (*j)["notes"]) out += "- Note: " + md(n.get<std::string>()) + "\n";
  out += "\n| status | rule | where | finding | fix | source |\n|---|---|---|---|---|---|\n";
  for (const auto& f : (*j)["findings"]) {
    std::string where = str(f, "pointer").empty() ? "(request)" : str(f, "pointer");
    if (!str(f, "source").empty()) where += " ← " + str(f, "source");
    if (f.contains("line")) where += " (line " + std::to_string(f["line"].get<int>()) + ", column " + std::to_string(f["column"].get<int>()) + ")";
    out += "| " + std::string(status_mark(str(f, "status"))) + " | " + md(str(f, "rule")) + " " + md(str(f, "title")) + " | " +
           md("`" + where + "`") + " | " + md(str(f, "message")) + " | " + md(str(f, "help")) + " | " + md(str(f, "legal_ref")) + " |\n";
  }
  if (!(*j)["deadlines"].empty()) {
    out += "\n## Deadlines\n\n| what | due | basis |\n|---|---|---|\n";
    for (const auto& d : (*j)["deadlines"]) out += "| " + md(str(d, "name")) + " | " + md(str(d, "due")) + " | " + md(str(d, "basis")) + " |\n";
  }
  out += "\n*Checked locally by reqcheck " + std::string(version()) + "; not legal advice.*\n";
  return out;
}

std::string report_to_text(std::string_view report_json) {
  const auto j = parse_report(report_json);
  if (!j) return "reqcheck: this is not a reqcheck report\n";
  std::string out = "verdict: " + std::string(verdict_words(str(*j, "verdict"))) + "\n";
  const auto& p = (*j)["policy"];
  if (!str(p, "id").empty()) out += "policy:  " + str(p, "id") + " (version " + str(p, "version") + ")\n";
  for (const auto& n : (*j)["notes"]) out += "note:    " + n.get<std::string>() + "\n";
  for (const auto& f : (*j)["findings"]) {
    std::string where = str(f, "pointer").empty() ? "(request)" : str(f, "pointer");
    if (f.contains("line")) where += " at line " + std::to_string(f["line"].get<int>()) + ", column " + std::to_string(f["column"].get<int>());
    out += "\n" + std::string(status_mark(str(f, "status"))) + "  " + str(f, "rule") + "  " + str(f, "title") + "\n";
    out += "    where:  " + where + "\n";
    if (!str(f, "source").empty()) out += "    hi-1:   " + str(f, "source") + "\n";
    out += "    " + str(f, "message") + "\n";
    if (!str(f, "help").empty()) out += "    fix:    " + str(f, "help") + "\n";
    if (!str(f, "legal_ref").empty()) out += "    source: " + str(f, "legal_ref") + "\n";
  }
  for (const auto& d : (*j)["deadlines"]) out += "\ndeadline: " + str(d, "name") + " — due " + str(d, "due") + " (" + str(d, "basis") + ")\n";
  return out;
}

}  // namespace reqcheck
