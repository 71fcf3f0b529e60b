// Batches and conversions around check_json: splitting a file into its requests (JSON array,
// NDJSON, HI-1 authorisations) and turning an HI-1 message into an editable request.
#include <nlohmann/json.hpp>

#include "import/etsi_hi1.hpp"
#include "parse/json_text.hpp"
#include "parse/limits.hpp"
#include "reqcheck/engine.hpp"

namespace reqcheck {

std::string hi1_to_request_json(std::string_view text) {
  if (!import::looks_like_hi1(text)) return std::string(text);
  auto imported = import::import_hi1(text);
  if (!imported.errors.empty() || imported.requests.size() != 1) return std::string(text);
  return imported.requests[0].request.dump(2);
}

namespace {

constexpr std::string_view kWhitespace = " \t\r\n";

/// One part spanning [begin, end) of `text`, whose line and column `locations` knows.
BatchPart part_of(std::string_view text, std::size_t begin, std::size_t end, const parse::Locations& locations, std::size_t shift) {
  const auto [line, column] = locations.line_column(begin);
  return {std::string(text.substr(begin, end - begin)), begin + shift, end - begin, line, column};
}

/// The elements of a well-formed JSON array, each as its exact text: from where the parser saw
/// it start to the separator before the next one (or the closing bracket), whitespace trimmed.
std::vector<BatchPart> array_parts(std::string_view t, const parse::JsonDocument& doc, std::size_t shift) {
  std::vector<BatchPart> out;
  const std::size_t n = doc.json->size();
  const std::size_t close = t.rfind(']');
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < n; ++i) {
    const auto at = doc.locations.value_offset(parse::pointer_append("", i));
    if (!at) return {};
    starts.push_back(*at);
  }
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t end = i + 1 < n ? starts[i + 1] : close;
    end = t.find_last_not_of(kWhitespace, end - 1) + 1;  // before the next element: "," and blanks
    if (i + 1 < n && end > starts[i] && t[end - 1] == ',') end = t.find_last_not_of(kWhitespace, end - 2) + 1;
    out.push_back(part_of(t, starts[i], end, doc.locations, shift));
  }
  return out;
}

}  // namespace

std::vector<BatchPart> split_batch(std::string_view text) {
  const BatchPart whole{std::string(text), 0, text.size(), 1, 1};
  if (import::looks_like_hi1(text)) {
    std::vector<BatchPart> out;
    for (auto& message : import::split_hi1(text)) out.push_back({std::move(message), 0, text.size(), 1, 1});
    return out;
  }
  std::string_view t = text;
  std::size_t bom = 0;
  if (t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF") {
    t.remove_prefix(3);
    bom = 3;
  }
  const auto first = t.find_first_not_of(kWhitespace);
  if (first == std::string_view::npos) return {whole};
  if (t[first] == '[') {
    // read within the engine's limits (size, depth, 1,000 elements); otherwise, and for an empty
    // array, the text stays whole and check_json says what is wrong, never a silent pass
    const auto doc = parse::read_json(t, parse::kMaxBatchBytes);
    if (doc.json && doc.json->is_array() && !doc.json->empty()) {
      auto parts = array_parts(t, doc, bom);
      if (!parts.empty()) return parts;
    }
    return {whole};
  }
  if (t.size() > parse::kMaxBatchBytes) return {whole};
  if (nlohmann::json::accept(t)) return {whole};
  // NDJSON: one request per non-empty line, kept even when a line is broken (its own report
  // says where), as long as every line starts an object and one at least is whole; else, as for
  // a pretty-printed request with a typo, the text stays whole and its one error is reported
  std::vector<BatchPart> lines;
  std::size_t objects = 0;
  int line_number = 0;
  for (std::size_t pos = 0; pos <= t.size();) {
    auto nl = t.find('\n', pos);
    if (nl == std::string_view::npos) nl = t.size();
    ++line_number;
    const auto first_byte = t.find_first_not_of(" \t", pos);
    const auto last = t.find_last_not_of(" \t\r", nl == 0 ? 0 : nl - 1);
    if (first_byte < nl && last != std::string_view::npos && last >= first_byte) {
      if (t[first_byte] != '{') return {whole};
      if (lines.size() == parse::kMaxArrayItems) return {whole};  // too many: reported whole
      // the request without its blanks and CR, so that it has the same digest as anywhere else
      const auto line = t.substr(first_byte, last + 1 - first_byte);
      lines.push_back({std::string(line), first_byte + bom, line.size(), line_number, static_cast<int>(first_byte - pos + 1)});
      // starts with `{`: accepted means a whole object; no DOM, and only until one is found
      if (objects == 0) objects += nlohmann::json::accept(line);
    }
    pos = nl + 1;
  }
  if (lines.size() >= 2 && objects >= 1) return lines;
  return {whole};
}

}  // namespace reqcheck

namespace reqcheck {

BatchResult check_batch(const Policy& policy, std::string_view text, const CheckOptions& options) {
  BatchResult out;
  auto parts = split_batch(text);
  out.items.reserve(parts.size());
  for (auto& part : parts) {
    CheckOptions o = options;  // lines, columns and offsets name the file's, not the part's
    o.first_line = part.line;
    o.first_column = part.column;
    o.first_offset = part.offset;
    report::Report r = check(policy, part.text, o);
    ++out.counts[static_cast<std::size_t>(r.verdict)];
    out.worst = report::worse(out.worst, r.verdict);
    out.items.push_back({std::move(part), std::move(r)});
  }
  return out;
}

std::string batch_summary(const BatchResult& batch) {
  using report::Verdict;
  const auto n = [&](Verdict v) { return std::to_string(batch.counts[static_cast<std::size_t>(v)]) + " " + std::string(report::to_string(v)); };
  int total = 0;
  for (int c : batch.counts) total += c;
  return std::to_string(total) + " requests: " + n(Verdict::meets_criteria) + ", " + n(Verdict::needs_review) + ", " +
         n(Verdict::does_not_meet) + ", " + n(Verdict::invalid_input);
}

}  // namespace reqcheck
