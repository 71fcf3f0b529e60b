// Report assembly: status and verdict names and words, the verdict rule of criteria.md and the
// ranking of verdicts, the stable finding order, and the fixed-order JSON of reqcheck.report/1.
#include <algorithm>
#include <cstring>

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
  // rank and position worked out once per finding, and indices sorted rather than findings
  struct Key {
    int rank;
    std::size_t position;
  };
  const std::size_t n = findings.size();
  std::vector<Key> keys(n);
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) {
    keys[i] = {rank(findings[i].status), position(findings[i].rule)};
    order[i] = i;
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    if (keys[x].rank != keys[y].rank) return keys[x].rank < keys[y].rank;
    if (keys[x].position != keys[y].position) return keys[x].position < keys[y].position;
    const Finding &a = findings[x], &b = findings[y];
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.pointer < b.pointer;
  });
  std::vector<Finding> sorted;
  sorted.reserve(n);
  for (const std::size_t i : order) sorted.push_back(std::move(findings[i]));
  findings = std::move(sorted);
}

namespace {

/// Writes reqcheck.report/1 straight into a string, byte for byte as nlohmann's ordered DOM
/// dumped with dump(2, ' ', false, replace) wrote it (the earlier renderer, kept in
/// tests/unit/report_test.cpp as the reference), without building the DOM. Strings are escaped
/// by nlohmann's own serializer (invalid UTF-8 replaced by U+FFFD); runs of plain ASCII are copied.
class JsonWriter {
 public:
  /// `indent` < 0: one line, no blanks (NDJSON).
  JsonWriter(std::string& out, int indent)
      : out_(out), indent_(indent), compact_(indent < 0), serializer_(nlohmann::detail::output_adapter<char>(escaped_), ' ', nlohmann::json::error_handler_t::replace) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  /// Starts a member: its name (ours: plain ASCII, never escaped) and the separator.
  void key(std::string_view name) {
    // `,` `\n` indent `"name": ` in one append
    char buf[160];
    std::size_t n = start(buf);
    buf[n++] = '"';
    name = name.substr(0, 150 - n);
    std::memcpy(buf + n, name.data(), name.size());
    n += name.size();
    std::memcpy(buf + n, "\": ", 3);
    out_.append(buf, n + (compact_ ? 2 : 3));
  }
  /// Starts an element of an array.
  void element() { next(); }

  void string(std::string_view s) {
    out_ += '"';
    // runs of plain ASCII are copied as nlohmann would copy them; every other run (control
    // characters, quotes, backslashes, UTF-8 sequences, valid or not) is escaped by its
    // serializer. Cutting at ASCII bytes changes nothing: no UTF-8 sequence holds one, and the
    // serializer treats an ASCII byte after a broken sequence exactly like the end of the text
    // (one U+FFFD for the broken sequence, then the byte as usual)
    std::size_t i = 0;
    while (i < s.size()) {
      std::size_t j = i;
      while (j < s.size() && plain(s[j])) ++j;
      out_.append(s.data() + i, j - i);
      if (j == s.size()) break;
      i = j;
      while (j < s.size() && !plain(s[j])) ++j;
      escape(s.substr(i, j - i));
      i = j;
    }
    out_ += '"';
  }
  void number(long long n) { out_ += std::to_string(n); }
  void number(std::size_t n) { out_ += std::to_string(n); }
  void boolean(bool b) { out_ += b ? "true" : "false"; }
  void null() { out_ += "null"; }

  void member(std::string_view name, std::string_view value) {
    key(name);
    string(value);
  }
  void strings(std::string_view name, const std::vector<std::string>& values) {
    key(name);
    begin_array();
    for (const auto& v : values) {
      element();
      string(v);
    }
    end_array();
  }

 private:
  void open(char c) {
    out_ += c;
    ++indent_;
    empty_.push_back(true);
  }
  void close(char c) {
    --indent_;
    if (!empty_.back() && !compact_) {  // an empty object or array is `{}` or `[]`
      out_ += '\n';
      out_.append(static_cast<std::size_t>(indent_) * 2, ' ');
    }
    out_ += c;
    empty_.pop_back();
  }
  static bool plain(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u <= 0x7F && c != '"' && c != '\\';
  }
  /// `s` escaped by nlohmann's serializer, without the quotes it writes around it.
  void escape(std::string_view s) {
    scratch_.get_ref<std::string&>().assign(s.data(), s.size());
    escaped_.clear();
    serializer_.dump(scratch_, false, false, 0);
    out_.append(escaped_, 1, escaped_.size() - 2);
  }
  /// Writes into `buf` what precedes a member or element (`,` after another, a line break, the
  /// indent) and returns its length.
  std::size_t start(char* buf) {
    std::size_t n = 0;
    if (!empty_.back()) buf[n++] = ',';
    empty_.back() = false;
    if (compact_) return n;
    buf[n++] = '\n';
    const std::size_t spaces = std::min<std::size_t>(static_cast<std::size_t>(indent_) * 2, 64);
    std::memset(buf + n, ' ', spaces);
    return n + spaces;
  }
  void next() {
    char buf[80];
    out_.append(buf, start(buf));
  }

  std::string& out_;
  int indent_;
  bool compact_;
  std::vector<bool> empty_;
  std::string escaped_;  // what the serializer wrote last
  nlohmann::detail::serializer<nlohmann::json> serializer_;
  nlohmann::json scratch_ = std::string();
};

/// Writes the report at `indent` levels (2 spaces each) of nesting.
void write_report(const Report& r, std::string& out, int indent) {
  JsonWriter w(out, indent);
  w.begin_object();
  w.member("schema", "reqcheck.report/1");
  w.member("verdict", to_string(r.verdict));
  w.key("request");
  w.begin_object();
  const auto string_or_null = [&](std::string_view name, const std::string& v) {
    w.key(name);
    if (v.empty()) w.null();
    else w.string(v);
  };
  string_or_null("file", r.request.file);
  w.key("line");
  w.number(static_cast<long long>(r.request.line));
  string_or_null("reference", r.request.reference);
  string_or_null("case_reference", r.request.case_reference);
  w.end_object();
  w.key("policy");
  w.begin_object();
  w.member("id", r.policy_id);
  w.member("version", r.policy_version);
  w.member("sha256", r.policy_sha256);
  w.member("title", r.policy_title);
  w.end_object();
  w.key("policies");
  w.begin_array();
  for (const auto& p : r.policies) {
    w.element();
    w.begin_object();
    w.member("id", p.id);
    w.member("version", p.version);
    w.member("sha256", p.sha256);
    w.member("title", p.title);
    w.member("kind", p.kind);
    w.member("reason", p.reason);
    w.key("in_force_at_receipt");
    w.boolean(p.in_force_at_receipt);
    w.end_object();
  }
  w.end_array();
  // the framework profiles alone, as frameworks.md §1 names them (always present, maybe empty)
  w.key("profiles");
  w.begin_array();
  for (const auto& p : r.policies) {
    if (p.kind != "profile") continue;
    w.element();
    w.begin_object();
    w.member("id", p.id);
    w.member("title", p.title);
    w.member("reason", p.reason);
    w.end_object();
  }
  w.end_array();
  w.member("tz_version", r.tz_version);
  w.member("input_sha256", r.input_sha256);
  w.member("checked_at", r.checked_at);
  w.key("received_at");
  if (r.received_at.empty()) w.null();
  else w.string(r.received_at);
  w.key("received_at_defaulted");
  w.boolean(r.received_at_defaulted);
  w.strings("notes", r.notes);
  w.key("findings");
  w.begin_array();
  for (const auto& f : r.findings) {
    w.element();
    w.begin_object();
    w.member("rule", f.rule);
    if (!f.code.empty()) w.member("code", f.code);
    w.member("status", to_string(f.status));
    w.member("title", f.title);
    w.member("message", f.message);
    w.member("help", f.help);
    w.member("pointer", f.pointer);
    w.member("legal_ref", f.legal_ref);
    if (!f.profile.empty()) w.member("profile", f.profile);
    if (!f.source.empty()) w.member("source", f.source);
    if (f.line > 0) {
      w.key("line");
      w.number(static_cast<long long>(f.line));
      w.key("column");
      w.number(static_cast<long long>(f.column));
    }
    if (f.end > 0) {
      w.key("offset");
      w.number(f.offset);
      w.key("end");
      w.number(f.end);
    }
    w.end_object();
  }
  w.end_array();
  w.key("deadlines");
  w.begin_array();
  for (const auto& d : r.deadlines) {
    w.element();
    w.begin_object();
    w.member("name", d.name);
    w.member("due", d.due);
    w.member("basis", d.basis);
    w.member("rule", d.rule);
    if (!d.zone.empty()) w.member("zone", d.zone);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

std::string to_json(const Report& r) {
  std::string out;
  out.reserve(4096 + r.findings.size() * 512);
  write_report(r, out, 0);
  return out;
}

std::string to_json_line(const Report& r) {
  std::string out;
  out.reserve(4096 + r.findings.size() * 512);
  write_report(r, out, -1);
  return out;
}

std::string to_json_element(const Report& r) {
  std::string out;
  out.reserve(4096 + r.findings.size() * 512);
  write_report(r, out, 1);
  return out;
}

std::string to_json(const std::vector<Report>& reports) {
  // each report written one level in, as a DOM of the whole array would print it: a batch of
  // thousands never exists as one DOM
  if (reports.empty()) return "[]";
  std::string out = "[\n";
  for (std::size_t i = 0; i < reports.size(); ++i) {
    out += "  ";
    write_report(reports[i], out, 1);
    out += i + 1 < reports.size() ? ",\n" : "\n";
  }
  return out + "]";
}

}  // namespace reqcheck::report
