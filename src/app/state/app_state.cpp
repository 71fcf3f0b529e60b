// The operations on AppState: loading text, checking through reqcheck_core, reading the report
// JSON into display structs, choosing packs, downloads. Reports come from `check_json` only;
// nothing here decides whether a request meets a criterion, and nothing here draws.
#include "state/app_state.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include <reqcheck/engine.hpp>

#include "state/embedded.hpp"
#include "state/json_locate.hpp"

namespace reqcheck::app {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

constexpr std::string_view default_sample = "meets-criteria.json";

const EmbeddedFile* find_sample(std::string_view name) {
  for (std::size_t i = 0; i < samples_count; ++i) {
    if (samples[i].name == name) return &samples[i];
  }
  return nullptr;
}

/// A string member of a JSON object, or `fallback` when absent or not a string.
template <class J>
std::string str_of(const J& obj, const char* key, std::string fallback = {}) {
  if (!obj.is_object()) return fallback;
  auto it = obj.find(key);
  if (it == obj.end()) return fallback;
  if (it->is_string()) return it->template get<std::string>();
  if (it->is_number()) return it->dump();
  return fallback;
}

/// An integer member of a JSON object, or 0.
int int_of(const json& obj, const char* key) {
  if (!obj.is_object()) return 0;
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_number()) return 0;
  return it->get<int>();
}

/// Reads the report text into the display struct; a text that is not a report leaves an
/// `invalid_input` view with one explanatory finding, so a core bug cannot crash the page.
ReportView read_report(std::string text) {
  ReportView view;
  json doc = json::parse(text, nullptr, false);
  view.json_text = std::move(text);
  if (!doc.is_object()) {
    view.verdict = "invalid_input";
    Finding f;
    f.rule = "APP";
    f.status = Status::fail;
    f.status_text = "fail";
    f.title = "the engine returned no report";
    f.message = "the check produced text that is not a report";
    view.findings.push_back(std::move(f));
    view.counts[static_cast<int>(Status::fail)] = 1;
    return view;
  }
  view.verdict = str_of(doc, "verdict");
  if (auto p = doc.find("policy"); p != doc.end()) {
    view.policy_id = str_of(*p, "id");
    view.policy_version = str_of(*p, "version");
  }
  view.checked_at = str_of(doc, "checked_at");
  if (auto fs = doc.find("findings"); fs != doc.end() && fs->is_array()) {
    for (const auto& item : *fs) {
      Finding f;
      f.rule = str_of(item, "rule");
      f.status_text = str_of(item, "status");
      f.status = parse_status(f.status_text);
      f.title = str_of(item, "title");
      f.message = str_of(item, "message");
      f.help = str_of(item, "help");
      f.pointer = str_of(item, "pointer");
      f.legal_ref = str_of(item, "legal_ref");
      f.line = int_of(item, "line");  // where an unreadable input went wrong
      f.column = int_of(item, "column");
      // a finding on an imported request is positioned in the HI-1 message, not in the editor
      f.source = str_of(item, "source");
      if (!f.source.empty()) {
        f.source_line = f.line;
        f.line = f.column = 0;
      }
      if (f.line > 0 && view.first_located < 0) view.first_located = static_cast<int>(view.findings.size());
      view.counts[static_cast<int>(f.status)] += 1;
      view.findings.push_back(std::move(f));
    }
  }
  if (auto ns = doc.find("notes"); ns != doc.end() && ns->is_array()) {
    for (const auto& n : *ns) {
      if (n.is_string()) view.notes.push_back(n.get<std::string>());
    }
  }
  if (auto ds = doc.find("deadlines"); ds != doc.end() && ds->is_array()) {
    for (const auto& item : *ds) view.deadlines.push_back({str_of(item, "name"), str_of(item, "due"), str_of(item, "basis")});
  }
  return view;
}

/// Re-parses the request text for the form view; the text itself is never changed here.
void refresh_form(AppState& s) {
  if (!s.batch.empty()) {
    s.form_valid = false;
    s.form_error = "This text is a batch of " + std::to_string(s.batch.size()) +
                   " requests; the form edits one request at a time (open one on its own to use it).";
    return;
  }
  // the form and its re-serialisation recurse per level: refuse absurd nesting up front
  int depth = 0, max_depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < s.request_text.size(); ++i) {
    const char c = s.request_text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      max_depth = std::max(max_depth, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  if (max_depth > 64) {
    s.form_valid = false;
    s.form_error = "The JSON nests " + std::to_string(max_depth) + " levels deep; the form shows requests, which nest a few.";
    return;
  }
  ojson doc = ojson::parse(s.request_text, nullptr, false);
  if (doc.is_discarded()) {
    s.form_valid = false;
    s.form_error = "The JSON cannot be read; fix it in the JSON tab (the report shows where).";
    return;
  }
  if (!doc.is_object()) {
    s.form_valid = false;
    s.form_error = "The form shows one request (a JSON object); this text is a JSON " + std::string(doc.type_name()) + ".";
    return;
  }
  s.form_doc = std::move(doc);
  s.form_valid = true;
  s.form_error.clear();
}

/// The pack text the current choice checks against (empty: let the core choose).
std::string pack_text_for_check(const AppState& s) {
  return s.pack_mode == PackMode::user ? s.user_pack_text : std::string();
}

}  // namespace

bool looks_like_pack(std::string_view text) {
  return text.substr(0, 512).find("\"reqcheck.pack/") != std::string_view::npos;
}

Status parse_status(std::string_view text) {
  if (text == "pass") return Status::pass;
  if (text == "fail") return Status::fail;
  if (text == "review") return Status::review;
  if (text == "incomplete") return Status::incomplete;
  if (text == "not_applicable") return Status::not_applicable;
  return Status::unknown;
}

std::string_view status_label(Status status) {
  switch (status) {
    case Status::pass: return "pass";
    case Status::fail: return "fail";
    case Status::review: return "review";
    case Status::incomplete: return "incomplete";
    case Status::not_applicable: return "n/a";
    case Status::unknown: break;
  }
  return "other";
}

std::string_view verdict_label(std::string_view verdict) {
  if (verdict == "meets_criteria") return "meets criteria";
  if (verdict == "does_not_meet") return "does not meet criteria";
  if (verdict == "needs_review") return "needs review";
  if (verdict == "invalid_input") return "invalid input";
  if (verdict.empty()) return "not checked yet";
  return verdict;
}

std::string verdict_summary(const AppState& s) {
  const ReportView& r = s.report;
  std::string out(verdict_label(r.verdict));
  const int failed = r.counts[static_cast<int>(Status::fail)];
  const int review = r.counts[static_cast<int>(Status::review)] + r.counts[static_cast<int>(Status::incomplete)];
  out += ": " + std::to_string(failed) + " failed, " + std::to_string(review) + " to review";
  if (r.verdict == "meets_criteria") out += " (the platform may still decline)";
  if (r.first_located >= 0) {
    const Finding& f = r.findings[static_cast<std::size_t>(r.first_located)];
    out += "; line " + std::to_string(f.line) + ", column " + std::to_string(f.column) + ": " + f.message;
  }
  return out;
}

std::string download_name(const AppState& s, std::string_view suffix) {
  std::string base = s.request_name.empty() ? std::string("request") : s.request_name;
  if (base.size() > 5 && base.compare(base.size() - 5, 5, ".json") == 0) base.resize(base.size() - 5);
  return base + std::string(suffix);
}

void set_notice(AppState& s, std::string text, bool is_error) {
  s.notice = std::move(text);
  s.notice_is_error = is_error;
  s.notice_time = s.platform->now();
}

bool notice_visible(const AppState& s) { return !s.notice.empty() && s.platform->now() - s.notice_time < notice_seconds; }

void init_app(AppState& s) {
  json packs = json::parse(bundled_packs_json(), nullptr, false);
  if (packs.is_array()) {
    for (const auto& p : packs) {
      s.packs.push_back({str_of(p, "id"), str_of(p, "service"), str_of(p, "version"), str_of(p, "title"),
                         str_of(p, "in_force_from"), str_of(p, "in_force_until")});
    }
  }
  const EmbeddedFile* start = find_sample(default_sample);
  if (start == nullptr && samples_count > 0) start = &samples[0];
  if (start != nullptr) {
    set_request(s, std::string(start->text()), start->name);
  } else {
    set_request(s, "{\n  \"schema\": \"reqcheck.request/1\"\n}\n", "request.json");
  }
}

bool open_sample(AppState& s, std::string_view name) {
  const EmbeddedFile* sample = find_sample(name);
  if (sample == nullptr) return false;
  receive(s, Incoming::request, sample->name, std::string(sample->text()));
  return true;
}

void set_request(AppState& s, std::string text, std::string name, std::string hi1_source) {
  s.request_text = std::move(text);
  s.hi1_source = std::move(hi1_source);
  s.request_name = std::move(name);
  s.editor_generation += 1;
  s.selected_finding = -1;
  s.platform->set_title("reqcheck — " + s.request_name);
  run_check(s);
}

void note_edit(AppState& s) {
  s.check_pending = true;
  s.last_edit_time = s.platform->now();
}

void apply_form(AppState& s) {
  if (!s.form_valid) return;
  s.request_text = s.form_doc.dump(2, ' ', false, nlohmann::detail::error_handler_t::replace) + "\n";
  s.editor_generation += 1;
  s.check_pending = true;
  s.last_edit_time = s.platform->now();
}

namespace {

int verdict_rank(std::string_view v) {
  if (v == "invalid_input") return 3;
  if (v == "does_not_meet") return 2;
  if (v == "needs_review") return 1;
  return 0;
}

void publish(AppState& s) {
  if (s.batch.empty()) {
    const int failed = s.report.counts[static_cast<int>(Status::fail)];
    const int review = s.report.counts[static_cast<int>(Status::review)] + s.report.counts[static_cast<int>(Status::incomplete)];
    s.platform->publish_verdict(s.report.verdict, verdict_summary(s), failed, review, s.report.policy_id);
    return;
  }
  int failed = 0, review = 0;
  int per_verdict[4] = {};
  for (const ReportView& r : s.batch) {
    failed += r.counts[static_cast<int>(Status::fail)];
    review += r.counts[static_cast<int>(Status::review)] + r.counts[static_cast<int>(Status::incomplete)];
    per_verdict[verdict_rank(r.verdict)] += 1;
  }
  const std::string_view worst = worst_verdict(s);
  std::string summary = std::string(verdict_label(worst)) + ": batch of " + std::to_string(s.batch.size()) + " requests (" +
                        std::to_string(per_verdict[0]) + " meet criteria, " + std::to_string(per_verdict[1]) + " need review, " +
                        std::to_string(per_verdict[2]) + " do not meet, " + std::to_string(per_verdict[3]) + " invalid); " +
                        std::to_string(failed) + " failed, " + std::to_string(review) + " to review";
  s.platform->publish_verdict(worst, summary, failed, review, s.report.policy_id);
}

}  // namespace

std::string_view worst_verdict(const AppState& s) {
  std::string_view worst = "meets_criteria";
  for (const ReportView& r : s.batch) {
    if (verdict_rank(r.verdict) > verdict_rank(worst)) worst = r.verdict;
  }
  return worst;
}

void show_batch_element(AppState& s, int index) {
  if (index < 0 || index >= static_cast<int>(s.batch.size())) return;
  s.batch_index = index;
  s.report = s.batch[static_cast<std::size_t>(index)];
  s.selected_finding = -1;
}

void run_check(AppState& s) {
  s.check_pending = false;
  CheckOptions options;
  options.now = s.checking_time;
  if (s.pack_mode == PackMode::bundled) options.pack_id = s.pack_id;
  options.hi1_source = s.hi1_source;  // findings keep naming the imported message's elements
  const std::string pack = pack_text_for_check(s);
  const std::vector<BatchPart> parts = split_batch(s.request_text);
  s.batch.clear();
  s.batch_spans.clear();
  if (parts.size() > 1) {
    for (const BatchPart& part : parts) {
      CheckOptions part_options = options;  // the report's lines are then the editor's
      part_options.first_line = part.line;
      part_options.first_column = part.column;
      s.batch.push_back(read_report(check_json(part.text, pack, part_options)));
      s.batch_spans.push_back({part.offset, part.length});
    }
    show_batch_element(s, std::min(s.batch_index, static_cast<int>(s.batch.size()) - 1));
  } else {
    s.batch_index = 0;
    s.report = read_report(check_json(s.request_text, pack, options));
  }
  if (s.selected_finding >= static_cast<int>(s.report.findings.size())) s.selected_finding = -1;
  refresh_form(s);
  publish(s);
}

void tick(AppState& s) {
  if (s.check_pending && s.platform->now() - s.last_edit_time >= check_debounce_s) run_check(s);
}

void refuse_file(AppState& s, const std::string& name, double bytes) {
  char size[32];
  std::snprintf(size, sizeof size, "%.1f MB", bytes / (1024.0 * 1024.0));
  set_notice(s, (name.empty() ? std::string("The file") : name) + " is " + size + ", more than the page reads (16 MB); your request was kept.", true);
}

void receive(AppState& s, Incoming kind, std::string name, std::string bytes) {
  if (name.empty()) name = kind == Incoming::paste ? "pasted.json" : "request.json";
  const bool as_pack = kind == Incoming::pack || looks_like_pack(bytes);
  if (as_pack) {
    load_user_pack(s, std::move(bytes), std::move(name));
    return;
  }
  if (kind == Incoming::paste && bytes.empty()) {
    set_notice(s, "Nothing to paste, or the browser refused: press Ctrl+V outside the editor.", true);
    return;
  }
  // an ETSI TS 103 120 (HI-1) message becomes an editable request (the core converts it and
  // returns any other text unchanged), so that what HI-1 cannot carry can be added in the form
  std::string converted = hi1_to_request_json(bytes);
  std::string hi1_source;
  if (!converted.empty() && converted != bytes) {
    hi1_source = bytes;
    set_notice(s, "Imported " + name + " (ETSI HI-1) as a request: add what HI-1 cannot carry, such as offences and target roles.");
    const std::size_t dot = name.find('.');
    name = (dot == std::string::npos ? name : name.substr(0, dot)) + ".request.json";
    bytes = std::move(converted);
  } else {
    set_notice(s, "Loaded " + name + ".");
  }
  s.request_view = RequestView::editor;
  s.request_view_switch = true;
  set_request(s, std::move(bytes), std::move(name), std::move(hi1_source));
}

bool load_user_pack(AppState& s, std::string text, std::string name) {
  s.user_pack_errors.clear();
  json answer = json::parse(rules_json(text), nullptr, false);
  if (!answer.is_object() || answer.contains("error")) {
    std::string headline = answer.is_object() ? str_of(answer, "error", "the pack does not load") : "the pack does not load";
    s.user_pack_errors.push_back(name + ": " + headline);
    if (answer.is_object() && answer.contains("errors") && answer["errors"].is_array()) {
      for (const auto& e : answer["errors"]) {
        std::string where = str_of(e, "pointer");
        s.user_pack_errors.push_back((where.empty() ? std::string("(pack)") : where) + ": " + str_of(e, "message"));
      }
    }
    set_notice(s, "Pack " + name + " was not loaded; see the Rules tab.", true);
    s.right_tab_switch = 1;
    return false;
  }
  s.user_pack_text = std::move(text);
  s.user_pack_name = std::move(name);
  set_notice(s, "Checking against pack " + s.user_pack_name + ".");
  choose_pack(s, PackMode::user, {});
  return true;
}

void choose_pack(AppState& s, PackMode mode, std::string id) {
  if (mode == PackMode::user && s.user_pack_text.empty()) return;
  s.pack_mode = mode;
  s.pack_id = std::move(id);
  run_check(s);
}

void refresh_rules(AppState& s) {
  // the pack whose rules are shown: the user's, the forced one, or the one the last report used
  std::string key;
  std::string pack_text;
  if (s.pack_mode == PackMode::user) {
    key = "user:" + s.user_pack_name + ":" + std::to_string(s.user_pack_text.size());
    pack_text = s.user_pack_text;
  } else {
    std::string id = s.pack_mode == PackMode::bundled ? s.pack_id : s.report.policy_id;
    key = "bundled:" + id;
    if (!id.empty()) pack_text = bundled_pack_text(id);
  }
  if (key == s.rules_key) return;
  s.rules_key = key;
  s.rules.clear();
  s.rules_error.clear();
  s.selected_rule = 0;
  json doc = json::parse(rules_json(pack_text), nullptr, false);
  if (!doc.is_object() || doc.contains("error")) {
    s.rules_error = doc.is_object() ? str_of(doc, "error", "the pack does not load") : "the rules cannot be read";
    return;
  }
  if (auto p = doc.find("pack"); p != doc.end()) {
    s.rules_pack_label = str_of(*p, "id");
    std::string v = str_of(*p, "version");
    if (!v.empty()) s.rules_pack_label += " (version " + v + ")";
  }
  if (auto rs = doc.find("rules"); rs != doc.end() && rs->is_array()) {
    for (const auto& r : *rs) {
      s.rules.push_back({str_of(r, "id"), str_of(r, "title"), str_of(r, "legal_ref"), str_of(r, "family"), str_of(r, "doc")});
    }
  }
}

void select_location(AppState& s, std::string pointer, int line, int column) {
  s.selection.pointer = std::move(pointer);
  s.selection.line = line;
  s.selection.column = column;
  s.selection.serial += 1;
}

bool selection_span(const AppState& s, Span& out) {
  const std::string_view text = s.request_text;
  if (s.selection.line > 0) {  // the core's lines name the whole text's, batch or not
    out.begin = offset_of(text, s.selection.line, s.selection.column);
    out.end = std::min(out.begin + 1, text.size());
    return true;
  }
  // a rule's finding has a pointer only; in a batch it points into the shown element
  std::size_t base = 0;
  std::string_view element = text;
  const auto index = static_cast<std::size_t>(s.batch_index);
  if (!s.batch.empty() && index < s.batch_spans.size() && s.batch_spans[index].first + s.batch_spans[index].second <= text.size()) {
    base = s.batch_spans[index].first;
    element = text.substr(base, s.batch_spans[index].second);
  }
  const TextSpan span = locate_pointer(element, s.selection.pointer);
  if (!span.found) return false;
  out.begin = base + span.begin;
  out.end = base + span.end;
  return true;
}

void save_request(AppState& s) {
  s.platform->download(s.request_name.empty() ? "request.json" : s.request_name, "application/json", s.request_text);
}

void download_report(AppState& s, ReportFormat format) {
  if (s.report.json_text.empty()) return;
  if (format == ReportFormat::json) {
    s.platform->download(download_name(s, ".report.json"), "application/json", s.report.json_text);
  } else {
    s.platform->download(download_name(s, ".report.md"), "text/markdown", report_to_markdown(s.report.json_text));
  }
}

void print_report(AppState& s) {
  if (!s.report.json_text.empty()) s.platform->print(s.report.json_text);
}

}  // namespace reqcheck::app
