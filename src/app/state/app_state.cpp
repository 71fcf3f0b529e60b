// The operations on AppState: loading text, checking through reqcheck_core's typed API (a
// Policy compiled once, check_batch), choosing packs, downloads through the core's renderers.
// Nothing here decides whether a request meets a criterion, parses a report, or draws.
#include "state/app_state.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <optional>
#include <utility>

#include <reqcheck/engine.hpp>
#include <reqcheck/results.hpp>
#include <reqcheck/tally.hpp>

#include "state/embedded.hpp"

namespace reqcheck::app {
namespace {

using ojson = nlohmann::ordered_json;
using ReportJob = AppState::ReportJob;

constexpr std::string_view default_sample = "meets-criteria.json";

const EmbeddedFile* find_sample(std::string_view name) {
  for (std::size_t i = 0; i < samples_count; ++i) {
    if (samples[i].name == name) return &samples[i];
  }
  return nullptr;
}

/// Re-parses the request text for the form view; the text itself is never changed here.
void refresh_form(AppState& s) {
  if (is_batch(s)) {
    s.form_valid = false;
    s.form_error = (s.run.files.size() > 1 ? std::to_string(s.run.files.size()) + " files, a batch of " : std::string("This text is a batch of ")) +
                   std::to_string(s.run.total) + " requests; the form edits one request at a time (open one on its own to use it).";
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

/// The compiled policy the current choice checks against.
const Policy& policy_for_check(const AppState& s) {
  return s.pack_mode == PackMode::user && s.user_policy ? *s.user_policy : Policy::bundled();
}

/// "id (version v)" of a pack of `policy`, or the id alone when the policy does not list it.
std::string pack_label(const Policy& policy, const std::string& id) {
  for (const PackInfo& p : policy.packs()) {
    if (p.id == id) return p.version.empty() ? p.id : p.id + " (version " + p.version + ")";
  }
  return id;
}

}  // namespace

bool looks_like_pack(std::string_view text) {
  return text.substr(0, 512).find("\"reqcheck.pack/") != std::string_view::npos;
}

bool is_batch(const AppState& s) { return s.run.files.size() > 1 || s.run.total > 1; }

bool editor_shows_row(const AppState& s) { return is_batch(s) && (!s.more_files.empty() || s.request_text.size() > editor_max_bytes); }

bool is_located_input(const Finding& f) { return f.rule == "INPUT" && f.line > 0 && f.source.empty(); }

int first_input_error(const report::Report& report) {
  // a failure (the text cannot be read) is what to fix first, wherever the report sorts it
  int located = -1;
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    if (!is_located_input(f)) continue;
    if (f.status == Status::fail) return static_cast<int>(i);
    if (located < 0) located = static_cast<int>(i);
  }
  return located;
}

std::vector<FindingGroup> finding_groups(const report::Report& r) {
  std::vector<FindingGroup> groups(1);
  for (const auto& p : r.policies)
    if (p.kind == "profile") groups.push_back({p.title.empty() ? p.id : p.title, p.id, {}});
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const std::string& profile = r.findings[i].profile;
    auto g = std::find_if(groups.begin(), groups.end(), [&](const FindingGroup& x) { return x.profile == profile; });
    if (g == groups.end()) g = groups.insert(groups.end(), FindingGroup{profile, profile, {}});
    g->findings.push_back(i);
  }
  if (groups.size() > 1) groups.front().heading = "Platform policy: " + (r.policy_title.empty() ? r.policy_id : r.policy_title);
  groups.erase(std::remove_if(groups.begin() + 1, groups.end(), [](const FindingGroup& g) { return g.findings.empty(); }), groups.end());
  if (groups.size() == 1) groups.front().heading.clear();
  return groups;
}

std::string verdict_summary(const AppState& s) {
  const report::Report& r = s.report;
  if (!s.checked) return "not checked yet";
  std::string out(report::verdict_label(r.verdict));
  const auto counts = r.counts();
  const int failed = counts[static_cast<std::size_t>(Status::fail)];
  const int review = counts[static_cast<std::size_t>(Status::review)] + counts[static_cast<std::size_t>(Status::incomplete)];
  out += ": " + std::to_string(failed) + " failed, " + std::to_string(review) + " to review";
  if (r.verdict == Verdict::meets_criteria) out += " (the platform may still decline)";
  std::string profiles;
  for (const auto& p : r.policies)
    if (p.kind == "profile") profiles += (profiles.empty() ? "" : ", ") + p.id;
  if (!profiles.empty()) out += "; framework profiles applied: " + profiles;
  if (const int at = first_input_error(r); at >= 0) {
    const Finding& f = r.findings[static_cast<std::size_t>(at)];
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
  s.platform->announce(s.notice, is_error);
}

bool notice_visible(const AppState& s) { return !s.notice.empty() && s.platform->now() - s.notice_time < notice_seconds; }

void init_app(AppState& s) {
  s.packs.clear();
  for (const PackInfo& p : Policy::bundled().packs()) {
    if (p.kind == "platform") s.packs.push_back(p);
  }
  const EmbeddedFile* start = find_sample(default_sample);
  if (start == nullptr && samples_count > 0) start = &samples[0];
  if (start != nullptr && start->data != nullptr) {
    set_request(s, std::string(start->text()), start->name);
  } else {
    set_request(s, "{\n  \"schema\": \"reqcheck.request/1\"\n}\n", "request.json");
  }
}

bool open_sample(AppState& s, std::string_view name) {
  const EmbeddedFile* sample = find_sample(name);
  if (sample == nullptr) return false;
  if (sample->data == nullptr) {
    s.platform->fetch_file("samples/" + std::string(sample->name), Incoming::request);
    return true;
  }
  receive(s, Incoming::request, sample->name, std::string(sample->text()));
  return true;
}

namespace {

/// Forgets the selected finding's place (the form's outline, the editor's jump).
void clear_selection(AppState& s) {
  s.selection.active = false;
  s.selection.serial += 1;
}

void show_title(AppState& s) { s.platform->set_title((s.modified ? "• reqcheck — " : "reqcheck — ") + s.request_name); }

/// Puts `k` in as the request without touching the undo or redo stacks.
void restore(AppState& s, AppState::Kept k) {
  s.request_text = std::move(k.text);
  s.hi1_source = std::move(k.hi1_source);
  s.request_name = std::move(k.name);
  s.editor_generation += 1;
  s.selected_finding = -1;
  clear_selection(s);
  s.batch_index = -1;  // a new text: a batch opens on its worst request
  s.batch_auto_open = true;
  s.more_files.clear();  // files dropped with another are part of that drop only
  s.report_job = ReportJob{};  // its rows are about to go
  s.untouched_since_replace = true;
  s.modified = k.modified;
  s.platform->set_unsaved(s.modified);
  show_title(s);
  run_check(s);
}

AppState::Kept current(const AppState& s, std::string why) {
  return {s.request_text, s.request_name, s.hi1_source, std::move(why), s.modified};
}

}  // namespace

void set_modified(AppState& s, bool modified) {
  if (s.modified == modified) return;
  s.modified = modified;
  s.platform->set_unsaved(modified);
  show_title(s);
}

void keep_for_undo(AppState& s, std::string why) {
  s.redo_stack.clear();
  s.undo_stack.push_back(current(s, std::move(why)));
  std::size_t bytes = 0;
  for (const auto& k : s.undo_stack) bytes += k.text.size() + k.hi1_source.size();
  std::size_t drop = 0;
  while (s.undo_stack.size() - drop > 1 &&
         (s.undo_stack.size() - drop > kept_max_texts || bytes > s.undo_max_bytes)) {
    bytes -= s.undo_stack[drop].text.size() + s.undo_stack[drop].hi1_source.size();
    ++drop;
  }
  s.undo_stack.erase(s.undo_stack.begin(), s.undo_stack.begin() + static_cast<std::ptrdiff_t>(drop));
}

void set_request(AppState& s, std::string text, std::string name, std::string hi1_source) {
  const bool had_edits = s.modified;
  const std::string old_name = s.request_name;
  const bool replacing = !s.request_text.empty() && (s.request_text != text || s.hi1_source != hi1_source);
  if (replacing) keep_for_undo(s, "opened " + name);
  restore(s, {std::move(text), std::move(name), std::move(hi1_source), {}, false});
  if (replacing && had_edits)
    set_notice(s, "Opened " + s.request_name + ". Your edits to " + old_name + " were not saved: Ctrl+Z (Edit > Undo) brings them back.");
}

namespace {

/// Brings back the last text of `from` and keeps the current one on `to`; returns what was
/// done to it ("opened x.json") and the name brought back, or nullopt when `from` is empty.
std::optional<std::pair<std::string, std::string>> swap_in(AppState& s, std::vector<AppState::Kept>& from, std::vector<AppState::Kept>& to) {
  if (from.empty()) return std::nullopt;
  AppState::Kept back = std::move(from.back());
  from.pop_back();
  std::pair<std::string, std::string> done{back.why, back.name};
  to.push_back(current(s, back.why));
  restore(s, std::move(back));
  return done;
}

}  // namespace

bool undo_replace(AppState& s) {
  const auto done = swap_in(s, s.undo_stack, s.redo_stack);
  if (done) set_notice(s, "Undone (" + done->first + "): " + done->second + " is back. Ctrl+Shift+Z redoes.");
  return done.has_value();
}

bool redo_replace(AppState& s) {
  const auto done = swap_in(s, s.redo_stack, s.undo_stack);
  if (done) set_notice(s, "Redone (" + done->first + ").");
  return done.has_value();
}

void note_edit(AppState& s) {
  s.check_pending = true;
  s.last_edit_time = s.platform->now();
  s.untouched_since_replace = false;
  set_modified(s, true);
}

void apply_form(AppState& s) {
  if (!s.form_valid) return;
  std::string text = s.form_doc.dump(2, ' ', false, nlohmann::detail::error_handler_t::replace) + "\n";
  if (text == s.request_text) return;
  s.request_text = std::move(text);
  s.editor_generation += 1;
  s.check_pending = true;
  s.last_edit_time = s.platform->now();
  s.untouched_since_replace = false;
  set_modified(s, true);
}

namespace {

/// Failed and to-review (review or incomplete) findings of a report.
std::pair<int, int> failed_and_review(const report::Report& r) {
  const auto c = r.counts();
  return {c[static_cast<std::size_t>(Status::fail)],
          c[static_cast<std::size_t>(Status::review)] + c[static_cast<std::size_t>(Status::incomplete)]};
}

/// The options of every check of the current text: the checking time, the forced pack, the
/// HI-1 source, the file's name (a batch run sets each file's).
CheckOptions check_options(const AppState& s) {
  CheckOptions options;
  options.now = s.checking_time;
  if (s.pack_mode == PackMode::bundled) options.pack_id = s.pack_id;
  options.hi1_source = s.hi1_source;  // findings keep naming the imported message's elements
  options.file = s.request_name;  // a downloaded or printed report names the file it checked
  return options;
}

const char* run_state_word(RunState st) {
  switch (st) {
    case RunState::idle: return "idle";
    case RunState::running: return "running";
    case RunState::done: return "done";
    case RunState::cancelled: return "cancelled";
  }
  return "idle";
}

void publish_progress(AppState& s) {
  s.platform->publish_batch(is_batch(s) ? run_state_word(s.run.state) : "idle", s.run.rows.size(), s.run.total, run_rate(s.run),
                            is_batch(s) ? run_summary(s.run) : std::string());
}

void publish(AppState& s) {
  s.platform->publish_report(report::to_json(s.report));
  publish_progress(s);
  if (!is_batch(s)) {
    const auto [failed, review] = failed_and_review(s.report);
    s.platform->publish_verdict(report::to_string(s.report.verdict), verdict_summary(s), failed, review, s.report.policy_id);
    return;
  }
  if (s.run.state == RunState::running) return;  // the verdict of a batch is known at its end
  int failed = 0, review = 0;
  for (const BatchRow& r : s.run.rows) {
    failed += r.row.failed;
    review += r.row.review + r.row.incomplete;
  }
  BatchResult counts;
  counts.counts = s.run.counts;
  std::string summary = std::string(report::verdict_label(s.run.worst)) + ": batch of " + batch_summary(counts) + "; " +
                        std::to_string(failed) + " failed, " + std::to_string(review) + " to review";
  if (s.run.files.size() > 1) summary += "; " + std::to_string(s.run.files.size()) + " files";
  if (s.run.state == RunState::cancelled) summary += "; cancelled after " + std::to_string(s.run.rows.size()) + " of " + std::to_string(s.run.total);
  s.platform->publish_verdict(report::to_string(s.run.worst), summary, failed, review, s.report.policy_id);
}

}  // namespace

namespace {

bool editor_row_in_text(const AppState& s, const BatchRow& row, const BatchPart& part) {
  return !editor_shows_row(s) && row.file == 0 && part.length > 0 && part.length < s.request_text.size();
}

}  // namespace

void show_batch_element(AppState& s, int index, bool by_user) {
  if (index < 0 || index >= static_cast<int>(s.run.rows.size())) return;
  if (by_user) s.batch_auto_open = false;
  s.batch_index = index;
  BatchItem item = rebuild(s.run, policy_for_check(s), check_options(s), static_cast<std::size_t>(index));
  s.report = std::move(item.report);
  s.selected_finding = -1;
  clear_selection(s);
  const BatchRow& row = s.run.rows[static_cast<std::size_t>(index)];
  if (editor_row_in_text(s, row, item.part)) {  // the editor shows the request where it is in the text
    s.selection.pointer.clear();
    s.selection.offset = item.part.offset;
    s.selection.end = item.part.offset + item.part.length;
    s.selection.line = item.part.line;
    s.selection.column = item.part.column;
    s.selection.serial += 1;
    s.selection.active = true;
  }
  s.row_text = std::move(item.part.text);
  s.row_base = item.part.offset;
  s.row_serial += 1;
  s.platform->publish_report(report::to_json(s.report));
}

namespace {

/// The run stopped (done or cancelled): opens the row to show and tells the page.
void finish_batch(AppState& s) {
  if (s.run.rows.empty()) {
    s.report = report::Report{};
    publish(s);
    return;
  }
  int index = std::clamp(s.batch_index, 0, static_cast<int>(s.run.rows.size()) - 1);
  if (s.batch_auto_open) {  // a batch just checked: show its first request with the worst verdict
    index = 0;
    while (index + 1 < static_cast<int>(s.run.rows.size()) && s.run.rows[static_cast<std::size_t>(index)].row.verdict != s.run.worst) ++index;
  }
  show_batch_element(s, index, false);
  if (s.selected_finding >= static_cast<int>(s.report.findings.size())) s.selected_finding = -1;
  publish(s);
}

}  // namespace

void step_batch(AppState& s) {
  if (s.run.state != RunState::running || s.check_pending) return;
  CheckOptions options = check_options(s);
  options.input_digest = false;  // a row needs no digest; a report rebuilt for display has one
  const Policy& policy = policy_for_check(s);
  const double start = s.platform->now();
  const bool first = s.run.rows.empty();
  std::size_t n = 0;
  do {
    const std::size_t chunk = std::min<std::size_t>(8, s.batch_items_per_tick_max - n);
    n += advance_run(s.run, policy, options, chunk, s.platform->now());
  } while (s.run.state == RunState::running && n < s.batch_items_per_tick_max && s.platform->now() - start < s.batch_budget_s);
  const double spent = s.platform->now() - start;
  s.run.checking_s += spent;
  s.run.longest_slice_s = std::max(s.run.longest_slice_s, spent);
  if (s.run.state != RunState::running) {
    finish_batch(s);
    return;
  }
  // while the rest is checked, the report shows a request already checked
  if (first && s.batch_index < 0 && !s.run.rows.empty()) show_batch_element(s, 0, false);
  publish_progress(s);
}

bool batch_running(const AppState& s) { return s.run.state == RunState::running && !s.check_pending; }

void cancel_batch(AppState& s) {
  if (s.run.state != RunState::running) return;
  cancel_run(s.run, s.platform->now());
  finish_batch(s);
  set_notice(s, "Batch cancelled after " + std::to_string(s.run.rows.size()) + " of " + std::to_string(s.run.total) +
                    " requests; the table, tallies and exports hold those checked.");
}

void run_check(AppState& s) {
  s.check_pending = false;
  s.report_job = ReportJob{};  // the rows it reads are checked again
  std::vector<std::pair<std::string, const std::string*>> files{{s.request_name, &s.request_text}};
  for (const auto& f : s.more_files) files.emplace_back(f.name, &f.text);
  plan_run(s.run, files, s.platform->now());
  s.checked = true;
  if (!is_batch(s)) {  // one request: checked now, its report shown
    s.batch_index = 0;
    const BatchPlan& plan = s.run.files.front().plan;
    s.report = plan.size() == 0 ? report::Report{} : plan.check(policy_for_check(s), s.request_text, check_options(s), 0).report;
    s.run.state = RunState::done;
    s.row_text.clear();
    if (s.selected_finding >= static_cast<int>(s.report.findings.size())) s.selected_finding = -1;
    refresh_form(s);
    publish(s);
    return;
  }
  refresh_form(s);
  step_batch(s);  // a small batch is done here; a large one goes on in `tick`
}

void tick(AppState& s) {
  if (s.check_pending && s.platform->now() - s.last_edit_time >= check_debounce_s) run_check(s);
  else if (batch_running(s)) step_batch(s);
  else step_report_job(s);
}

double next_frame_due(const AppState& s) {
  double due = std::numeric_limits<double>::infinity();
  if (batch_running(s) || report_job_running(s)) return s.platform->now();  // a batch or a job keeps frames coming
  if (s.check_pending) due = std::min(due, s.last_edit_time + check_debounce_s);
  if (notice_visible(s)) due = std::min(due, s.notice_time + notice_seconds);
  return due;
}

void refuse_file(AppState& s, const std::string& name, double bytes) {
  char size[32];
  std::snprintf(size, sizeof size, "%.1f MB", bytes / (1024.0 * 1024.0));
  char limit[32];
  std::snprintf(limit, sizeof limit, "%.0f MB", max_file_bytes / (1024.0 * 1024.0));
  if (bytes <= max_file_bytes) {  // within the limit, but the page's memory could not hold it
    set_notice(s, (name.empty() ? std::string("The file") : name) + " (" + size +
                      ") could not be read: the page has no room for it (close other big files or reload); your request was kept. "
                      "The command line reads batches of up to 1 GiB.",
               true);
    return;
  }
  set_notice(s, (name.empty() ? std::string("The file") : name) + " is " + size + ", more than the page reads (" + limit +
                    "); your request was kept. The command line reads batches of up to 1 GiB: reqcheck check FILE --format results-csv.",
             true);
}

const std::string* rule_page(AppState& s, const RuleInfo& r) {
  if (!r.doc.empty()) return &r.doc;
  const auto it = s.rule_pages.find(r.id);
  if (it == s.rule_pages.end()) {
    s.rule_pages.emplace(r.id, AppState::RulePage{});
    s.platform->fetch_file("rules/" + r.id + ".md", Incoming::rule_page);
    return nullptr;
  }
  return it->second.arrived ? &it->second.text : nullptr;
}

std::string_view intake_prefix(std::string_view bytes) {
  if (bytes.size() <= hi1_max_bytes) return bytes;
  // cut after the last ASCII byte of the first 64 KiB, so that no UTF-8 sequence is cut in two
  std::size_t end = 64 * 1024;
  while (end > 0 && static_cast<unsigned char>(bytes[end - 1]) >= 0x80) --end;
  return bytes.substr(0, end);
}

void receive(AppState& s, Incoming kind, std::string name, std::string bytes) {
  if (kind == Incoming::rule_page) {
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".md") == 0) name.resize(name.size() - 3);
    s.rule_pages[name] = {true, std::move(bytes)};
    return;
  }
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
  if (const std::string why = not_request_text(intake_prefix(bytes)); !why.empty()) {
    set_notice(s, name + " was not opened: " + why + ". Your request was kept.", true);
    return;
  }
  // an ETSI TS 103 120 (HI-1) message becomes an editable request (the core converts it and
  // returns any other text unchanged), so that what HI-1 cannot carry can be added in the form
  // (an HI-1 message is at most one request's 4 MiB: a larger text is not copied to find out)
  std::string converted = bytes.size() <= hi1_max_bytes ? hi1_to_request_json(bytes) : std::string();
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
  Policy policy = Policy::with_pack(text);  // compiled once here, not on every check
  if (!policy.ok()) {
    s.user_pack_errors.push_back(name + ": the pack does not load");
    for (const Finding& e : policy.errors()) {
      std::string where = e.pointer.empty() ? std::string("(pack)") : e.pointer;
      if (e.line > 0) where += " (line " + std::to_string(e.line) + ", column " + std::to_string(e.column) + ")";
      s.user_pack_errors.push_back(where + ": " + e.message);
    }
    set_notice(s, "Pack " + name + " was not loaded; see the Rules tab.", true);
    s.right_tab_switch = 1;
    return false;
  }
  s.user_policy = std::move(policy);
  s.user_pack_name = std::move(name);
  s.user_pack_generation += 1;
  set_notice(s, "Checking against pack " + s.user_pack_name + ".");
  choose_pack(s, PackMode::user, {});
  return true;
}

void choose_pack(AppState& s, PackMode mode, std::string id) {
  if (mode == PackMode::user && !s.user_policy) return;
  s.pack_mode = mode;
  s.pack_id = std::move(id);
  run_check(s);
}

void refresh_rules(AppState& s) {
  // the pack whose rules are shown: the user's, the forced one, or the one the last report used
  const bool user = s.pack_mode == PackMode::user && s.user_policy;
  const Policy& policy = user ? *s.user_policy : Policy::bundled();
  std::string id = user ? policy.user_pack_id() : s.pack_mode == PackMode::bundled ? s.pack_id : s.report.policy_id;
  const std::string key = (user ? "user:" + std::to_string(s.user_pack_generation) + ":" : std::string("bundled:")) + id;
  if (key == s.rules_key) return;
  s.rules_key = key;
  s.rules.clear();
  s.rules_error.clear();
  s.rules_pack_label.clear();
  s.selected_rule = 0;
  if (id.empty()) {
    s.rules_error = "no pack applies to this request (see the report)";
    return;
  }
  std::optional<std::vector<RuleInfo>> rules = policy.rules(id);
  if (!rules) {
    s.rules_error = "no pack has the id `" + id + "`";
    return;
  }
  s.rules = std::move(*rules);
  s.rules_pack_label = pack_label(policy, id);
}

void select_finding(AppState& s, const Finding& f) {
  Selection& sel = s.selection;
  sel.pointer = f.pointer;
  sel.offset = sel.end = 0;
  sel.line = sel.column = 0;
  if (f.source.empty()) {  // an HI-1 finding's place is in the message, not in the editor's text
    if (f.end > f.offset) {
      sel.offset = f.offset;
      sel.end = f.end;
    }
    sel.line = f.line;
    sel.column = f.column;
  }
  sel.serial += 1;
  sel.active = true;
}

std::vector<std::string> language_choices(const AppState& s) {
  if (!s.checked || s.report.policy_id.empty()) return {};
  std::string instrument;
  if (s.form_valid) {
    const auto it = s.form_doc.find("instrument");
    if (it != s.form_doc.end() && it->is_object()) {
      const auto type = it->find("type");
      if (type != it->end() && type->is_string()) instrument = type->get<std::string>();
    }
  }
  return policy_for_check(s).accepted_languages(s.report.policy_id, instrument);
}

std::size_t offset_of(std::string_view text, int line, int column) {
  std::size_t i = 0;
  for (int l = 1; l < line && i < text.size(); ++i) {
    if (text[i] == '\n') ++l;
  }
  for (int c = 1; c < column && i < text.size() && text[i] != '\n'; ++c) ++i;
  return i;
}

bool selection_span(const AppState& s, Span& out) {
  const Selection& sel = s.selection;
  if (!sel.active) return false;
  const std::size_t size = s.request_text.size();
  if (sel.end > sel.offset && sel.end <= size) {
    out.begin = sel.offset;
    out.end = sel.end;
    return true;
  }
  if (sel.line > 0) {  // a place without a value's range (a syntax error): one byte
    out.begin = offset_of(s.request_text, sel.line, sel.column);
    out.end = std::min(out.begin + 1, size);
    return true;
  }
  return false;
}

void save_request(AppState& s) {
  s.platform->download(s.request_name.empty() ? "request.json" : s.request_name, "application/json", s.request_text);
  set_modified(s, false);
}

namespace {

std::string batch_heading(const AppState& s) {
  std::string names;
  for (const BatchFile& f : s.run.files) names += (names.empty() ? "" : ", ") + f.name;
  return names + ": " + run_summary(s.run);
}

/// Starts a whole-batch download or print: every row's report rebuilt, a slice at a time
/// (`step_report_job`), the first slice now.
void start_report_job(AppState& s, ReportJob::Kind kind) {
  ReportJob& job = s.report_job;
  job = ReportJob{};
  job.kind = kind;
  job.count = kind == ReportJob::Kind::print ? std::min(s.run.rows.size(), print_max_reports) : s.run.rows.size();
  switch (kind) {
    case ReportJob::Kind::reports_markdown: job.out = "# reqcheck batch: " + batch_heading(s) + "\n"; break;
    case ReportJob::Kind::print: {
      nlohmann::json summary = {{"summary", batch_heading(s)},
                                {"worst", report::to_string(s.run.worst)},
                                {"requests", s.run.rows.size()},
                                {"printed", job.count},
                                {"total", s.run.total},
                                {"state", run_state_word(s.run.state)}};
      job.out = "{\"batch\": " + summary.dump() + ", \"reports\": [";
      break;
    }
    default: break;
  }
  step_report_job(s);
}

/// Adds row `i`'s report to the job's output.
void add_to_job(AppState& s, std::size_t i, const report::Report& r) {
  ReportJob& job = s.report_job;
  switch (job.kind) {
    case ReportJob::Kind::reports_json: job.out += (i == 0 ? "[\n  " : ",\n  ") + report::to_json_element(r); break;
    case ReportJob::Kind::reports_markdown:
      job.out += "\n<!-- " + std::to_string(i + 1) + " of " + std::to_string(job.count) + " -->\n" + report::to_markdown(r);
      break;
    case ReportJob::Kind::reports_ndjson: job.out += report::to_json_line(r) + "\n"; break;
    case ReportJob::Kind::print: job.out += (i == 0 ? "\n" : ",\n") + report::to_json_line(r); break;
    case ReportJob::Kind::none: break;
  }
}

/// Hands the finished job to the platform.
void finish_report_job(AppState& s) {
  ReportJob job = std::move(s.report_job);
  s.report_job = ReportJob{};
  switch (job.kind) {
    case ReportJob::Kind::reports_json:
      s.platform->download(download_name(s, ".reports.json"), "application/json", job.out + (job.count ? "\n]\n" : "[]\n"));
      break;
    case ReportJob::Kind::reports_markdown: s.platform->download(download_name(s, ".reports.md"), "text/markdown", job.out); break;
    case ReportJob::Kind::reports_ndjson: s.platform->download(download_name(s, ".reports.ndjson"), "application/x-ndjson", job.out); break;
    case ReportJob::Kind::print: s.platform->print(job.out + "]}"); break;
    case ReportJob::Kind::none: break;
  }
}

}  // namespace

bool report_job_running(const AppState& s) { return s.report_job.kind != ReportJob::Kind::none; }

void step_report_job(AppState& s) {
  ReportJob& job = s.report_job;
  if (job.kind == ReportJob::Kind::none) return;
  const Policy& policy = policy_for_check(s);
  const CheckOptions options = check_options(s);
  const double start = s.platform->now();
  std::size_t n = 0;
  while (job.next < job.count && job.next < s.run.rows.size() && n < s.batch_items_per_tick_max) {
    add_to_job(s, job.next, rebuild(s.run, policy, options, job.next).report);
    ++job.next;
    ++n;
    if (s.platform->now() - start >= s.batch_budget_s) break;
  }
  if (job.next >= job.count || job.next >= s.run.rows.size()) finish_report_job(s);
}

void cancel_report_job(AppState& s) { s.report_job = ReportJob{}; }

void download_report(AppState& s, ReportFormat format, bool whole_batch) {
  if (!s.checked) return;
  if (whole_batch && is_batch(s) && !s.run.rows.empty()) {  // the whole batch, never the one request on screen
    start_report_job(s, format == ReportFormat::json ? ReportJob::Kind::reports_json : ReportJob::Kind::reports_markdown);
    return;
  }
  // one request of a batch is named by its line: q4.ndjson.line-12.report.json
  const std::string line = is_batch(s) && s.report.request.line > 0 ? ".line-" + std::to_string(s.report.request.line) : std::string();
  if (format == ReportFormat::json) {
    s.platform->download(download_name(s, line + ".report.json"), "application/json", report::to_json(s.report));
  } else {
    s.platform->download(download_name(s, line + ".report.md"), "text/markdown", report::to_markdown(s.report));
  }
}

void print_report(AppState& s) {
  if (!s.checked) return;
  if (!is_batch(s) || s.run.rows.empty()) {
    s.platform->print(report::to_json(s.report));  // the page builds its print view from the JSON
    return;
  }
  start_report_job(s, ReportJob::Kind::print);
}

void download_batch(AppState& s, BatchExport what) {
  if (s.run.rows.empty()) return;
  switch (what) {
    case BatchExport::results_csv: s.platform->download(download_name(s, ".results.csv"), "text/csv", results_csv(s.run)); break;
    case BatchExport::results_json: s.platform->download(download_name(s, ".results.json"), "application/json", results_json(s.run)); break;
    case BatchExport::tally_csv: s.platform->download(download_name(s, ".tally.csv"), "text/csv", to_csv(s.run.tally)); break;
    case BatchExport::tally_json: s.platform->download(download_name(s, ".tally.json"), "application/json", to_json(s.run.tally) + "\n"); break;
    case BatchExport::reports_ndjson: start_report_job(s, ReportJob::Kind::reports_ndjson); break;
  }
}

void receive_files(AppState& s, Incoming kind, std::vector<std::pair<std::string, std::string>> files) {
  if (files.size() == 1) {
    receive(s, kind, std::move(files[0].first), std::move(files[0].second));
    return;
  }
  std::vector<std::pair<std::string, std::string>> requests;
  std::string left_out;
  for (auto& [name, bytes] : files) {
    std::string why = not_request_text(intake_prefix(bytes));
    if (why.empty() && looks_like_pack(bytes)) why = "a pack (open packs one at a time)";
    if (!why.empty()) {
      left_out += (left_out.empty() ? "" : "; ") + name + ": " + why;
      continue;
    }
    requests.emplace_back(std::move(name), std::move(bytes));
  }
  if (requests.empty()) {
    set_notice(s, "None of the files was opened (" + left_out + "). Your request was kept.", true);
    return;
  }
  if (requests.size() == 1) {
    receive(s, kind, std::move(requests[0].first), std::move(requests[0].second));
  } else {
    const std::size_t n = requests.size();
    std::string first_name = std::move(requests[0].first);
    std::string first_text = std::move(requests[0].second);
    s.request_view = RequestView::editor;
    s.request_view_switch = true;
    set_request(s, std::move(first_text), std::move(first_name));
    for (std::size_t i = 1; i < n; ++i) s.more_files.push_back({std::move(requests[i].first), std::move(requests[i].second)});
    run_check(s);  // the files together: one run, each file a batch
    set_notice(s, "Opened " + std::to_string(n) + " files as one batch; the editor shows the request of the row opened.");
  }
  if (!left_out.empty()) set_notice(s, "Left out: " + left_out + ".", true);
}

}  // namespace reqcheck::app
