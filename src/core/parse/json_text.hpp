// JSON text → nlohmann::json with a map from JSON Pointer to line and column, so that every
// diagnostic can name where it is. Enforces the limits of limits.hpp and rejects duplicate keys
// (last-wins would silently drop part of a legal request). Knows nothing of the request format.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "parse/diagnostic.hpp"
#include "parse/limits.hpp"

namespace reqcheck::parse {

/// Where each value (and each member's key) starts in the text: 1-based line and byte column.
class Locations {
 public:
  /// Line and column of the value at `pointer`, or of its nearest located ancestor.
  std::pair<int, int> value(const std::string& pointer) const;
  /// Line and column of the member name whose value is at `pointer` (falls back to value()).
  std::pair<int, int> key(const std::string& pointer) const;

  /// Byte offset where the value at exactly `pointer` starts, if it was located.
  std::optional<std::size_t> value_offset(const std::string& pointer) const;

  void add_value(std::string pointer, std::size_t offset);
  void add_key(std::string pointer, std::size_t offset);
  void set_text(std::string_view text);
  std::pair<int, int> line_column(std::size_t offset) const;

 private:
  std::map<std::string, std::size_t> values_, keys_;
  std::vector<std::size_t> line_starts_{0};
};

/// A parsed document: `json` is set when the text was read without errors.
struct JsonDocument {
  std::optional<nlohmann::json> json;
  Locations locations;
  Diagnostics diagnostics;
};

/// Parses UTF-8 JSON text (a leading UTF-8 BOM is skipped). Errors — not JSON, invalid UTF-8,
/// duplicate keys, limits exceeded — are diagnostics with pointer, line and column; never throws.
/// `max_bytes` is the size limit (kMaxInputBytes for a request or pack, kMaxBatchBytes for a
/// batch being split).
JsonDocument read_json(std::string_view text, std::size_t max_bytes = kMaxInputBytes);

/// Appends `key` to a JSON Pointer, escaping `~` and `/` (RFC 6901).
std::string pointer_append(const std::string& pointer, std::string_view key);

/// Appends an array index to a JSON Pointer.
std::string pointer_append(const std::string& pointer, std::size_t index);

}  // namespace reqcheck::parse
