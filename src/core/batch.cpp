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

std::vector<std::string> split_batch(std::string_view text) {
  if (import::looks_like_hi1(text)) return import::split_hi1(text);
  std::string_view t = text;
  if (t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
  const auto first = t.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {std::string(text)};
  if (t[first] == '[') {
    // read within the engine's limits (size, depth, 1,000 elements); otherwise, and for an empty
    // array, the text stays whole and check_json says what is wrong, never a silent pass
    auto doc = parse::read_json(t);
    if (doc.json && doc.json->is_array() && !doc.json->empty()) {
      std::vector<std::string> out;
      for (const auto& e : *doc.json) out.push_back(e.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
      return out;
    }
    return {std::string(text)};
  }
  if (t.size() > parse::kMaxInputBytes) return {std::string(text)};
  if (nlohmann::json::accept(t)) return {std::string(text)};
  // NDJSON: one request per non-empty line, kept even when a line is broken (its own report
  // says where), as long as at least two lines are whole JSON objects
  std::vector<std::string> lines;
  std::size_t objects = 0;
  for (std::size_t pos = 0; pos <= t.size();) {
    auto nl = t.find('\n', pos);
    if (nl == std::string_view::npos) nl = t.size();
    const auto line = t.substr(pos, nl - pos);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      if (lines.size() == parse::kMaxArrayItems) return {std::string(text)};  // too many: reported whole
      lines.emplace_back(line);
      const auto j = nlohmann::json::parse(line, nullptr, false);
      objects += j.is_object();
    }
    pos = nl + 1;
  }
  if (objects >= 2) return lines;
  return {std::string(text)};
}

}  // namespace reqcheck
