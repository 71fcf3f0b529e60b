// Reads JSON text twice: a SAX pass that records where each value starts and enforces the
// limits and unique keys, then nlohmann::json's own DOM parse. The SAX pass learns positions
// through an iterator that counts the bytes nlohmann's lexer has consumed.
#include "parse/json_text.hpp"

#include <algorithm>
#include <iterator>
#include <set>

#include "parse/limits.hpp"

namespace reqcheck::parse {
namespace {

using nlohmann::json;

/// An input iterator over the text that publishes how many bytes have been consumed.
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

struct Frame {
  bool array = false;
  std::string pointer;
  std::size_t index = 0;
  std::string key;
  std::set<std::string> keys;
};

/// SAX handler that records locations and stops at the first limit exceeded.
class LocatingHandler : public nlohmann::json_sax<json> {
 public:
  LocatingHandler(std::string_view text, const std::size_t& consumed, JsonDocument& doc)
      : text_(text), consumed_(consumed), doc_(doc) {}

  bool null() override { return scalar(); }
  bool boolean(bool) override { return scalar(); }
  bool number_integer(number_integer_t) override { return scalar(); }
  bool number_unsigned(number_unsigned_t) override { return scalar(); }
  bool number_float(number_float_t, const string_t&) override { return scalar(); }
  bool string(string_t& s) override {
    if (s.size() > kMaxStringBytes) {
      doc_.locations.add_value(child_pointer(), skip(last_end_));  // point at the string, not its member name
      return limit(child_pointer(), "a string of " + std::to_string(s.size()) + " bytes is longer than the limit of " +
                                        std::to_string(kMaxStringBytes) + " bytes");
    }
    return scalar();
  }
  bool binary(binary_t&) override { return scalar(); }

  bool start_object(std::size_t) override { return open(false); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& k) override {
    auto& f = stack_.back();
    const std::size_t start = skip(last_end_);
    last_end_ = consumed_;
    expecting_value_ = true;
    f.key = k;
    const std::string ptr = pointer_append(f.pointer, k);
    doc_.locations.add_key(ptr, start);
    if (k.size() > kMaxStringBytes)
      return limit(ptr, "a member name of " + std::to_string(k.size()) + " bytes is longer than the limit of " +
                            std::to_string(kMaxStringBytes) + " bytes");
    if (!f.keys.insert(k).second) {
      if (doc_.diagnostics.size() >= kMaxDiagnostics)
        return limit(ptr, "more than " + std::to_string(kMaxDiagnostics) + " duplicate keys: reading stopped here");
      const auto [line, col] = doc_.locations.line_column(start);
      doc_.diagnostics.push_back({ptr, line, col, "duplicate key `" + k + "`",
                                  "keep one `" + k + "` in this object: with two, it is unclear which one the issuer meant", false});
    }
    return true;
  }

  bool parse_error(std::size_t /*position*/, const std::string& last_token, const nlohmann::detail::exception& ex) override {
    // `last_token` ends with the byte the lexer failed on (it may hold bytes before it too)
    std::string reason = ex.what();
    if (auto colon = reason.find(": "); colon != std::string::npos) reason = reason.substr(colon + 2);
    // nlohmann reports where its lexer stopped; the start of the offending token is more useful
    const auto [line, col] = doc_.locations.line_column(!last_token.empty() && (last_token.back() == ',' || last_token.back() == ':') ? last_separator(last_end_) : skip(last_end_));
    // a second value after the first: several requests not written as a batch, or over its limit
    const bool second_value = reason.find("expected end of input") != std::string::npos;
    doc_.diagnostics.push_back({error_pointer(), line, col, "the text is not valid JSON: " + reason,
                                second_value ? "a request is one JSON object; several requests go in a JSON array or one per line "
                                               "(NDJSON), at most " + std::to_string(kMaxArrayItems) + " of them"
                                             : std::string("correct the JSON where shown (line and column); a JSON validator or the "
                                                           "editor's highlighting helps find unbalanced quotes and braces"),
                                false});
    return false;
  }

 private:
  std::size_t skip(std::size_t from) const {
    while (from < text_.size() && (std::isspace(static_cast<unsigned char>(text_[from])) || text_[from] == ',' ||
                                   text_[from] == ':'))
      ++from;
    return from;
  }

  /// The last of the separators (with blanks between) that follow `from`: where an unexpected
  /// `,` or `:` is, as in `[1,,2]` or `{"a":,}`, whether or not the lexer already read the first.
  std::size_t last_separator(std::size_t from) const {
    std::size_t at = from;
    for (std::size_t i = from; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == ',' || c == ':') at = i;
      else if (!std::isspace(static_cast<unsigned char>(c))) break;
    }
    return at;
  }

  std::string child_pointer() const {
    if (stack_.empty()) return "";
    const auto& f = stack_.back();
    return f.array ? pointer_append(f.pointer, f.index) : pointer_append(f.pointer, f.key);
  }

  /// Where a syntax error lies: the member or element being read, else the open container.
  std::string error_pointer() const {
    if (stack_.empty()) return "";
    const auto& f = stack_.back();
    if (f.array) return pointer_append(f.pointer, f.index);
    return expecting_value_ ? pointer_append(f.pointer, f.key) : f.pointer;
  }

  /// Records the start of the value about to be completed and advances the parent's index.
  std::string begin_value() {
    expecting_value_ = false;
    const std::string ptr = child_pointer();
    doc_.locations.add_value(ptr, skip(last_end_));
    if (!stack_.empty() && stack_.back().array) {
      if (++stack_.back().index > kMaxArrayItems) {
        limit(stack_.back().pointer, "an array of more than " + std::to_string(kMaxArrayItems) + " elements exceeds the limit");
        return {};
      }
    }
    return ptr;
  }

  bool scalar() {
    const std::size_t before = doc_.diagnostics.size();
    begin_value();
    last_end_ = consumed_;
    return doc_.diagnostics.size() == before || doc_.diagnostics.back().review;
  }

  bool open(bool array) {
    const std::size_t before = doc_.diagnostics.size();
    const std::string ptr = child_pointer();
    begin_value();
    if (doc_.diagnostics.size() != before) return false;
    last_end_ = consumed_;
    if (stack_.size() >= kMaxDepth)
      return limit(ptr, "nesting deeper than " + std::to_string(kMaxDepth) + " levels exceeds the limit");
    stack_.push_back(Frame{array, ptr, 0, {}, {}});
    return true;
  }

  bool close() {
    last_end_ = consumed_;
    stack_.pop_back();
    return true;
  }

  bool limit(const std::string& pointer, std::string message) {
    const auto [line, col] = doc_.locations.value(pointer);
    doc_.diagnostics.push_back({pointer, line, col, std::move(message),
                                "a request holds a few kilobytes; split the input or remove what does not belong to the request", false});
    return false;
  }

  std::string_view text_;
  const std::size_t& consumed_;
  JsonDocument& doc_;
  std::vector<Frame> stack_;
  std::size_t last_end_ = 0;
  bool expecting_value_ = false;
};

}  // namespace

bool has_errors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return !d.review; });
}

void Locations::set_text(std::string_view text) {
  line_starts_.assign(1, 0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts_.push_back(i + 1);
}

std::pair<int, int> Locations::line_column(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::size_t>(it - line_starts_.begin());
  return {static_cast<int>(line), static_cast<int>(offset - line_starts_[line - 1] + 1)};
}

void Locations::add_value(std::string pointer, std::size_t offset) { values_.emplace(std::move(pointer), offset); }
void Locations::add_key(std::string pointer, std::size_t offset) { keys_.emplace(std::move(pointer), offset); }

std::pair<int, int> Locations::value(const std::string& pointer) const {
  std::string p = pointer;
  while (true) {
    if (auto it = values_.find(p); it != values_.end()) return line_column(it->second);
    if (auto it = keys_.find(p); it != keys_.end()) return line_column(it->second);
    if (p.empty()) return {0, 0};
    p = p.substr(0, p.rfind('/'));
  }
}

std::optional<std::size_t> Locations::value_offset(const std::string& pointer) const {
  if (auto it = values_.find(pointer); it != values_.end()) return it->second;
  return std::nullopt;
}

std::pair<int, int> Locations::key(const std::string& pointer) const {
  if (auto it = keys_.find(pointer); it != keys_.end()) return line_column(it->second);
  return value(pointer);
}

std::string pointer_append(const std::string& pointer, std::string_view key) {
  // RFC 6901 §3 escaping written out: going through json_pointer re-parsed the whole pointer
  // for every member, which was the largest single cost of reading a request
  std::string out;
  out.reserve(pointer.size() + key.size() + 1);
  out += pointer;
  out += '/';
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string pointer_append(const std::string& pointer, std::size_t index) {
  return pointer + "/" + std::to_string(index);
}

JsonDocument read_json(std::string_view text, std::size_t max_bytes) {
  JsonDocument doc;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  doc.locations.set_text(text);
  if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF') ||
                           text[0] == '\0' || text[1] == '\0')) {
    doc.diagnostics.push_back({"", 1, 1, "the file is UTF-16 (or another encoding with NUL bytes), not UTF-8",
                               "save it as UTF-8 (most editors: Save as… → Encoding: UTF-8)", false});
    return doc;
  }
  // nlohmann's lexer would silently skip one more byte order mark
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
    doc.diagnostics.push_back({"", 1, 1, "the text starts with two byte order marks", "save the file as UTF-8 with at most one byte order mark", false});
    return doc;
  }
  if (text.size() > max_bytes) {
    doc.diagnostics.push_back({"", 1, 1,
                               "the input is " + std::to_string(text.size()) + " bytes, more than the limit of " +
                                   std::to_string(max_bytes) + " bytes",
                               "a request holds a few kilobytes; check that this is the right file", false});
    return doc;
  }
  std::size_t consumed = 0;
  CountingIterator first{text.data(), text.data(), &consumed};
  CountingIterator last{text.data() + text.size(), text.data(), &consumed};
  LocatingHandler handler(text, consumed, doc);
  const bool ok = json::sax_parse(first, last, &handler, json::input_format_t::json, true, false);
  if (!ok || has_errors(doc.diagnostics)) return doc;
  doc.json = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.json->is_discarded()) {
    doc.json.reset();
    doc.diagnostics.push_back({"", 1, 1, "the text is not valid JSON", "correct the JSON", false});
  }
  return doc;
}

}  // namespace reqcheck::parse
