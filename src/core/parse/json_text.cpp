// Reads JSON text twice: a SAX pass that records where each value starts and ends and enforces
// the limits and unique keys, then nlohmann::json's own DOM parse. The SAX pass learns positions
// through an iterator that counts the bytes nlohmann's lexer has consumed.
#include "parse/json_text.hpp"

#include <algorithm>
#include <iterator>
#include <set>
#include <tuple>

#include "parse/codes.hpp"
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
      const std::size_t start = skip(last_end_);  // point at the string, not its member name
      doc_.locations.add_value(child_pointer(), start);
      doc_.locations.add_end(child_pointer(), scalar_end(start));
      return limit("INPUT.string_too_long", child_pointer(),
                   "a string of " + std::to_string(s.size()) + " bytes is longer than the limit of " + std::to_string(kMaxStringBytes) +
                       " bytes");
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
      return limit("INPUT.key_too_long", ptr, "a member name of " + std::to_string(k.size()) + " bytes is longer than the limit of " +
                            std::to_string(kMaxStringBytes) + " bytes");
    if (!f.keys.insert(k).second) {
      if (doc_.diagnostics.size() >= kMaxDiagnostics)
        return limit("INPUT.too_many_problems", ptr,
                     "more than " + std::to_string(kMaxDiagnostics) + " duplicate keys: reading stopped here");
      auto d = diag("INPUT.duplicate_key", ptr, "duplicate key `" + k + "`",
                    "keep one `" + k + "` in this object: with two, it is unclear which one the issuer meant");
      std::tie(d.line, d.column) = doc_.locations.line_column(start);
      doc_.diagnostics.push_back(std::move(d));
    }
    return true;
  }

  bool parse_error(std::size_t /*position*/, const std::string& last_token, const nlohmann::detail::exception& ex) override {
    // `last_token` ends with the byte the lexer failed on (it may hold bytes before it too)
    const std::string reason = strip_library_id(ex.what());
    // nlohmann reports where its lexer stopped; the start of the offending token is more useful
    const auto [line, col] = doc_.locations.line_column(!last_token.empty() && (last_token.back() == ',' || last_token.back() == ':') ? last_separator(last_end_) : skip(last_end_));
    // a second value after the first: several requests not written as a batch, or over its
    // limit ("; expected end of input": "unexpected end of input", a truncated text, contains it)
    const bool second_value = reason.find("; expected end of input") != std::string::npos;
    const bool blank = text_.find_first_not_of(" \t\r\n") == std::string_view::npos;
    const std::string_view code = blank                                           ? "INPUT.empty_text"
                                  : second_value                                  ? "INPUT.trailing_text"
                                  : reason.find("ill-formed UTF-8") != std::string::npos ? "INPUT.invalid_utf8"
                                                                                  : "INPUT.not_json";
    auto d = diag(code, error_pointer(), "the text is not valid JSON: " + reason,
                  second_value ? "a request is one JSON object; several requests go in a JSON array or one per line (NDJSON), at most " +
                                     std::to_string(kMaxArrayItems) + " of them"
                               : std::string("correct the JSON where shown (line and column); a JSON validator or the editor's "
                                             "highlighting helps find unbalanced quotes and braces"));
    d.line = line;
    d.column = col;
    doc_.diagnostics.push_back(std::move(d));
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

  /// Where the scalar starting at `start` ends: past the closing quote of a string (escapes
  /// skipped), else at the first blank or structural character after a number or literal.
  /// Scanned rather than read from the lexer, which reads one byte past a number.
  std::size_t scalar_end(std::size_t start) const {
    std::size_t i = start;
    if (i < text_.size() && text_[i] == '"') {
      for (++i; i < text_.size(); ++i) {
        if (text_[i] == '\\') ++i;
        else if (text_[i] == '"') return i + 1;
      }
      return text_.size();
    }
    while (i < text_.size() && !std::isspace(static_cast<unsigned char>(text_[i])) && text_[i] != ',' && text_[i] != ']' &&
           text_[i] != '}' && text_[i] != ':')
      ++i;
    return i;
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
    value_start_ = skip(last_end_);
    doc_.locations.add_value(ptr, value_start_);
    if (!stack_.empty() && stack_.back().array) {
      if (++stack_.back().index > kMaxArrayItems) {
        limit("INPUT.too_many_elements", stack_.back().pointer,
              "an array of more than " + std::to_string(kMaxArrayItems) + " elements exceeds the limit");
        return {};
      }
    }
    return ptr;
  }

  bool scalar() {
    const std::size_t before = doc_.diagnostics.size();
    const std::string ptr = begin_value();
    if (doc_.diagnostics.size() == before) doc_.locations.add_end(ptr, scalar_end(value_start_));
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
      return limit("INPUT.too_deep", ptr, "nesting deeper than " + std::to_string(kMaxDepth) + " levels exceeds the limit");
    stack_.push_back(Frame{array, ptr, 0, {}, {}});
    return true;
  }

  bool close() {
    last_end_ = consumed_;
    // the lexer has read the closing bracket (and nothing after it): the container ends there
    const char closer = stack_.back().array ? ']' : '}';
    std::size_t end = std::min(consumed_, text_.size());
    while (end > 0 && text_[end - 1] != closer) --end;
    doc_.locations.add_end(stack_.back().pointer, end);
    stack_.pop_back();
    return true;
  }

  bool limit(std::string_view code, const std::string& pointer, std::string message) {
    auto d = diag(code, pointer, std::move(message),
                  code == "INPUT.too_many_problems"
                      ? std::string()
                      : std::string("a request holds a few kilobytes; split the input or remove what does not belong to the request"));
    std::tie(d.line, d.column) = doc_.locations.value(pointer);
    doc_.diagnostics.push_back(std::move(d));
    return false;
  }

  std::string_view text_;
  const std::size_t& consumed_;
  JsonDocument& doc_;
  std::vector<Frame> stack_;
  std::size_t last_end_ = 0;
  std::size_t value_start_ = 0;
  bool expecting_value_ = false;
};

}  // namespace

bool has_errors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) { return !d.review; });
}

void Locations::set_text(std::string_view text, std::size_t bom) {
  bom_ = bom;
  size_ = text.size();
  line_starts_.assign(1, 0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts_.push_back(i + 1);
}

std::pair<int, int> Locations::line_column(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::size_t>(it - line_starts_.begin());
  return {static_cast<int>(line), static_cast<int>(offset - line_starts_[line - 1] + 1)};
}

const Locations::Entry* Locations::find(const std::string& pointer) const {
  auto it = at_.find(pointer);
  return it == at_.end() ? nullptr : &it->second;
}

// the first record of a pointer stands (a duplicate key's value is not the one read)
void Locations::add_value(std::string pointer, std::size_t offset) {
  auto& e = at_[std::move(pointer)];
  if (e.value == std::string::npos) e.value = offset;
}
void Locations::add_end(std::string pointer, std::size_t offset) {
  auto& e = at_[std::move(pointer)];
  if (e.end == std::string::npos) e.end = offset;
}
void Locations::add_key(std::string pointer, std::size_t offset) {
  auto& e = at_[std::move(pointer)];
  if (e.key == std::string::npos) e.key = offset;
}

std::optional<Span> Locations::span(const std::string& pointer) const {
  std::string p = pointer;
  while (true) {
    if (const Entry* e = find(p); e && e->value != std::string::npos) {
      Span s;
      s.offset = bom_ + e->value;
      s.end = bom_ + (e->end != std::string::npos ? e->end : size_);
      std::tie(s.line, s.column) = line_column(e->value);
      return s;
    }
    if (p.empty()) return std::nullopt;
    p = p.substr(0, p.rfind('/'));
  }
}

std::pair<int, int> Locations::value(const std::string& pointer) const {
  std::string p = pointer;
  while (true) {
    if (const Entry* e = find(p)) {
      if (e->value != std::string::npos) return line_column(e->value);
      if (e->key != std::string::npos) return line_column(e->key);
    }
    if (p.empty()) return {0, 0};
    p = p.substr(0, p.rfind('/'));
  }
}

std::optional<std::size_t> Locations::value_offset(const std::string& pointer) const {
  if (const Entry* e = find(pointer); e && e->value != std::string::npos) return e->value;
  return std::nullopt;
}

std::pair<int, int> Locations::key(const std::string& pointer) const {
  if (const Entry* e = find(pointer); e && e->key != std::string::npos) return line_column(e->key);
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
  std::size_t bom = 0;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
    bom = 3;
  }
  doc.locations.set_text(text, bom);
  const auto at_start = [&doc](std::string_view code, std::string message, std::string help = {}) {
    auto d = diag(code, "", std::move(message), std::move(help));
    d.line = d.column = 1;
    doc.diagnostics.push_back(std::move(d));
    return doc;
  };
  // UTF-16 of ASCII text alternates NUL and non-NUL bytes; any other NUL is reported where it is
  const auto alternating = [&] {
    if (text.size() < 4) return text.size() >= 2 && (text[0] == '\0' || text[1] == '\0');
    return (text[0] != '\0' && text[1] == '\0' && text[2] != '\0' && text[3] == '\0') ||
           (text[0] == '\0' && text[1] != '\0' && text[2] == '\0' && text[3] != '\0');
  };
  if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF') || alternating()))
    return at_start("INPUT.wrong_encoding", "the file is UTF-16 (or another encoding with NUL bytes), not UTF-8");
  // nlohmann's lexer would silently skip one more byte order mark
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF")
    return at_start("INPUT.double_bom", "the text starts with two byte order marks");
  if (text.size() > max_bytes)
    return at_start("INPUT.too_large",
                    "the input is " + std::to_string(text.size()) + " bytes, more than the limit of " + std::to_string(max_bytes) + " bytes");
  // nlohmann's lexer takes a NUL byte for the end of the input, so whatever follows one (a
  // second request, garbage) would be silently dropped: only the text before it is read, to
  // locate the NUL and name what precedes it, and the text is refused
  const std::size_t nul = text.find('\0');
  const std::string_view readable = text.substr(0, nul);
  std::size_t consumed = 0;
  CountingIterator first{readable.data(), readable.data(), &consumed};
  CountingIterator last{readable.data() + readable.size(), readable.data(), &consumed};
  LocatingHandler handler(readable, consumed, doc);
  const bool ok = json::sax_parse(first, last, &handler, json::input_format_t::json, true, false);
  if (nul != std::string_view::npos) {
    std::string pointer;
    // reading that stopped at the end of `readable` stopped at the NUL: that error is the NUL's
    if (!ok && consumed >= readable.size() && !doc.diagnostics.empty()) {
      const std::string_view last_code = doc.diagnostics.back().code;
      if (last_code == "INPUT.not_json" || last_code == "INPUT.empty_text" || last_code == "INPUT.trailing_text" ||
          last_code == "INPUT.invalid_utf8") {
        pointer = doc.diagnostics.back().pointer;
        doc.diagnostics.pop_back();
      }
    }
    auto d = diag("INPUT.nul_byte", pointer, "the text holds a NUL byte (U+0000), which JSON text never contains",
                  "remove the NUL byte: it often marks a file that was truncated, padded or joined to another; a NUL inside a string "
                  "is written `\\u0000`");
    std::tie(d.line, d.column) = doc.locations.line_column(nul);
    doc.diagnostics.push_back(std::move(d));
    return doc;
  }
  if (!ok || has_errors(doc.diagnostics)) return doc;
  doc.json = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.json->is_discarded()) {
    doc.json.reset();
    doc.diagnostics.push_back(diag("INPUT.not_json", "", "the text is not valid JSON", "correct the JSON"));
    doc.diagnostics.back().line = doc.diagnostics.back().column = 1;
  }
  return doc;
}

}  // namespace reqcheck::parse
