// The entry points of reqcheck: a compiled Policy and request text in, a typed Report out
// (`check`, `check_batch`), and the thin text API for JS and scripts (`check_json`). The CLI, the
// web app, the tests and the benchmarks all call these, so they can never disagree. Pure: no
// file, network or UI access.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "reqcheck/policy.hpp"
#include "reqcheck/report.hpp"

namespace reqcheck {

/// Options of one check.
struct CheckOptions {
  /// The checking time as an RFC 3339 date-time (e.g. `2026-11-30T10:00:00Z`). Used as
  /// `checked_at`, and in place of `received_at` when the request has none. Empty: the system
  /// clock (UTC). A value that is not a valid RFC 3339 date-time gives an `invalid_input` report.
  std::string now;
  /// Forces a bundled pack version by id (e.g. `telegram-2018-08`) instead of choosing the one
  /// in force at `received_at`. Ignored when `pack_text` is given. Unknown id: `invalid_input`.
  std::string pack_id;
  /// The input format: empty detects it from the content (XML root `HI1Message`, JSON with
  /// `HI1Message`, else reqcheck.request/1); `hi1` forces the ETSI TS 103 120 importer;
  /// `reqcheck` forces the native format. Any other value gives an `invalid_input` report.
  std::string from;
  /// The ETSI HI-1 message a reqcheck request was converted from (`hi1_to_request_json`), if
  /// any: findings on values that came from it name their HI-1 element as `source`, and the
  /// report lists what HI-1 did not carry and the request still lacks. Empty: none.
  std::string hi1_source;
  /// Where the request text starts in the file it came from (a `BatchPart`'s `line` and
  /// `column`; 1-based, column in bytes): the report's lines and columns are shifted by it, so
  /// that they name the file's lines. 1 and 1 for a text that is the whole file.
  int first_line = 1;
  int first_column = 1;
  /// Byte offset of the request text in that file (a `BatchPart`'s `offset`): findings' `offset`
  /// and `end` are shifted by it.
  std::size_t first_offset = 0;
  /// Whether to fill the report's `input_sha256` (SHA-256 of `text` as given, lower-case hex).
  /// A digest costs about as much as reading a 3 KB request (bench/RESULTS.md), so callers that
  /// keep only a verdict and counts (batch results, tallies, benchmarks against other checkers)
  /// turn it off; `input_sha256` is then empty and the report must not be rendered as
  /// `reqcheck.report/1`, whose schema requires the digest.
  bool input_digest = true;
  /// The name of the file the request came from (as the user gave it, e.g. `requests.ndjson`; `-`
  /// for standard input), copied into the report's `request.file`, so that a report read on its
  /// own names its request. Empty: none (the page's editor).
  std::string file;
};

/// Largest batch file, in bytes, that `split_batch` splits (1 GiB: 100,000 requests of up to
/// 4 KB with room to spare); a larger text is read as one request and refused as too large. The
/// CLI refuses a larger file before reading it.
inline constexpr std::size_t kMaxBatchFileBytes = std::size_t{1} << 30;

/// Most requests of one batch (array elements or NDJSON lines) that are checked; the rest are
/// reported as one `INPUT.too_many_requests` item (`check_each`).
inline constexpr std::size_t kMaxBatchRequests = 100000;

/// One request of a batch (`split_batch`).
struct BatchPart {
  /// The request's text: the exact bytes of the array element or NDJSON line, or for an HI-1
  /// message with several authorisations, a message with only this one (rebuilt, lines kept).
  std::string text;
  /// Byte offset and length of the request in the batch text; an HI-1 part spans the whole text.
  std::size_t offset = 0;
  std::size_t length = 0;
  /// 1-based line and byte column where `text` starts in the batch text: pass them to
  /// `CheckOptions::first_line` and `first_column`. HI-1 parts keep the message's lines: 1 and 1.
  int line = 1;
  int column = 1;
};

/// Checks one request against a compiled policy: reads the text (JSON of `reqcheck.request/1`,
/// or an ETSI TS 103 120 HI-1 message, XML or its JSON rendering, detected from the content),
/// applies the platform pack in force for its `service` at `received_at` (or the one forced by
/// `options.pack_id`, or the user's platform pack of `Policy::with_pack`) and every framework
/// profile whose `applies` matches, and returns the typed report: every finding with its rule or
/// diagnostic code, JSON Pointer and, where the value is in the text, line, column and byte range
/// (shifted by `options.first_line` / `first_column` / `first_offset` into the file). Never
/// throws: unreadable input gives verdict `invalid_input` with `INPUT` findings; an unusable pack
/// gives `PACK` findings; an engine bug an `ENGINE` finding. Same inputs and `options.now` → the
/// same report.
report::Report check(const Policy& policy, std::string_view text, const CheckOptions& options);

/// The thin text API for JS and scripts: `to_json(check(...))`. `pack_text`: a pack file's JSON
/// text, or empty for the bundled packs (compiled once per process). Never throws.
std::string check_json(std::string_view request_text, std::string_view pack_text, const CheckOptions& options);

/// Splits a batch into its requests: a JSON array of requests (each element's exact text),
/// NDJSON (one request per non-empty line), or an HI-1 message with several authorisations (one
/// message per authorisation, the others' CREATE actions removed). Any other text, including a
/// single request or text that is not JSON, is returned as one part unchanged (offset 0, line 1),
/// so that `check_json` reports its errors. A batch text is at most 1 GiB (`kMaxBatchBytes`);
/// an array is split without a DOM of the whole (each element is read within the limits of one
/// request when checked). An array that is not well-formed JSON stays whole when it is at most
/// 4 MiB and 1,000 elements (read as one text, its error located); a larger one gives the
/// elements before the error and, last, the element where reading stopped, up to the end of the
/// error's line.
/// At most 100,000 requests (`kMaxBatchRequests`) are returned: `check_each` reports those past
/// it as one `INPUT.too_many_requests` item.
std::vector<BatchPart> split_batch(std::string_view text);

/// One request of a checked batch: where it is in the file, and its report.
struct BatchItem {
  BatchPart part;
  report::Report report;
};

/// A checked batch: each request's report in file order, the count of each verdict (indexed by
/// `report::Verdict`) and the worst verdict (`report::worse`; a text with no request is one
/// `invalid_input` item, so `worst` is never better than what was checked).
struct BatchResult {
  std::vector<BatchItem> items;
  std::array<int, report::kVerdictCount> counts{};
  report::Verdict worst = report::Verdict::meets_criteria;
};

namespace detail {
struct BatchSplit;  // batch.cpp: where the requests of a text are
}  // namespace detail

/// A batch split into the places of its requests without copying any of them: `split_batch`'s
/// parts as offsets, lines and columns (24 bytes a request; an HI-1 message with several
/// authorisations keeps its rebuilt messages), so that a caller checks the requests one at a
/// time, in slices (the page, within a frame budget), and rebuilds any one's report later. The
/// text itself is not kept: pass the same text to `part` and `check`. Items are in file order;
/// past `kMaxBatchRequests` requests, one more item stands for the rest (as in `check_each`).
/// Copyable (the split is shared, immutable).
class BatchPlan {
 public:
  /// An empty plan (no item).
  BatchPlan() = default;
  /// Splits `text` as `split_batch` does (a JSON array is read once with a SAX parser, NDJSON
  /// line by line; no DOM). Never throws but `std::bad_alloc`.
  explicit BatchPlan(std::string_view text);

  /// The number of items: the requests, plus one when some lie past `kMaxBatchRequests`.
  std::size_t size() const;
  /// The number of requests that will be checked (`size()` without the item past the limit).
  std::size_t requests() const;
  /// True when item `i` is the one that stands for the requests past `kMaxBatchRequests`.
  bool beyond_limit(std::size_t i) const;
  /// Where item `i` lies in the text (`text` left empty): offset and length in bytes, 1-based
  /// line and byte column. An item out of range gives a default part.
  BatchPart place(std::size_t i) const;
  /// Item `i`'s part with its text copied from `text` (clamped to `text`, which must be the
  /// text planned: a changed text gives other bytes, never an error); empty past the limit.
  BatchPart part(std::string_view text, std::size_t i) const;
  /// Checks item `i` of `text` as `check_each` would (the same part and report, lines and
  /// offsets shifted into the file; past the limit the `INPUT.too_many_requests` item).
  BatchItem check(const Policy& policy, std::string_view text, const CheckOptions& options, std::size_t i) const;

 private:
  std::shared_ptr<const detail::BatchSplit> split_;
  std::size_t size_ = 0;  // bytes of the text planned
};

/// Splits `text` (`split_batch`) and checks each request with `options`, each part's lines,
/// columns and offsets shifted into the file. Holds every report: for the page's batches; a
/// large batch goes through `check_each`. Never throws.
BatchResult check_batch(const Policy& policy, std::string_view text, const CheckOptions& options);

/// Splits `text` (`split_batch`) and checks its requests one at a time in file order, handing
/// each part and report to `on_item` as soon as it is made, so that a caller keeps what it needs
/// (a `ResultRow`, a tally, a line of output) and the memory held is one report, not a batch of
/// them. Past `kMaxBatchRequests` requests, one more item stands for the rest: an `invalid_input`
/// report whose one finding, `INPUT.too_many_requests`, gives the line and column (and JSON
/// Pointer, in an array) of the first request not checked; its part has an empty text.
/// `threads` > 1 checks the requests of a JSON array or NDJSON that many at a time (a window of
/// 64 per thread is checked, then handed to `on_item` in file order, on the calling thread): the
/// same items in the same order as with 1, at most a window of reports held. Where no thread can
/// be started (WebAssembly without threads), they are checked one at a time. Returns the number
/// of items. Never throws, except what `on_item` throws.
std::size_t check_each(const Policy& policy, std::string_view text, const CheckOptions& options,
                       const std::function<void(BatchItem&&)>& on_item, unsigned threads = 1);

/// One line summing up a batch by its `counts`: "3 requests: 1 meets_criteria, 1 needs_review, 1 does_not_meet,
/// 0 invalid_input".
std::string batch_summary(const BatchResult& batch);

/// Why `now` cannot be a checking time (`CheckOptions::now`): the RFC 3339 error, or "" when it
/// is a valid date-time with a zone (e.g. `2026-11-30T10:00:00Z`). Lets a caller refuse a bad
/// `--now` once, as a usage error, instead of in every report.
std::string checking_time_error(std::string_view now);

/// Converts an ETSI TS 103 120 (HI-1) message (XML or JSON rendering) with one authorisation
/// into the equivalent `reqcheck.request/1` JSON text, so that a liaison can supply what HI-1
/// cannot carry (offences, target roles, language ...) in the editor or form. Text that is not
/// an HI-1 message, or that does not import, is returned unchanged (check it for the errors).
std::string hi1_to_request_json(std::string_view text);

/// The bundled policy packs as a JSON array of `{id, service, version, title, in_force_from,
/// in_force_until}` (dates RFC 3339 UTC; `in_force_until` null while in force), newest first.
std::string bundled_packs_json();

/// The JSON text of a bundled pack by id, or empty when no bundled pack has that id.
std::string bundled_pack_text(std::string_view id);

/// The rules of a pack (its JSON text; empty: the newest bundled pack) as a JSON object
/// `{pack: {id, version, service}, rules: [{id, title, legal_ref, family, doc}]}`, where `doc` is
/// the Markdown page `assets/rules/<ID>.md`. A pack that does not load gives `{error: "...",
/// errors: [{pointer, message}]}`.
std::string rules_json(std::string_view pack_text);

/// Why the bytes of a file cannot be a request at all, as a clause for "<file> was not opened:
/// …" (e.g. "it is a PNG image", "it is UTF-16 text …: save it as UTF-8", "it is empty"), or
/// empty when they may be one: UTF-8 text (a UTF-8 byte order mark allowed) whose first
/// non-blank character is `{`, `[` or `<`. Such text may still be broken JSON: `check` reports
/// where. The page refuses what this names instead of replacing the request in the editor.
std::string not_request_text(std::string_view bytes);

/// The engine version (semantic version of the project).
std::string_view version();

}  // namespace reqcheck
