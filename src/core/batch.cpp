// Batches and conversions around check_json: splitting a file into its requests (JSON array,
// NDJSON, HI-1 authorisations; up to kMaxBatchRequests, found without a DOM of the batch),
// checking them one at a time, and turning an HI-1 message into an editable request.
#include <algorithm>
#include <atomic>
#include <cstring>
#include <optional>
#include <system_error>
#include <thread>

#include <nlohmann/json.hpp>

#include "import/etsi_hi1.hpp"
#include "parse/codes.hpp"
#include "parse/json_text.hpp"
#include "parse/limits.hpp"
#include "report/diagnostic_finding.hpp"
#include "report/digest.hpp"
#include "reqcheck/engine.hpp"

namespace reqcheck {

std::string hi1_to_request_json(std::string_view text) {
  if (!import::looks_like_hi1(text)) return std::string(text);
  try {
    auto imported = import::import_hi1(text);
    if (!imported.errors.empty() || imported.requests.size() != 1) return std::string(text);
    return imported.requests[0].request.dump(2);
  } catch (const std::exception&) {  // never thrown by design; the check names the problem
    return std::string(text);
  }
}

static_assert(kMaxBatchFileBytes == parse::kMaxBatchBytes && kMaxBatchRequests == parse::kMaxBatchRequests,
              "the public batch limits are the engine's");

namespace {

constexpr std::string_view kWhitespace = " \t\r\n";

}  // namespace

namespace detail {

/// A request's place in the batch text (its text not yet copied): byte offset and length in the
/// text without BOM, 1-based line and byte column.
struct Piece {
  std::size_t offset = 0, length = 0;
  int line = 1, column = 1;
};

/// How a batch text divides: `whole` (one request: the text as it is), HI-1 messages with their
/// own texts (`owned`), or pieces of the text; `beyond`: where the first request past
/// kMaxBatchRequests starts (`beyond_pointer`: its JSON Pointer, "" in NDJSON).
struct BatchSplit {
  bool whole = false;
  std::vector<std::string> owned;
  std::vector<Piece> pieces;
  std::size_t bom = 0;
  std::optional<Piece> beyond;
  std::string beyond_pointer;
};

}  // namespace detail

namespace {

using detail::Piece;
using Split = detail::BatchSplit;

/// 1-based line and byte column of increasing byte offsets, counting line feeds once.
class LineCounter {
 public:
  explicit LineCounter(std::string_view t) : t_(t) {}
  std::pair<int, int> at(std::size_t offset) {
    while (pos_ < offset) {
      const void* nl = std::memchr(t_.data() + pos_, '\n', offset - pos_);
      if (!nl) {
        pos_ = offset;
        break;
      }
      pos_ = static_cast<std::size_t>(static_cast<const char*>(nl) - t_.data()) + 1;
      ++line_;
      line_start_ = pos_;
    }
    return {line_, static_cast<int>(offset - line_start_ + 1)};
  }

 private:
  std::string_view t_;
  std::size_t pos_ = 0, line_start_ = 0;
  int line_ = 1;
};

/// A SAX handler (nlohmann) that builds no DOM: it records where each element of the top-level
/// array starts, and stops at the first element past kMaxBatchRequests or at a syntax error.
/// Each element is read again, within the limits of one request, when it is checked.
class ElementStarts {
 public:
  using number_integer_t = nlohmann::json::number_integer_t;
  using number_unsigned_t = nlohmann::json::number_unsigned_t;
  using number_float_t = nlohmann::json::number_float_t;
  using string_t = nlohmann::json::string_t;
  using binary_t = nlohmann::json::binary_t;

  ElementStarts(std::string_view t, const std::size_t& consumed) : t_(t), consumed_(consumed) {}

  bool null() { return value(); }
  bool boolean(bool) { return value(); }
  bool number_integer(number_integer_t) { return value(); }
  bool number_unsigned(number_unsigned_t) { return value(); }
  bool number_float(number_float_t, const string_t&) { return value(); }
  bool string(string_t&) { return value(); }
  bool binary(binary_t&) { return value(); }
  bool start_object(std::size_t) { return open(); }
  bool start_array(std::size_t) { return open(); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(string_t&) {
    last_ = consumed_;
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
    error_at = position;
    return false;
  }

  std::vector<std::size_t> starts;
  std::optional<std::size_t> beyond;    // where the first element past the limit starts
  std::optional<std::size_t> error_at;  // where the text stopped being JSON
  std::size_t close_at = 0;             // the top-level array's `]`

 private:
  bool value() {
    if (depth_ == 1) {
      const std::size_t at = skip(last_);
      if (starts.size() == parse::kMaxBatchRequests) {
        beyond = at;
        return false;
      }
      starts.push_back(at);
    }
    last_ = consumed_;
    return true;
  }
  bool open() {
    if (!value()) return false;
    ++depth_;
    return true;
  }
  bool close() {
    if (--depth_ == 0) close_at = consumed_ == 0 ? 0 : consumed_ - 1;
    last_ = consumed_;
    return true;
  }
  std::size_t skip(std::size_t from) const {
    while (from < t_.size() && (t_[from] == ',' || kWhitespace.find(t_[from]) != std::string_view::npos)) ++from;
    return from;
  }

  std::string_view t_;
  const std::size_t& consumed_;
  std::size_t last_ = 0;
  int depth_ = 0;
};

/// End of the element starting at `start`, given where the next one starts (or the closing
/// bracket): the blanks and the `,` before it trimmed.
std::size_t element_end(std::string_view t, std::size_t start, std::size_t next, bool last) {
  std::size_t end = t.find_last_not_of(kWhitespace, next - 1) + 1;
  if (!last && end > start && t[end - 1] == ',') end = t.find_last_not_of(kWhitespace, end - 2) + 1;
  return std::max(end, start);
}

/// A JSON array of requests: each element's exact text, split without a DOM. A text that is not
/// well-formed JSON stays whole when it could be read as one request (at most 4 MiB and 1,000
/// elements: its errors then name their place); a larger one keeps the elements read before the
/// error, and the element where reading stopped runs to the end of the error's line (at most
/// kMaxInputBytes), so that its own report says what is wrong and where.
void split_array(std::string_view t, Split& out) {
  std::size_t consumed = 0;
  parse::CountingIterator first{t.data(), t.data(), &consumed};
  // nlohmann's lexer takes a NUL byte for the end of the text: the text is read up to the first
  // NUL, which is then where reading stopped (never a silent end: its element reports it)
  const void* nul = std::memchr(t.data(), '\0', t.size());
  const std::size_t readable = nul ? static_cast<std::size_t>(static_cast<const char*>(nul) - t.data()) : t.size();
  parse::CountingIterator last{t.data() + readable, t.data(), &consumed};
  ElementStarts handler(t, consumed);
  nlohmann::json::sax_parse(first, last, &handler, nlohmann::json::input_format_t::json, true, false);
  if (nul && !handler.beyond) handler.error_at = std::min(handler.error_at.value_or(readable), readable);
  auto& starts = handler.starts;
  // a small broken array is read whole, as one text, so that its error is located as in a
  // request; not when it has more elements than one text may (its error would be that limit)
  if (starts.empty() || (handler.error_at && t.size() <= parse::kMaxInputBytes && starts.size() <= parse::kMaxArrayItems)) {
    out.whole = true;
    return;
  }
  LineCounter lines(t);
  const std::size_t n = starts.size();
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t end = 0;
    if (i + 1 < n) end = element_end(t, starts[i], starts[i + 1], false);
    else if (handler.beyond) end = element_end(t, starts[i], *handler.beyond, false);
    else if (handler.error_at) {
      const std::size_t nl = t.find('\n', std::min(*handler.error_at, t.size()));
      end = std::min({nl == std::string_view::npos ? t.size() : nl, t.size(), starts[i] + parse::kMaxInputBytes});
    } else end = element_end(t, starts[i], handler.close_at, true);
    const auto [line, column] = lines.at(starts[i]);
    out.pieces.push_back({starts[i], end - starts[i], line, column});
  }
  if (handler.beyond) {
    const auto [line, column] = lines.at(*handler.beyond);
    out.beyond = Piece{*handler.beyond, 0, line, column};
    out.beyond_pointer = "/" + std::to_string(parse::kMaxBatchRequests);
  }
}

/// NDJSON: one request per non-empty line, kept even when a line is broken (its own report
/// says where), as long as every line starts an object and one at least is whole; else, as for
/// a pretty-printed request with a typo, the text stays whole and its one error is reported.
void split_lines(std::string_view t, Split& out) {
  std::size_t objects = 0;
  int line_number = 0;
  for (std::size_t pos = 0; pos <= t.size();) {
    auto nl = t.find('\n', pos);
    if (nl == std::string_view::npos) nl = t.size();
    ++line_number;
    const auto first_byte = t.find_first_not_of(" \t", pos);
    const auto last = t.find_last_not_of(" \t\r", nl == 0 ? 0 : nl - 1);
    if (first_byte < nl && last != std::string_view::npos && last >= first_byte) {
      if (t[first_byte] != '{') {
        out.pieces.clear();
        out.beyond.reset();
        out.whole = true;
        return;
      }
      const int column = static_cast<int>(first_byte - pos + 1);
      if (out.pieces.size() == parse::kMaxBatchRequests) {
        if (!out.beyond) out.beyond = Piece{first_byte, 0, line_number, column};
      } else {
        // the request without its blanks and CR, so that it has the same digest as anywhere else
        const auto line = t.substr(first_byte, last + 1 - first_byte);
        out.pieces.push_back({first_byte, line.size(), line_number, column});
        // starts with `{`: accepted means a whole object; no DOM, and only until one is found
        if (objects == 0) objects += nlohmann::json::accept(line);
      }
    }
    pos = nl + 1;
  }
  if (out.pieces.size() < 2 || objects == 0) {
    out.pieces.clear();
    out.beyond.reset();
    out.whole = true;
  }
}

Split split(std::string_view text) {
  Split out;
  if (import::looks_like_hi1(text)) {
    out.owned = import::split_hi1(text);
    if (out.owned.empty()) out.whole = true;
    return out;
  }
  std::string_view t = text;
  if (t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF") {
    t.remove_prefix(3);
    out.bom = 3;
  }
  const auto first = t.find_first_not_of(kWhitespace);
  if (first == std::string_view::npos || t.size() > parse::kMaxBatchBytes) out.whole = true;
  else if (t[first] == '[') split_array(t, out);  // an empty array stays whole: check_json says so
  else if (nlohmann::json::accept(t)) out.whole = true;
  else split_lines(t, out);
  return out;
}

/// The part of piece `p` of `text` (offsets in the file, BOM included).
BatchPart part_of(std::string_view text, const Split& s, const Piece& p) {
  return {std::string(text.substr(s.bom + p.offset, p.length)), p.offset + s.bom, p.length, p.line, p.column};
}

/// The report that stands for the requests past kMaxBatchRequests: `invalid_input`, with the
/// place of the first one not checked; its digest is that of the text not checked, its checking
/// time and tz version those of any check (made by checking an empty text).
report::Report beyond_limit(const Policy& policy, std::string_view text, const Split& s, const CheckOptions& options) {
  CheckOptions o = options;
  o.first_line = s.beyond->line;
  o.first_column = s.beyond->column;
  o.first_offset = s.beyond->offset + s.bom;
  report::Report r = check(policy, std::string_view(), o);
  r.findings.clear();
  r.notes.clear();
  r.input_sha256 = report::sha256_hex(text.substr(s.bom + s.beyond->offset));
  auto d = parse::diag("INPUT.too_many_requests", s.beyond_pointer,
                       "the batch holds more than " + std::to_string(parse::kMaxBatchRequests) +
                           " requests, the limit: this request and those after it were not checked");
  d.line = s.beyond->line;
  d.column = s.beyond->column;
  r.findings.push_back(report::diagnostic_finding(d, "INPUT"));
  r.findings.back().offset = s.beyond->offset + s.bom;
  r.verdict = report::verdict_of(r.findings);
  return r;
}

}  // namespace

std::vector<BatchPart> split_batch(std::string_view text) {
  const Split s = split(text);
  std::vector<BatchPart> out;
  if (s.whole) return {BatchPart{std::string(text), 0, text.size(), 1, 1}};
  for (const auto& message : s.owned) out.push_back({message, 0, text.size(), 1, 1});
  out.reserve(s.pieces.size());
  for (const auto& p : s.pieces) out.push_back(part_of(text, s, p));
  return out;
}

namespace {

/// The options of a part: lines, columns and offsets name the file's, not the part's.
CheckOptions options_of(const CheckOptions& options, const BatchPart& part) {
  CheckOptions o = options;
  o.first_line = part.line;
  o.first_column = part.column;
  o.first_offset = part.offset;
  return o;
}

/// Requests checked per window when `threads` > 1: the window's reports are made side by side,
/// then handed over in file order, so that at most this many reports are held at once.
constexpr std::size_t kWindowPerThread = 64;

/// Checks `pieces` with `threads` threads, a window at a time; false when no thread could be
/// started (the caller then checks them alone).
bool check_in_parallel(const Policy& policy, std::string_view text, const Split& s, const CheckOptions& options, unsigned threads,
                       const std::function<void(BatchItem&&)>& on_item, std::size_t& n) {
  const std::size_t window = kWindowPerThread * threads;
  std::vector<BatchItem> items;
  for (std::size_t from = 0; from < s.pieces.size(); from += window) {
    const std::size_t count = std::min(window, s.pieces.size() - from);
    items.clear();
    items.resize(count);
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
      for (std::size_t i; (i = next.fetch_add(1)) < count;) {
        items[i].part = part_of(text, s, s.pieces[from + i]);
        items[i].report = check(policy, items[i].part.text, options_of(options, items[i].part));
      }
    };
    std::vector<std::thread> pool;
    try {
      for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    } catch (const std::system_error&) {  // no threads here (a WebAssembly build without them)
      if (pool.empty() && from == 0) return false;
    }
    work();
    for (auto& t : pool) t.join();
    for (auto& item : items) {
      ++n;
      on_item(std::move(item));
    }
  }
  return true;
}

}  // namespace

std::size_t check_each(const Policy& policy, std::string_view text, const CheckOptions& options,
                       const std::function<void(BatchItem&&)>& on_item, unsigned threads) {
  const Split s = split(text);
  std::size_t n = 0;
  const auto one = [&](BatchPart&& part) {
    report::Report r = check(policy, part.text, options_of(options, part));
    ++n;
    on_item({std::move(part), std::move(r)});
  };
  if (s.whole) one(BatchPart{std::string(text), 0, text.size(), 1, 1});
  for (const auto& message : s.owned) one(BatchPart{message, 0, text.size(), 1, 1});
  if (threads <= 1 || s.pieces.size() < 2 || !check_in_parallel(policy, text, s, options, threads, on_item, n))
    for (const auto& p : s.pieces) one(part_of(text, s, p));
  if (s.beyond) {
    ++n;
    on_item({BatchPart{std::string(), s.beyond->offset + s.bom, text.size() - s.bom - s.beyond->offset, s.beyond->line, s.beyond->column},
             beyond_limit(policy, text, s, options)});
  }
  return n;
}

BatchPlan::BatchPlan(std::string_view text) : split_(std::make_shared<const Split>(split(text))), size_(text.size()) {}

std::size_t BatchPlan::size() const {
  if (!split_) return 0;
  const Split& s = *split_;
  return (s.whole ? 1 : 0) + s.owned.size() + s.pieces.size() + (s.beyond ? 1 : 0);
}

std::size_t BatchPlan::requests() const {
  if (!split_) return 0;
  return size() - (split_->beyond ? 1 : 0);
}

bool BatchPlan::beyond_limit(std::size_t i) const { return split_ && split_->beyond && i + 1 == size(); }

BatchPart BatchPlan::place(std::size_t i) const {
  if (!split_ || i >= size()) return {};
  const Split& s = *split_;
  if (s.whole) return {std::string(), 0, size_, 1, 1};
  if (i < s.owned.size()) return {std::string(), 0, size_, 1, 1};
  i -= s.owned.size();
  if (i < s.pieces.size()) {
    const Piece& p = s.pieces[i];
    return {std::string(), p.offset + s.bom, p.length, p.line, p.column};
  }
  return {std::string(), s.beyond->offset + s.bom, size_ - s.bom - s.beyond->offset, s.beyond->line, s.beyond->column};
}

BatchPart BatchPlan::part(std::string_view text, std::size_t i) const {
  BatchPart out = place(i);
  if (!split_ || i >= size() || beyond_limit(i)) return out;
  const Split& s = *split_;
  if (!s.whole && i < s.owned.size()) {
    out.text = s.owned[i];
    return out;
  }
  // never past the text given (a caller's text that changed since the plan was made)
  const std::size_t at = std::min(out.offset, text.size());
  out.text = std::string(text.substr(at, std::min(out.length, text.size() - at)));
  return out;
}

BatchItem BatchPlan::check(const Policy& policy, std::string_view text, const CheckOptions& options, std::size_t i) const {
  if (beyond_limit(i)) {
    if (text.size() == size_) return {place(i), reqcheck::beyond_limit(policy, text, *split_, options)};
  }
  BatchItem item;
  item.part = part(text, i);
  item.report = reqcheck::check(policy, item.part.text, options_of(options, item.part));
  return item;
}

}  // namespace reqcheck

namespace reqcheck {

BatchResult check_batch(const Policy& policy, std::string_view text, const CheckOptions& options) {
  BatchResult out;
  check_each(policy, text, options, [&](BatchItem&& item) {
    ++out.counts[static_cast<std::size_t>(item.report.verdict)];
    out.worst = report::worse(out.worst, item.report.verdict);
    out.items.push_back(std::move(item));
  });
  return out;
}

std::string batch_summary(const BatchResult& batch) {
  using report::Verdict;
  const auto n = [&](Verdict v) { return std::to_string(batch.counts[static_cast<std::size_t>(v)]) + " " + std::string(report::to_string(v)); };
  int total = 0;
  for (int c : batch.counts) total += c;
  return std::to_string(total) + (total == 1 ? " request: " : " requests: ") + n(Verdict::meets_criteria) + ", " + n(Verdict::needs_review) + ", " +
         n(Verdict::does_not_meet) + ", " + n(Verdict::invalid_input);
}

}  // namespace reqcheck
