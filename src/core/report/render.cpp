// Text, Markdown and CSV renderings of the typed report (to_json is in report.cpp): each reads
// the same structs, so none can say what another does not. User values are escaped in Markdown
// (shown, never interpreted) and guarded in CSV against spreadsheet formula injection.
#include <cstdio>

#include "ident/identifiers.hpp"
#include "report/csv.hpp"
#include "reqcheck/engine.hpp"
#include "reqcheck/report.hpp"

namespace reqcheck::report {
namespace {

/// A request's value as a terminal shows it safely (ident::escape_controls).
std::string plain(std::string_view text) { return ident::escape_controls(text); }

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
      case '\x1B': out += "\\u001B"; break;  // a terminal's escape, shown not obeyed
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

const char* status_mark(Status s) {
  switch (s) {
    case Status::pass: return "✔ pass";
    case Status::fail: return "✘ fail";
    case Status::review: return "⚠ review";
    case Status::incomplete: return "… incomplete";
    case Status::not_applicable: return "– n/a";
  }
  return "– n/a";
}

/// A CSV field: the one writer of csv.hpp.
std::string csv(std::string_view v) { return csv_field(v); }

std::string where_of(const Finding& f, bool text) {
  std::string where = f.pointer.empty() ? "(request)" : f.pointer;
  if (!text && !f.source.empty()) where += " ← " + f.source;
  if (f.line > 0)
    where += (text ? " at line " : " (line ") + std::to_string(f.line) + ", column " + std::to_string(f.column) + (text ? "" : ")");
  return where;
}

/// "reference X · case Y · file Z, line N", the parts the request has; empty when none.
std::string request_words(const RequestInfo& q) {
  std::string out;
  const auto part = [&](const std::string& words) { out += (out.empty() ? "" : " · ") + words; };
  if (!q.reference.empty()) part("reference " + q.reference);
  if (!q.case_reference.empty()) part("case " + q.case_reference);
  if (!q.file.empty()) part("file " + q.file + (q.line > 1 ? ", line " + std::to_string(q.line) : std::string()));
  return out;
}

/// "1 failed · 0 to review · 0 incomplete · 23 passed · 3 not applicable".
std::string count_words(const Report& r) {
  const auto c = r.counts();
  const auto n = [&](Status s) { return std::to_string(c[static_cast<std::size_t>(s)]); };
  return n(Status::fail) + " failed · " + n(Status::review) + " to review · " + n(Status::incomplete) + " incomplete · " +
         n(Status::pass) + " passed · " + n(Status::not_applicable) + " not applicable";
}

}  // namespace

std::string to_markdown(const Report& r) {
  const std::string named = request_words(r.request);
  std::string out = "# reqcheck report" + (r.request.reference.empty() ? std::string() : ": " + md(r.request.reference)) + "\n\n";
  if (!named.empty()) out += "Request: " + md(named) + "\n\n";
  out += "**Verdict: " + md(verdict_words(r.verdict)) + "**\n\n";
  out += "**" + count_words(r) + "**\n\n";
  for (const auto& p : r.policies)
    out += "- " + std::string(p.kind == "platform" ? "Policy" : "Profile") + ": `" + md(p.id) + "` version `" + md(p.version) +
           "` (sha256 `" + p.sha256 + "`) — " + md(p.reason) + "\n";
  out += "- Input sha256: `" + r.input_sha256 + "`\n";
  out += "- Checked at: " + md(r.checked_at) + "\n";
  if (r.received_at_defaulted) out += "- Received at: not given; the checking time was used\n";
  else if (!r.received_at.empty()) out += "- Received at: " + md(r.received_at) + "\n";
  for (const auto& n : r.notes) out += "- Note: " + md(n) + "\n";
  out += "\n| status | rule | where | finding | fix | source |\n|---|---|---|---|---|---|\n";
  for (const auto& f : r.findings) {
    out += "| " + std::string(status_mark(f.status)) + " | " + md(f.rule) + (f.code.empty() ? "" : " " + md("`" + f.code + "`")) + " " + md(f.title) +
           " | " + md("`" + where_of(f, false) + "`") + " | " + md(f.message) + " | " + md(f.help) + " | " + md(f.legal_ref) + " |\n";
  }
  if (!r.deadlines.empty()) {
    out += "\n## Deadlines\n\n| what | due | basis |\n|---|---|---|\n";
    for (const auto& d : r.deadlines)
      out += "| " + md(d.name) + " | " + md(d.due) + (d.zone.empty() ? "" : " (" + md(d.zone) + ")") + " | " + md(d.basis) + " (" + md(d.rule) + ") |\n";
  }
  out += "\n*Checked locally by reqcheck " + std::string(version()) + "; not legal advice.*\n";
  return out;
}

std::string to_text(const Report& r) {
  // appended in place: the same text as concatenating, without a temporary per piece
  std::string out;
  out.reserve(1024 + r.findings.size() * 320);
  out += "verdict: ";
  out += verdict_words(r.verdict);
  out += '\n';
  out += "counts:  ";
  out += count_words(r);
  out += '\n';
  if (const std::string named = request_words(r.request); !named.empty()) {
    out += "request: ";
    out += plain(named);
    out += '\n';
  }
  for (const auto& p : r.policies) {
    const bool platform = p.kind == "platform";
    out += platform ? "policy:  " : "profile: ";
    out += plain(p.id);
    out += " (version ";
    out += plain(p.version);
    out += ')';
    if (!platform) {
      out += " — ";
      out += plain(p.reason);
    }
    out += '\n';
  }
  for (const auto& n : r.notes) {
    out += "note:    ";
    out += plain(n);
    out += '\n';
  }
  for (const auto& f : r.findings) {
    out += '\n';
    out += status_mark(f.status);
    out += "  ";
    out += f.rule;
    out += "  ";
    out += plain(f.title);
    if (!f.code.empty()) {
      out += "  [";
      out += f.code;
      out += ']';
    }
    out += "\n    where:  ";
    out += f.pointer.empty() ? std::string("(request)") : plain(f.pointer);
    if (f.line > 0) {
      out += " at line ";
      out += std::to_string(f.line);
      out += ", column ";
      out += std::to_string(f.column);
    }
    out += '\n';
    if (!f.source.empty()) {
      out += "    hi-1:   ";
      out += plain(f.source);
      out += '\n';
    }
    out += "    ";
    out += plain(f.message);
    out += '\n';
    if (!f.help.empty()) {
      out += "    fix:    ";
      out += plain(f.help);
      out += '\n';
    }
    if (!f.legal_ref.empty()) {
      out += "    source: ";
      out += plain(f.legal_ref);
      out += '\n';
    }
  }
  for (const auto& d : r.deadlines) {
    out += "\ndeadline: ";
    out += plain(d.name);
    out += " — due ";
    out += plain(d.due);
    if (!d.zone.empty()) {
      out += " (";
      out += plain(d.zone);
      out += ')';
    }
    out += " (";
    out += d.basis;
    out += ", ";
    out += d.rule;
    out += ")\n";
  }
  return out;
}

std::string_view csv_header() { return "request,verdict,status,rule,code,pointer,line,column,message,help,legal_ref,profile"; }

std::string to_csv(const Report& r, std::string_view request, bool header) {
  std::string out = header ? std::string(csv_header()) + "\r\n" : std::string();
  for (const auto& f : r.findings) {
    out += csv(request) + "," + csv(to_string(r.verdict)) + "," + csv(to_string(f.status)) + "," + csv(f.rule) + "," + csv(f.code) + "," +
           csv(f.pointer) + "," + (f.line > 0 ? std::to_string(f.line) : "") + "," + (f.line > 0 ? std::to_string(f.column) : "") + "," +
           csv(f.message) + "," + csv(f.help) + "," + csv(f.legal_ref) + "," + csv(f.profile) + "\r\n";
  }
  return out;
}

}  // namespace reqcheck::report
