// AppState: everything the app shows and edits apart from drawing resources, and the
// operations that change it (load a request, re-check, pick a pack, download). Built without
// ImGui or Emscripten (library reqcheck_app_state); the host is reached through Platform.
// It keeps the typed reports of reqcheck_core; it never judges a request nor parses a report.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <reqcheck/engine.hpp>
#include <reqcheck/policy.hpp>
#include <reqcheck/report.hpp>

#include "platform.hpp"
#include "state/batch_run.hpp"

namespace reqcheck::app {

/// The core's typed report values, under the names the panels use.
using Status = report::Status;
using Verdict = report::Verdict;
using Finding = report::Finding;
using Deadline = report::Deadline;

/// Which pack the checks use.
enum class PackMode {
  automatic,  ///< the bundled pack for the request's service in force at `received_at`
  bundled,    ///< a bundled pack forced by id (`pack_id`)
  user,       ///< a pack file the user loaded (`user_policy`)
};

/// What a finding click asks the editor and form to show: the finding's JSON Pointer (the form)
/// and its place in `request_text` (the editor): the value's byte range when the core gave one,
/// else a line and column.
struct Selection {
  std::string pointer;        ///< RFC 6901 pointer into the request (of the batch element shown)
  std::size_t offset = 0, end = 0;  ///< byte range `[offset, end)` in `request_text`; `end` 0: none
  int line = 0, column = 0;   ///< 1-based place in `request_text` (column in bytes); 0: none
  std::uint32_t serial = 0;  ///< bumped on every new selection so that panels react once
  /// A finding is selected. Cleared (with `serial` bumped) when the text is replaced or another
  /// batch element is shown, so that a selection never carries over to a request it was not made in.
  bool active = false;
};

/// The left-hand views of the request.
enum class RequestView { editor, form };

/// Bounds of the undo history of replaced texts: at most this many texts, and at most this
/// many bytes in all (the newest is always kept, whatever its size).
inline constexpr std::size_t kept_max_texts = 32;
inline constexpr std::size_t kept_max_bytes = 64u * 1024 * 1024;

/// All state of the app but its drawing resources (those are in the app's `AppUi`, which
/// extends this). Not copyable: it is the one state of one running app.
struct AppState {
  /// Binds the state to its host; `platform` must outlive the state.
  explicit AppState(Platform& host) : platform(&host) {}
  AppState(const AppState&) = delete;
  AppState& operator=(const AppState&) = delete;

  Platform* platform;  ///< the host (clock, downloads, title ...); never null

  // --- the request -----------------------------------------------------------------------
  std::string request_text;           ///< the editor's text, never discarded on errors
  std::string request_name;           ///< file name shown in the title and used on save
  std::string hi1_source;             ///< the HI-1 message the request was imported from (empty: none)
  std::uint32_t editor_generation = 0;  ///< bumped when the text is replaced from outside the editor
  bool check_pending = false;         ///< the text changed since the last check
  double last_edit_time = 0.0;        ///< seconds (platform clock) of the last edit, for the debounce
  /// The text was edited (in the editor or the form) since it was loaded or saved: the title
  /// carries a marker and the browser asks before the page is left.
  bool modified = false;
  /// A request text that was replaced (by a file, a sample, a paste, a form Remove) or undone,
  /// kept so that it can be brought back: `name` and `hi1_source` as they were, `modified` its
  /// unsaved state, `why` what replaced it ("opened x.json", "removed target 2").
  struct Kept {
    std::string text, name, hi1_source, why;
    bool modified = false;
  };
  std::vector<Kept> undo_stack;  ///< Ctrl+Z brings back the last; oldest first, bounded (kept_max_*)
  std::size_t undo_max_bytes = kept_max_bytes;  ///< the bytes bound of `undo_stack` (tests lower it)
  std::vector<Kept> redo_stack;  ///< Ctrl+Shift+Z (or Ctrl+Y) brings back what Ctrl+Z replaced
  /// No keystroke reached the editor since the text was last replaced from outside: Ctrl+Z in
  /// the editor then means "undo the replacement" (the editor's own undo history is empty).
  bool untouched_since_replace = true;

  // --- the form view: the same request parsed, kept in key order ----------------------------
  nlohmann::ordered_json form_doc;  ///< the request parsed (keys in text order), valid when `form_valid`
  bool form_valid = false;      ///< `form_doc` holds the current text as a JSON object
  std::string form_error;       ///< why the form cannot show the text (parse error, not an object)

  // --- the report --------------------------------------------------------------------------
  bool checked = false;              ///< a check has run (`report` is then a real report)
  report::Report report;             ///< the report shown: the request's, or the chosen batch element's
  /// The last check as a batch run: each file's requests (`request_text` under `request_name`,
  /// then `more_files`), a results row per request and the tally, checked in slices by `tick`
  /// within `batch_budget_s` a frame. A batch when it has more than one item or file
  /// (`is_batch`); one request is checked at once and has one row.
  BatchRun run;
  /// Files opened or dropped together with the first (`receive_files`): each a batch of the run
  /// after `request_text`. Dropped when another text replaces the request.
  struct MoreFile {
    std::string name, text;
  };
  std::vector<MoreFile> more_files;
  int batch_index = 0;               ///< the row of `run.rows` whose report is shown (-1 before the first row of a new text)
  /// No row was opened by the user since the batch was loaded: when the run stops, the first
  /// request with the worst verdict is opened (a green first one would hide the failures).
  bool batch_auto_open = true;
  /// The request text of the row shown (`batch_index`), for the editor when it shows one
  /// request of a big batch (`editor_shows_row`); `row_base`: its byte offset in its file.
  std::string row_text;
  std::size_t row_base = 0;
  std::uint32_t row_serial = 0;  ///< bumped whenever another row is opened (the editor re-reads `row_text`)
  /// A whole-batch download or print under way: every row's report rebuilt, a slice per `tick`
  /// (`kind` none: no job), its text built up in `out`; handed to the platform at the end.
  struct ReportJob {
    enum class Kind { none, reports_json, reports_markdown, reports_ndjson, print } kind = Kind::none;
    std::size_t next = 0;   ///< the next row to rebuild
    std::size_t count = 0;  ///< rows the job covers
    std::string out;
  } report_job;
  double batch_budget_s = 0.012;  ///< seconds of checking per `tick` while a batch runs (a frame's share)
  std::size_t batch_items_per_tick_max = static_cast<std::size_t>(-1);  ///< at most this many items per `tick` (tests lower it)
  bool show_status[report::kStatusCount] = {true, true, true, true, true};  ///< report filter, indexed by `Status`
  int selected_finding = -1;         ///< index in `report.findings` of the finding clicked, -1: none
  Selection selection;               ///< what the editor and the form are asked to show

  // --- packs and rules ---------------------------------------------------------------------
  std::vector<PackInfo> packs;  ///< the bundled platform packs, newest first (profiles apply by themselves)
  PackMode pack_mode = PackMode::automatic;  ///< how the pack of a check is chosen
  std::string pack_id;          ///< for `PackMode::bundled`
  /// For `PackMode::user`: the bundled packs plus the user's pack file, compiled once on load.
  std::optional<Policy> user_policy;
  std::string user_pack_name;  ///< the loaded pack file's name (menus, notices)
  std::uint32_t user_pack_generation = 0;  ///< bumped on every pack file loaded (refreshes the rules)
  std::vector<std::string> user_pack_errors;  ///< why the last loaded pack file was refused
  /// The checking time passed to the core (RFC 3339, e.g. `2026-11-30T12:00:00Z`); empty: the
  /// system clock, as in the page. Tests fix it so that verdicts do not age.
  std::string checking_time;
  std::string rules_key;        ///< which pack `rules` were read from (to refresh on change)
  std::vector<RuleInfo> rules;  ///< the rules of that pack, in the pack's order
  std::string rules_pack_label;  ///< "id (version v)" of the pack the rules come from
  std::string rules_error;       ///< why no rules can be shown (no pack applied, unknown id); empty: none
  int selected_rule = 0;         ///< index in `rules` shown in the rules browser
  /// Rule pages fetched through the platform, by rule id, for a core built without them (the
  /// page's): `arrived` false while asked for; an empty text that arrived: the page has none.
  struct RulePage {
    bool arrived = false;
    std::string text;
  };
  std::map<std::string, RulePage, std::less<>> rule_pages;

  // --- layout and feedback -----------------------------------------------------------------
  RequestView request_view = RequestView::editor;  ///< the request view in front
  bool request_view_switch = false;  ///< select `request_view`'s tab on the next frame
  int right_tab_switch = -1;         ///< 0 report, 1 rules, 2 tallies (a batch): select that tab on the next frame
  std::string notice;                ///< short message in the status bar
  bool notice_is_error = false;      ///< the notice reports a failure (drawn in the fail colour)
  double notice_time = 0.0;          ///< `Platform::now()` when the notice was set, seconds
};

/// Seconds to wait after the last keystroke before re-checking.
inline constexpr double check_debounce_s = 0.25;


/// Seconds a notice stays in the status bar.
inline constexpr double notice_seconds = 6.0;

/// Fills the pack list and loads the default sample (`meets-criteria.json`, else the first),
/// then checks it.
void init_app(AppState& s);

/// The Markdown page of rule `r`: the core's (`r.doc`), else one fetched through the platform,
/// asked for on the first call; null while it is on its way.
const std::string* rule_page(AppState& s, const RuleInfo& r);

/// Loads the embedded sample `name` (a file name of assets/samples/) as `receive` would load a
/// request file: JSON as is, an HI-1 message imported; a sample only listed is fetched through
/// the platform and loaded when it arrives. Returns false (state untouched) when no sample has
/// that name.
bool open_sample(AppState& s, std::string_view name);

/// True when `text` says near its start (first 512 bytes) that it is a policy pack
/// (`"reqcheck.pack/`), even a broken one, so that a drop or paste goes to the pack loader.
bool looks_like_pack(std::string_view text);

/// Largest file the page reads, in bytes (a batch of many requests; one request may have 4 MiB).
/// Larger files are refused before they reach the wasm heap.
inline constexpr double max_file_bytes = 256.0 * 1024 * 1024;

/// Largest text the JSON editor is handed as a whole (1 MiB): a bigger batch, or a batch of
/// several files, shows in the editor only the request of the row opened, read-only
/// (`editor_shows_row`), since ImGui's multiline field re-lays out its whole text every frame.
inline constexpr std::size_t editor_max_bytes = 1024 * 1024;

/// True when the editor shows the opened row's request instead of `request_text`: a batch of
/// several files, or one larger than `editor_max_bytes`.
bool editor_shows_row(const AppState& s);

/// Says in the status bar that a file of `bytes` bytes was not read; the request is kept.
void refuse_file(AppState& s, const std::string& name, double bytes);

/// Replaces the request text (a file, a sample, a paste) and checks it at once. `hi1_source`:
/// the ETSI HI-1 message the text was converted from, kept so that findings name its elements.
/// The text replaced, if any and different, goes onto the undo stack (`keep_for_undo`), and
/// the status bar says how to bring it back when it had unsaved edits.
void set_request(AppState& s, std::string text, std::string name, std::string hi1_source = {});

/// Pushes the current request onto the undo stack before something replaces it; `why` says
/// what ("opened x.json"). Clears the redo stack. Drops the oldest entries beyond
/// `kept_max_texts` and `s.undo_max_bytes` (`kept_max_bytes` unless a test lowers it).
void keep_for_undo(AppState& s, std::string why);

/// Brings back the last text on the undo stack (the current one goes onto the redo stack) and
/// re-checks. Returns false, changing nothing, when the stack is empty.
bool undo_replace(AppState& s);

/// The reverse of `undo_replace`. Returns false when there is nothing to redo.
bool redo_replace(AppState& s);

/// Sets `modified` and mirrors it into the page: the title's marker ("• reqcheck — name") and
/// the browser's leave-page prompt.
void set_modified(AppState& s, bool modified);

/// Notes an edit made in the editor; the check runs `check_debounce_s` later.
void note_edit(AppState& s);

/// Replaces the text with the form's document (pretty-printed) and schedules a check.
void apply_form(AppState& s);

/// Runs the check now with the current pack choice over the compiled policy: plans the run over
/// the request text and `more_files` (`plan_run`); one request is checked at once and its
/// report shown; a batch (JSON array, NDJSON, a multi-authorisation HI-1 message, or several
/// files, as `BatchPlan` sees them) gets its first slice now and the rest from `tick`.
/// Refreshes the report, the form and the page's verdict and batch mirror.
void run_check(AppState& s);

/// Checks the next slice of a running batch: items until `batch_budget_s` of the platform clock
/// has passed (at least one, at most `batch_items_per_tick_max`); when the run ends, opens the
/// row to show and publishes the verdict. Nothing while no batch runs or an edit is pending.
void step_batch(AppState& s);

/// True while a batch is being checked (slices still to come from `tick`): not while an edit
/// waits for its re-check.
bool batch_running(const AppState& s);

/// True while a whole-batch download or print is being built (`report_job`).
bool report_job_running(const AppState& s);

/// Rebuilds the next slice of reports of the job under way (within `batch_budget_s`, at most
/// `batch_items_per_tick_max`); at its end offers the download or prints. Nothing without a job.
void step_report_job(AppState& s);

/// Drops the job under way (nothing is downloaded or printed).
void cancel_report_job(AppState& s);

/// Stops a running batch, keeping the rows checked ("cancelled after N of M" in the summary,
/// the table and the tallies); opens the worst row so far unless the user opened one.
void cancel_batch(AppState& s);

/// Shows the report of row `index` of the batch (rebuilt with `rebuild`), its text in the editor
/// (the request's span selected, or the row view); an index out of range changes nothing.
/// `by_user` false: an automatic choice, which the end of the run may replace.
void show_batch_element(AppState& s, int index, bool by_user = true);

/// True when the last check found several requests (a JSON array, NDJSON or an HI-1 message
/// with several authorisations) or several files; `s.run` then holds a row per request.
bool is_batch(const AppState& s);

/// Files opened or dropped at once (name and bytes each): one file goes through `receive`;
/// several become one batch run, each file a batch (`more_files` after the first). Files that
/// cannot be requests (`not_request_text`) or are packs are left out and named in the notice.
void receive_files(AppState& s, Incoming kind, std::vector<std::pair<std::string, std::string>> files);

/// What a batch can be exported as (`download_batch`): the results table or the tally, each as
/// CSV or JSON (the bytes of `reqcheck check --format results-csv|results-json` and `reqcheck
/// tally --format csv|json` on the same files), or every request's full report, one JSON
/// object a line (`reqcheck check --format ndjson`; rebuilt from the rows, at the cost of
/// checking the batch again).
enum class BatchExport { results_csv, results_json, tally_csv, tally_json, reports_ndjson };

/// Offers a batch export as a download named after the request (`name.results.csv` ...); the
/// rows checked so far when the run is still going or was cancelled. Nothing without rows.
/// Every report (`reports_ndjson`) is a job rebuilt a slice per `tick` (`report_job`), offered
/// when done; the others are made at once.
void download_batch(AppState& s, BatchExport what);

/// True when `f` is an input problem with a place in the editor's text (rule `INPUT`, a line,
/// not an HI-1 element's): the editor marks it in the gutter and under the text.
bool is_located_input(const Finding& f);

/// The index in `report.findings` of the input problem the editor names: the first failing
/// `is_located_input` finding, else the first of any status; -1: none.
int first_input_error(const report::Report& report);

/// Per-frame upkeep: runs a pending check once `check_debounce_s` has passed on the platform clock.
void tick(AppState& s);

/// When the state next changes by itself (platform clock, seconds): the debounced re-check
/// (`last_edit_time + check_debounce_s`) or a notice expiring; infinity when nothing is
/// pending. The page draws only on input or at this time, so that an idle page costs nothing.
double next_frame_due(const AppState& s);

/// What `receive` reads to refuse bytes that cannot be a request (`not_request_text`): the whole
/// text up to `hi1_max_bytes`; of a larger one (a batch), its first 64 KiB cut after an ASCII
/// byte, so that opening 200 MB does not stall the page on a scan of every byte (a request in
/// it that is not UTF-8 or holds a NUL is still refused at its own line when checked).
std::string_view intake_prefix(std::string_view bytes);

/// Handles a file or text coming from the page: a pack (`kind` pack, or a drop or paste that
/// `looks_like_pack`) goes to `load_user_pack`; bytes that cannot be a request at all
/// (`not_request_text`: an image, UTF-16, an empty file) are refused with the reason in the
/// status bar and the request kept; an HI-1 message is imported as an editable request; any
/// other text becomes the request (the replaced one one Ctrl+Z away), broken JSON included, so
/// that its errors are shown where they are. Never throws.
void receive(AppState& s, Incoming kind, std::string name, std::string bytes);

/// Compiles a pack file (`Policy::with_pack`, once) and, when it loads, makes it the pack in
/// use. Returns false and fills `user_pack_errors` (`name: ...`, then `pointer (line, column):
/// message` per error) when it does not; the pack in use and the request stay as they were.
bool load_user_pack(AppState& s, std::string text, std::string name);

/// Chooses automatic, a bundled pack by id, or the loaded user pack, and re-checks.
void choose_pack(AppState& s, PackMode mode, std::string id);

/// Reads the rules of the pack in use if that pack changed since the last call.
void refresh_rules(AppState& s);

/// Asks the editor and the form to show finding `f`: the form its pointer, the editor its
/// byte range (`offset`, `end`: the value, already in `request_text`'s bytes for a batch
/// element), else its line and column. A finding on an imported HI-1 message is placed in the
/// message, not in the editor's text: only its pointer is selected.
void select_finding(AppState& s, const Finding& f);

/// The byte offset in `text` of a 1-based line and column (columns counted in bytes, as the
/// core counts them), clamped to the text and to the end of that line.
std::size_t offset_of(std::string_view text, int line, int column);

/// Shows a message in the status bar for `notice_seconds`.
void set_notice(AppState& s, std::string text, bool is_error = false);

/// True while the notice is young enough to show (on the platform clock).
bool notice_visible(const AppState& s);

/// Offers the request text as a download (its name, or `request.json`); the text then counts
/// as saved (`modified` false).
void save_request(AppState& s);

/// The forms a report can be downloaded in.
enum class ReportFormat { json, markdown };

/// Offers the shown report as a download (`<request>.report.json` or `.report.md`); for a batch,
/// the whole batch: JSON, an array of every request's report (`reqcheck check --format json`);
/// Markdown, the summary then every request's report (`whole_batch` false: only the request
/// shown, named by its file and line); a batch's is a job rebuilt a slice per `tick`
/// (`report_job`), offered when done. Nothing before the first check.
void download_report(AppState& s, ReportFormat format, bool whole_batch = true);

/// Most reports of a batch in its print view (a page of HTML each): the summary says how many
/// more there are, and the batch downloads hold them all.
inline constexpr std::size_t print_max_reports = 2000;

/// Largest text `receive` tries to import as an ETSI HI-1 message (one request's 4 MiB).
inline constexpr std::size_t hi1_max_bytes = 4u * 1024 * 1024;

/// Asks the platform to print the shown report; for a batch, the whole batch (a JSON object
/// `{batch: {summary, worst, requests, printed, total, state}, reports: [...]}` that the page
/// renders summary first; the first `print_max_reports` reports), built as a job a slice per
/// `tick` (`report_job`) and printed when done. Nothing before the first check.
void print_report(AppState& s);

/// A byte range `[begin, end)` of `request_text`.
struct Span {
  std::size_t begin = 0, end = 0;
};

/// Where the current `selection` lies in `request_text`: its byte range, else one byte at its
/// line and column. Returns false when it has neither (an HI-1 element, a finding about the
/// whole check).
bool selection_span(const AppState& s, Span& out);

/// One line for `#verdict`: the verdict, failed and review counts, the framework profiles
/// applied (their pack ids), and the location of an input error.
std::string verdict_summary(const AppState& s);

/// Findings of one pack in the report view: `heading` (empty when the report applied no
/// framework profile, so the table needs none), `profile` (the profile pack's id; empty for the
/// platform pack and the engine) and the indexes into `report.findings`, in report order.
struct FindingGroup {
  std::string heading;
  std::string profile;
  std::vector<std::size_t> findings;
};

/// The report's findings grouped by pack: first the platform pack's with the engine's (`INPUT`,
/// `PACK`, `ENGINE`), then one group per profile in `report.policies` order (a finding of a
/// profile not listed there gets a group of its own after them). Groups without findings are
/// left out, except that the first group is always there.
std::vector<FindingGroup> finding_groups(const report::Report& report);

/// The languages the platform pack of the last check accepts the request in (its INSTR-06, for
/// the form's instrument type: `Policy::accepted_languages`), for the form's language field to
/// offer; empty before a check or when that pack does not judge the language.
std::vector<std::string> language_choices(const AppState& s);

/// A file name for downloads derived from the request's name (`name.report.json` ...).
std::string download_name(const AppState& s, std::string_view suffix);

}  // namespace reqcheck::app
