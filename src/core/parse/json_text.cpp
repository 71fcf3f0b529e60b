// Reads JSON text in one pass of nlohmann's SAX parser, whose handler builds the DOM, records
// where each value starts and ends (a tree of nodes, no JSON Pointer strings), and enforces the
// limits and unique keys. It learns positions through an iterator that counts the bytes
// nlohmann's lexer has consumed.
#include "parse/json_text.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <tuple>

#include "parse/codes.hpp"
#include "parse/limits.hpp"

namespace reqcheck::parse {
namespace {

using nlohmann::json;

/// std::isspace in the "C" locale, without a call per byte.
constexpr bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

/// An open object or array: its node, the node of the member or element last begun in it, and
/// how many elements (of an array) have begun.
struct Frame {
  bool array = false;
  std::uint32_t node = Locations::kNone;
  std::uint32_t child = Locations::kNone;
  std::size_t index = 0;
};

/// SAX handler that builds the DOM, records locations and stops at the first limit exceeded.
class LocatingHandler {
 public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  LocatingHandler(std::string_view text, const std::size_t& consumed, JsonDocument& doc, json& root)
      : text_(text), consumed_(consumed), doc_(doc), loc_(doc.locations), root_(root) {}

  bool null() { return scalar(json(nullptr)); }
  bool boolean(bool b) { return scalar(json(b)); }
  bool number_integer(number_integer_t n) { return scalar(json(n)); }
  bool number_unsigned(number_unsigned_t n) { return scalar(json(n)); }
  bool number_float(number_float_t n, const string_t&) { return scalar(json(n)); }
  bool string(string_t& s) {
    if (s.size() > kMaxStringBytes) {
      const std::size_t start = skip(last_end_);  // point at the string, not its member name
      const std::uint32_t node = value_node();
      loc_.set_value(node, start);
      loc_.set_end(node, scalar_end(start));
      return limit("INPUT.string_too_long", loc_.pointer_of(node),
                   "a string of " + std::to_string(s.size()) + " bytes is longer than the limit of " + std::to_string(kMaxStringBytes) +
                       " bytes");
    }
    return scalar(json(s));
  }
  bool binary(binary_t&) { return scalar(json(nullptr)); }

  bool start_object(std::size_t) { return open(false); }
  bool start_array(std::size_t) { return open(true); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(string_t& k) {
    auto& f = stack_.back();
    const std::size_t start = skip(last_end_);
    last_end_ = consumed_;
    expecting_value_ = true;
    f.child = loc_.add_node(f.node, k, true);
    loc_.set_key(f.child, start);
    auto& members = dom_.back()->get_ref<json::object_t&>();
    const auto [member, inserted] = members.emplace(k, nullptr);
    member_ = &member->second;
    if (k.size() > kMaxStringBytes)
      return limit("INPUT.key_too_long", loc_.pointer_of(f.child),
                   "a member name of " + std::to_string(k.size()) + " bytes is longer than the limit of " +
                       std::to_string(kMaxStringBytes) + " bytes");
    if (!inserted) {
      const std::string ptr = loc_.pointer_of(f.child);
      if (doc_.diagnostics.size() >= kMaxDiagnostics)
        return limit("INPUT.too_many_problems", ptr,
                     "more than " + std::to_string(kMaxDiagnostics) + " duplicate keys: reading stopped here");
      auto d = diag("INPUT.duplicate_key", ptr, "duplicate key `" + k + "`",
                    "keep one `" + k + "` in this object: with two, it is unclear which one the issuer meant");
      std::tie(d.line, d.column) = loc_.line_column(start);
      doc_.diagnostics.push_back(std::move(d));
    }
    return true;
  }

  bool parse_error(std::size_t /*position*/, const std::string& last_token, const nlohmann::detail::exception& ex) {
    // `last_token` ends with the byte the lexer failed on (it may hold bytes before it too)
    const std::string reason = strip_library_id(ex.what());
    // nlohmann reports where its lexer stopped; the start of the offending token is more useful
    const auto [line, col] = loc_.line_column(!last_token.empty() && (last_token.back() == ',' || last_token.back() == ':') ? last_separator(last_end_) : skip(last_end_));
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
                                     std::to_string(kMaxBatchRequests) + " of them"
                               : std::string("correct the JSON where shown (line and column); a JSON validator or the editor's "
                                             "highlighting helps find unbalanced quotes and braces"));
    d.line = line;
    d.column = col;
    doc_.diagnostics.push_back(std::move(d));
    return false;
  }

 private:
  std::size_t skip(std::size_t from) const {
    while (from < text_.size() && (blank(text_[from]) || text_[from] == ',' ||
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
      else if (!blank(c)) break;
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
    while (i < text_.size() && !blank(text_[i]) && text_[i] != ',' && text_[i] != ']' &&
           text_[i] != '}' && text_[i] != ':')
      ++i;
    return i;
  }

  /// The pointer of the member last named, or of the array element about to be read.
  std::string child_pointer() const {
    if (stack_.empty()) return "";
    const auto& f = stack_.back();
    if (f.array) return pointer_append(loc_.pointer_of(f.node), f.index);
    return f.child == Locations::kNone ? pointer_append(loc_.pointer_of(f.node), "") : loc_.pointer_of(f.child);
  }

  /// Where a syntax error lies: the member or element being read, else the open container.
  std::string error_pointer() const {
    if (stack_.empty()) return "";
    const auto& f = stack_.back();
    if (f.array) return pointer_append(loc_.pointer_of(f.node), f.index);
    return expecting_value_ ? child_pointer() : loc_.pointer_of(f.node);
  }

  /// The node of the value about to be read: the member named last, or a new array element, or
  /// the document.
  std::uint32_t value_node() {
    if (stack_.empty()) return loc_.add_node(Locations::kNone, {}, false);
    auto& f = stack_.back();
    if (f.array) return loc_.add_node(f.node, {}, false);
    return f.child;
  }

  /// Records the start of the value about to be completed and advances the parent's index;
  /// kNone when the array is over its limit.
  std::uint32_t begin_value() {
    expecting_value_ = false;
    const std::uint32_t node = value_node();
    value_start_ = skip(last_end_);
    loc_.set_value(node, value_start_);
    if (!stack_.empty() && stack_.back().array) {
      if (++stack_.back().index > kMaxArrayItems) {
        limit("INPUT.too_many_elements", loc_.pointer_of(stack_.back().node),
              "an array of more than " + std::to_string(kMaxArrayItems) + " elements exceeds the limit");
        return Locations::kNone;
      }
    }
    return node;
  }

  /// Puts a value into the DOM: the document, the next element of the open array, or the value
  /// of the member named last.
  json* put(json&& v) {
    if (dom_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    if (dom_.back()->is_array()) {
      auto& elements = dom_.back()->get_ref<json::array_t&>();
      elements.push_back(std::move(v));
      return &elements.back();
    }
    *member_ = std::move(v);
    return member_;
  }

  bool scalar(json&& v) {
    const std::uint32_t node = begin_value();
    if (node != Locations::kNone) loc_.set_end(node, scalar_end(value_start_));
    last_end_ = consumed_;
    if (node == Locations::kNone) return false;
    put(std::move(v));
    return true;
  }

  bool open(bool array) {
    const std::uint32_t node = begin_value();
    if (node == Locations::kNone) return false;
    last_end_ = consumed_;
    if (stack_.size() >= kMaxDepth)
      return limit("INPUT.too_deep", loc_.pointer_of(node), "nesting deeper than " + std::to_string(kMaxDepth) + " levels exceeds the limit");
    stack_.push_back(Frame{array, node, Locations::kNone, 0});
    dom_.push_back(put(json(array ? json::value_t::array : json::value_t::object)));
    return true;
  }

  bool close() {
    last_end_ = consumed_;
    // the lexer has read the closing bracket (and nothing after it): the container ends there
    const char closer = stack_.back().array ? ']' : '}';
    std::size_t end = std::min(consumed_, text_.size());
    while (end > 0 && text_[end - 1] != closer) --end;
    loc_.set_end(stack_.back().node, end);
    stack_.pop_back();
    dom_.pop_back();
    return true;
  }

  bool limit(std::string_view code, const std::string& pointer, std::string message) {
    auto d = diag(code, pointer, std::move(message),
                  code == "INPUT.too_many_problems"
                      ? std::string()
                      : std::string("a request holds a few kilobytes; split the input or remove what does not belong to the request"));
    std::tie(d.line, d.column) = loc_.value(pointer);
    doc_.diagnostics.push_back(std::move(d));
    return false;
  }

  std::string_view text_;
  const std::size_t& consumed_;
  JsonDocument& doc_;
  Locations& loc_;
  json& root_;
  std::vector<Frame> stack_;
  std::vector<json*> dom_;  // the open containers of the DOM
  json* member_ = nullptr;  // the value of the member named last
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
  indexes_.clear();
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  for (const char* p = begin; p < end;) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (!nl) break;
    p = static_cast<const char*>(nl) + 1;
    line_starts_.push_back(static_cast<std::size_t>(p - begin));
  }
  nodes_.clear();
}

std::pair<int, int> Locations::line_column(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::size_t>(it - line_starts_.begin());
  return {static_cast<int>(line), static_cast<int>(offset - line_starts_[line - 1] + 1)};
}

std::uint32_t Locations::add_node(std::uint32_t parent, std::string_view name, bool member) {
  const auto id = static_cast<std::uint32_t>(nodes_.size());
  nodes_.emplace_back();
  Node& n = nodes_.back();
  n.parent = parent;
  n.member = member;
  if (member) n.name.assign(name.data(), name.size());
  if (parent != kNone) {
    Node& p = nodes_[parent];
    if (p.last_child == kNone) p.first_child = id;
    else {
      n.index = nodes_[p.last_child].index + 1;
      nodes_[p.last_child].next = id;
    }
    p.last_child = id;
    if (++p.children == kIndexFrom) {  // from now on indexed
      for (std::uint32_t c = p.first_child; c != kNone; c = nodes_[c].next) index(parent, c);
    } else if (p.children > kIndexFrom) {
      index(parent, id);
    }
  }
  return id;
}

void Locations::index(std::uint32_t parent, std::uint32_t child) {
  Index& i = indexes_[parent];
  const Node& c = nodes_[child];
  if (c.member) i.members[c.name].push_back(child);
  else i.elements.push_back(child);
}

std::string Locations::pointer_of(std::uint32_t id) const {
  if (id == kNone || nodes_[id].parent == kNone) return "";
  const Node& n = nodes_[id];
  const std::string parent = pointer_of(n.parent);
  return n.member ? pointer_append(parent, n.name) : pointer_append(parent, static_cast<std::size_t>(n.index));
}

namespace {

/// Whether the RFC 6901 reference token `token` (escaped: `~0`, `~1`) names the member `name`.
bool token_is(std::string_view token, std::string_view name) {
  std::size_t j = 0;
  for (std::size_t i = 0; i < token.size(); ++i, ++j) {
    char c = token[i];
    if (c == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) c = token[++i] == '0' ? '~' : '/';
    if (j >= name.size() || name[j] != c) return false;
  }
  return j == name.size();
}

/// The array index a reference token names, as pointer_append writes it (no sign, no leading
/// zero); npos if none.
std::size_t token_index(std::string_view token) {
  if (token.empty() || token.size() > 9 || (token.size() > 1 && token[0] == '0')) return std::string::npos;
  std::size_t n = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return std::string::npos;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

}  // namespace

// the first node of a pointer in the text stands (a duplicate key's value is not the one read):
// the children are searched in the order of the text, and a later duplicate only when the
// earlier ones lead nowhere
std::uint32_t Locations::find_from(std::uint32_t node, std::string_view rest) const {
  if (rest.empty()) return node;
  // rest starts with '/'
  const std::size_t slash = rest.find('/', 1);
  const std::string_view token = rest.substr(1, slash == std::string_view::npos ? std::string_view::npos : slash - 1);
  const std::string_view after = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  const std::size_t index = token_index(token);
  if (nodes_[node].children >= kIndexFrom) {
    const Index& i = indexes_.at(node);
    if (i.members.empty()) return index < i.elements.size() ? find_from(i.elements[index], after) : kNone;
    std::string name;  // the token unescaped
    for (std::size_t k = 0; k < token.size(); ++k) {
      if (token[k] == '~' && k + 1 < token.size() && (token[k + 1] == '0' || token[k + 1] == '1')) name += token[++k] == '0' ? '~' : '/';
      else name += token[k];
    }
    const auto it = i.members.find(name);
    if (it == i.members.end()) return kNone;
    for (const std::uint32_t c : it->second)
      if (const std::uint32_t found = find_from(c, after); found != kNone) return found;
    return kNone;
  }
  for (std::uint32_t c = nodes_[node].first_child; c != kNone; c = nodes_[c].next) {
    const Node& n = nodes_[c];
    if (n.member ? !token_is(token, n.name) : n.index != index) continue;
    if (const std::uint32_t found = find_from(c, after); found != kNone) return found;
  }
  return kNone;
}

std::uint32_t Locations::find(std::string_view pointer) const {
  if (nodes_.empty() || (!pointer.empty() && pointer[0] != '/')) return kNone;
  return find_from(0, pointer);
}

std::optional<Span> Locations::span(const std::string& pointer) const {
  std::string_view p = pointer;
  while (true) {
    if (const std::uint32_t id = find(p); id != kNone && nodes_[id].value != npos) {
      const Node& e = nodes_[id];
      Span s;
      s.offset = bom_ + e.value;
      s.end = bom_ + (e.end != npos ? e.end : size_);
      std::tie(s.line, s.column) = line_column(e.value);
      return s;
    }
    if (p.empty()) return std::nullopt;
    p = p.substr(0, std::min(p.rfind('/'), p.size() - 1));
  }
}

std::pair<int, int> Locations::value(const std::string& pointer) const {
  std::string_view p = pointer;
  while (true) {
    if (const std::uint32_t id = find(p); id != kNone) {
      if (nodes_[id].value != npos) return line_column(nodes_[id].value);
      if (nodes_[id].key != npos) return line_column(nodes_[id].key);
    }
    if (p.empty()) return {0, 0};
    p = p.substr(0, std::min(p.rfind('/'), p.size() - 1));
  }
}

std::optional<std::size_t> Locations::value_offset(const std::string& pointer) const {
  if (const std::uint32_t id = find(pointer); id != kNone && nodes_[id].value != npos) return nodes_[id].value;
  return std::nullopt;
}

std::pair<int, int> Locations::key(const std::string& pointer) const {
  if (const std::uint32_t id = find(pointer); id != kNone && nodes_[id].key != npos) return line_column(nodes_[id].key);
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
  doc.locations.reserve(std::min<std::size_t>(readable.size() / 24 + 4, 1 << 12));  // about a value per 24 bytes
  json root;
  LocatingHandler handler(readable, consumed, doc, root);
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
  doc.json = std::move(root);
  return doc;
}

}  // namespace reqcheck::parse
