// JSON text → nlohmann::json with a map from JSON Pointer to line and column, so that every
// diagnostic can name where it is. Enforces the limits of limits.hpp and rejects duplicate keys
// (last-wins would silently drop part of a legal request). Knows nothing of the request format.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "parse/diagnostic.hpp"
#include "parse/limits.hpp"

namespace reqcheck::parse {

/// Where a value lies in the text. `offset`: byte offset of its first byte; `end`: byte offset
/// just past its last byte (past the closing quote, brace or bracket), so that
/// `text.substr(offset, end - offset)` is the value's JSON text. Both count from the start of
/// the text as given, a leading UTF-8 byte order mark included. `line`/`column`: 1-based line
/// and byte column of `offset`; lines end at LF (a CR before it belongs to the line) and a
/// leading byte order mark is not counted in the first line's columns.
struct Span {
  std::size_t offset = 0;
  std::size_t end = 0;
  int line = 0;
  int column = 0;
};

/// Where each value (and each member's key) starts and ends in the text: byte offsets, 1-based
/// line and byte column. Filled by read_json; empty (nothing located) by default.
///
/// Kept as a tree of the values read (one node per value, in the order of the text), not as a
/// map of JSON Pointers: a pointer is resolved only when a diagnostic or finding asks for one.
/// With duplicate keys, the first value of a pointer in the text is the one located.
class Locations {
 public:
  /// Line and column of the value at `pointer`, or of its nearest located ancestor; {0, 0}
  /// when nothing is located.
  std::pair<int, int> value(const std::string& pointer) const;
  /// Line and column of the member name whose value is at `pointer` (falls back to value()).
  std::pair<int, int> key(const std::string& pointer) const;

  /// Byte offset where the value at exactly `pointer` starts, if it was located. Counts from
  /// the text without its byte order mark (as line_column() does), unlike span().
  std::optional<std::size_t> value_offset(const std::string& pointer) const;

  /// The span of the value at `pointer` (RFC 6901), or else of its nearest located ancestor
  /// (trailing tokens stripped one by one, down to "" for the whole document); nullopt when
  /// nothing on the way is located (e.g. the text was not JSON). A value whose end was never
  /// read (reading stopped inside it) ends where the text ends.
  std::optional<Span> span(const std::string& pointer) const;

  /// Sets the text that offsets refer to (after any byte order mark) and the number of bytes
  /// stripped before it (`bom`: 0 or 3), which span() adds back.
  void set_text(std::string_view text, std::size_t bom = 0);
  /// 1-based line and byte column of a byte offset into the text without BOM.
  std::pair<int, int> line_column(std::size_t offset) const;

  /// Building (read_json): room for `values` values.
  void reserve(std::size_t values) { nodes_.reserve(values); }
  /// No node: the parent of the document's root.
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  /// Adds the node of a value of `parent` (kNone for the document) and returns its id: a member
  /// named `name` of an object, or else the next element of an array.
  std::uint32_t add_node(std::uint32_t parent, std::string_view name, bool member);
  /// Records where the value of node `id` starts, ends, or its member name starts (bytes, text
  /// without BOM).
  void set_value(std::uint32_t id, std::size_t offset) { nodes_[id].value = offset; }
  void set_end(std::uint32_t id, std::size_t offset) { nodes_[id].end = offset; }
  void set_key(std::uint32_t id, std::size_t offset) { nodes_[id].key = offset; }
  /// The JSON Pointer of node `id`.
  std::string pointer_of(std::uint32_t id) const;

 private:
  static constexpr std::size_t npos = std::string::npos;
  /// One value read: where it starts and ends and where its member name starts (npos: not
  /// seen); its place in the tree (`index`: its position among its parent's values).
  struct Node {
    std::size_t value = npos, end = npos, key = npos;
    std::uint32_t parent = kNone, first_child = kNone, last_child = kNone, next = kNone;
    std::uint32_t index = 0;
    std::uint32_t children = 0;
    bool member = false;
    std::string name;
  };
  /// The children of a value with many (an object of thousands of unknown members, a long
  /// array), so that looking one up does not walk them all: elements by index, members by name
  /// (every child of that name, in the order of the text).
  struct Index {
    std::vector<std::uint32_t> elements;
    std::unordered_map<std::string, std::vector<std::uint32_t>> members;
  };
  static constexpr std::uint32_t kIndexFrom = 16;  // children
  void index(std::uint32_t parent, std::uint32_t child);
  /// The first node, in the order of the text, at exactly `pointer`; kNone if none.
  std::uint32_t find(std::string_view pointer) const;
  std::uint32_t find_from(std::uint32_t node, std::string_view rest) const;
  std::vector<Node> nodes_;
  std::unordered_map<std::uint32_t, Index> indexes_;  // by parent node, for those of kIndexFrom children or more
  std::vector<std::size_t> line_starts_{0};
  std::size_t bom_ = 0;
  std::size_t size_ = 0;
};

/// An input iterator over a text that publishes how many bytes nlohmann's lexer has consumed
/// (`*consumed`, from `base`), so that a SAX handler knows where each event happened.
struct CountingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* p = nullptr;
  const char* base = nullptr;
  std::size_t* consumed = nullptr;

  reference operator*() const { return *p; }
  CountingIterator& operator++() {
    ++p;
    *consumed = static_cast<std::size_t>(p - base);
    return *this;
  }
  CountingIterator operator++(int) {
    auto copy = *this;
    ++*this;
    return copy;
  }
  bool operator==(const CountingIterator& o) const { return p == o.p; }
  bool operator!=(const CountingIterator& o) const { return p != o.p; }
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
