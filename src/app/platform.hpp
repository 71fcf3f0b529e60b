// The seam between the app's state logic and whatever hosts it: what the state and the panels
// may ask of the outside world (clock, files, downloads, clipboard, print, the page's title and
// #verdict). platform_web.cpp implements it for the browser; NullPlatform records for tests.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace reqcheck::app {

/// Where a file or text from the page goes (numbers shared with web/glue.js).
enum class Incoming : int {
  request = 0,  ///< open dialog for a request, or `window.reqcheck.load`
  pack = 1,     ///< open dialog for a pack file
  drop = 2,     ///< dropped on the page: a pack if it says `"schema": "reqcheck.pack/…"`, else a request
  paste = 3,    ///< pasted from the clipboard: same as drop
  rule_page = 4,  ///< a rule's page (`<ID>.md`) fetched from the page's folder; empty: it could not be read
};

/// What the host offers the app. Calls never fail visibly: a host that cannot do something
/// (no clipboard, no print) ignores it. Answers come back through the state's `receive`.
class Platform {
 public:
  virtual ~Platform() = default;

  /// Monotonic seconds since an arbitrary origin (debounce and notice timing only).
  virtual double now() const = 0;

  /// Opens the file picker; the chosen file arrives through `receive` with `kind`.
  virtual void open_file(Incoming kind) = 0;

  /// Offers `content` (bytes, any encoding) as a download named `filename` of MIME type `mime`.
  virtual void download(std::string_view filename, std::string_view mime, std::string_view content) = 0;

  /// Shows the printable view of a report (HTML the page builds from the report JSON) and prints it.
  virtual void print(std::string_view report_json) = 0;

  /// Mirrors the verdict (wire word, e.g. `needs_review`) into the page's `#verdict` element,
  /// with a one-line summary, the failed and to-review counts and the pack id (empty: none).
  virtual void publish_verdict(std::string_view verdict, std::string_view summary, int failed, int review, std::string_view policy) = 0;

  /// Puts UTF-8 text on the system clipboard.
  virtual void copy(std::string_view text) = 0;

  /// Asks for the clipboard's text; it arrives through `receive` as `Incoming::paste`.
  virtual void request_paste() = 0;

  /// Sets the page (window) title.
  virtual void set_title(std::string_view title) = 0;

  /// Says whether the request has unsaved edits, so that leaving the page asks first.
  virtual void set_unsaved(bool unsaved) = 0;

  /// Mirrors a status-bar notice into the page (a polite live region for screen readers).
  virtual void announce(std::string_view text, bool is_error) = 0;

  /// Mirrors the report shown (its `reqcheck.report/1` JSON) into the page as semantic HTML, for
  /// screen readers and for printing; called whenever the report shown changes.
  virtual void publish_report(std::string_view report_json) = 0;

  /// Says which control has the keyboard focus (`label`, e.g. "Print" or "Reference, edit
  /// field") in the page's polite live region, for screen readers: the canvas has no DOM.
  virtual void announce_focus(std::string_view label) = 0;

  /// Mirrors the rule page shown in the rules browser into the page as HTML (`html`, made by
  /// `md::to_html` from a bundled or loaded rule page), for screen readers; empty: none shown.
  virtual void publish_rule_page(std::string_view html) = 0;

  /// Mirrors a batch's progress and summary into the page (`#batch`): `state` is `idle`,
  /// `running`, `done` or `cancelled`; `done`/`total` requests (items) checked of all; `rate`
  /// requests per second; `summary` one line (`run_summary`). Called every slice while running.
  virtual void publish_batch(std::string_view state, std::size_t done, std::size_t total, double rate, std::string_view summary) = 0;

  /// Mirrors the results table's view into the page (`#batch` `data-sort`, `data-shown`,
  /// `data-top-line`, `data-top-verdict`, `data-top-reference`): the sort (`verdict descending`,
  /// `file order`), the rows the filters leave, and the first row shown (line, verdict wire word,
  /// reference; line 0 when none). Called when the view is recomputed.
  virtual void publish_results_view(std::string_view sort, std::size_t shown, int top_line, std::string_view top_verdict,
                                    std::string_view top_reference) = 0;

  /// Fetches `path`, a file of the page's own folder (e.g. `samples/x.json`); it arrives through
  /// `receive` with `kind` and its base name.
  virtual void fetch_file(std::string_view path, Incoming kind) = 0;
};

/// A platform that does nothing but remember what was asked of it, with a clock the caller
/// sets: the host of the state's unit tests (and of any headless use).
class NullPlatform final : public Platform {
 public:
  /// One download asked for.
  struct Download {
    std::string filename, mime, content;
  };
  /// The last verdict published.
  struct Verdict {
    std::string verdict, summary, policy;
    int failed = 0, review = 0;
  };

  double clock = 0.0;                  ///< what `now()` answers, seconds; tests advance it
  std::vector<Incoming> opened;        ///< every `open_file` request, in order
  std::vector<Download> downloads;     ///< every `download`, in order
  std::vector<std::string> printed;    ///< every `print`'s report JSON
  std::string clipboard;               ///< the last `copy`
  int paste_requests = 0;              ///< number of `request_paste` calls
  std::string title;                   ///< the last `set_title`
  bool unsaved = false;                ///< the last `set_unsaved`
  std::string report_json;             ///< the last `publish_report`
  int reports_published = 0;           ///< number of `publish_report` calls
  std::string rule_page_html;          ///< the last `publish_rule_page`
  std::string focus_label;             ///< the last `announce_focus`
  std::string announced;               ///< the last `announce`d notice
  bool announced_error = false;        ///< whether it reported a failure
  Verdict verdict;                     ///< the last `publish_verdict`
  int verdicts_published = 0;          ///< number of `publish_verdict` calls
  std::vector<std::string> fetched;    ///< every `fetch_file` path, in order
  /// The last `publish_batch`.
  struct Batch {
    std::string state, summary;
    std::size_t done = 0, total = 0;
    double rate = 0.0;
  } batch;
  int batches_published = 0;           ///< number of `publish_batch` calls
  std::string results_sort;            ///< the last `publish_results_view`'s sort

  double now() const override { return clock; }
  void open_file(Incoming kind) override { opened.push_back(kind); }
  void download(std::string_view filename, std::string_view mime, std::string_view content) override {
    downloads.push_back({std::string(filename), std::string(mime), std::string(content)});
  }
  void print(std::string_view report_json) override { printed.emplace_back(report_json); }
  void publish_verdict(std::string_view v, std::string_view summary, int failed, int review, std::string_view policy) override {
    verdict = {std::string(v), std::string(summary), std::string(policy), failed, review};
    verdicts_published += 1;
  }
  void copy(std::string_view text) override { clipboard = text; }
  void request_paste() override { paste_requests += 1; }
  void set_title(std::string_view t) override { title = t; }
  void set_unsaved(bool u) override { unsaved = u; }
  void publish_report(std::string_view json) override {
    report_json = json;
    reports_published += 1;
  }
  void publish_rule_page(std::string_view html) override { rule_page_html = html; }
  void announce_focus(std::string_view label) override { focus_label = label; }
  void announce(std::string_view text, bool is_error) override {
    announced = text;
    announced_error = is_error;
  }

  void fetch_file(std::string_view path, Incoming) override { fetched.emplace_back(path); }
  void publish_batch(std::string_view state, std::size_t done, std::size_t total, double rate, std::string_view summary) override {
    batch = {std::string(state), std::string(summary), done, total, rate};
    batches_published += 1;
  }
  void publish_results_view(std::string_view sort, std::size_t, int, std::string_view, std::string_view) override { results_sort = sort; }
};

}  // namespace reqcheck::app
