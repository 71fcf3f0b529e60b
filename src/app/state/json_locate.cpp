// A small recursive JSON scanner that records byte spans along one JSON Pointer path; see
// json_locate.hpp. It never allocates per value except for decoded object keys, and it stops
// quietly at the first syntax error (the core reports those, with their location).
#include "state/json_locate.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace reqcheck::app {
namespace {

/// Splits an RFC 6901 pointer into unescaped reference tokens ("~1" is "/", "~0" is "~").
std::vector<std::string> split_pointer(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  std::size_t i = pointer.front() == '/' ? 1 : 0;
  std::string cur;
  for (; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(cur);
      cur.clear();
    } else if (pointer[i] == '~' && i + 1 < pointer.size() && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
      cur += pointer[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      cur += pointer[i];
    }
  }
  return tokens;
}

/// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Scanner {
 public:
  Scanner(std::string_view text, std::vector<std::string> tokens) : t_(text), tokens_(std::move(tokens)) {}

  TextSpan run() {
    value(0, true, npos);
    return best_;
  }

 private:
  static constexpr std::size_t npos = std::string_view::npos;
  static constexpr std::size_t max_depth = 256;

  void skip_ws() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
  }

  /// Reads a string at `i_` (which is a quote); decodes it into `out` when asked.
  bool string(std::string* out) {
    ++i_;
    while (i_ < t_.size()) {
      char c = t_[i_++];
      if (c == '"') return true;
      if (c != '\\') {
        if (out) *out += c;
        continue;
      }
      if (i_ >= t_.size()) return false;
      char e = t_[i_++];
      if (!out) {
        if (e == 'u') i_ += 4;
        continue;
      }
      switch (e) {
        case 'n': *out += '\n'; break;
        case 't': *out += '\t'; break;
        case 'r': *out += '\r'; break;
        case 'b': *out += '\b'; break;
        case 'f': *out += '\f'; break;
        case 'u': {
          if (i_ + 4 > t_.size()) return false;
          unsigned cp = 0;
          for (int k = 0; k < 4; ++k) {
            char h = t_[i_++];
            cp <<= 4;
            if (h >= '0' && h <= '9') cp |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f') cp |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') cp |= static_cast<unsigned>(h - 'A' + 10);
            else return false;
          }
          append_utf8(*out, cp);
          break;
        }
        default: *out += e; break;
      }
    }
    return false;
  }

  /// Records a node on the pointer's path: deeper nodes win; `key_begin` marks its key.
  void record(std::size_t depth, std::size_t begin, std::size_t end, std::size_t key_begin) {
    if (best_.found && depth < best_depth_) return;
    best_depth_ = depth;
    best_.found = true;
    best_.exact = depth == tokens_.size();
    if (best_.exact) {
      best_.begin = begin;
      best_.end = end;
    } else if (key_begin == npos) {
      // an array element or the document: a cursor just inside it, where a member would go
      best_.begin = best_.end = std::min(begin + 1, end);
    } else {
      // an ancestor of a missing value: point at its key rather than selecting a whole object
      best_.begin = key_begin;
      best_.end = begin;
      while (best_.end > best_.begin && (t_[best_.end - 1] == ':' || t_[best_.end - 1] == ' ')) --best_.end;
    }
  }

  /// Scans one value; `on_path`: the path so far equals the pointer's first `depth` tokens.
  bool value(std::size_t depth, bool on_path, std::size_t key_begin) {
    if (depth > max_depth) return false;  // deeper than any request: stop before the stack does
    skip_ws();
    if (i_ >= t_.size()) return false;
    const std::size_t begin = i_;
    if (on_path) record(depth, begin, begin + 1, key_begin);
    bool ok = true;
    const char c = t_[i_];
    if (c == '{') {
      ++i_;
      skip_ws();
      if (i_ < t_.size() && t_[i_] == '}') {
        ++i_;
      } else {
        while (ok) {
          skip_ws();
          if (i_ >= t_.size() || t_[i_] != '"') return false;
          const std::size_t kb = i_;
          std::string key;
          if (!string(&key)) return false;
          skip_ws();
          if (i_ >= t_.size() || t_[i_] != ':') return false;
          ++i_;
          const bool child_on_path = on_path && depth < tokens_.size() && key == tokens_[depth];
          ok = value(depth + 1, child_on_path, kb);
          skip_ws();
          if (!ok || i_ >= t_.size()) return false;
          if (t_[i_] == ',') { ++i_; continue; }
          if (t_[i_] == '}') { ++i_; break; }
          return false;
        }
      }
    } else if (c == '[') {
      ++i_;
      skip_ws();
      if (i_ < t_.size() && t_[i_] == ']') {
        ++i_;
      } else {
        for (std::size_t index = 0; ok; ++index) {
          const bool child_on_path = on_path && depth < tokens_.size() && tokens_[depth] == std::to_string(index);
          ok = value(depth + 1, child_on_path, npos);
          skip_ws();
          if (!ok || i_ >= t_.size()) return false;
          if (t_[i_] == ',') { ++i_; continue; }
          if (t_[i_] == ']') { ++i_; break; }
          return false;
        }
      }
    } else if (c == '"') {
      if (!string(nullptr)) return false;
    } else {
      while (i_ < t_.size() && t_[i_] != ',' && t_[i_] != '}' && t_[i_] != ']' && t_[i_] != ' ' && t_[i_] != '\n' &&
             t_[i_] != '\r' && t_[i_] != '\t') {
        ++i_;
      }
      if (i_ == begin) return false;
    }
    if (on_path) record(depth, begin, i_, key_begin);
    return ok;
  }

  std::string_view t_;
  std::vector<std::string> tokens_;
  std::size_t i_ = 0;
  std::size_t best_depth_ = 0;
  TextSpan best_;
};

}  // namespace

TextSpan locate_pointer(std::string_view text, std::string_view pointer) {
  return Scanner(text, split_pointer(pointer)).run();
}

std::size_t offset_of(std::string_view text, int line, int column) {
  std::size_t i = 0;
  for (int l = 1; l < line && i < text.size(); ++i) {
    if (text[i] == '\n') ++l;
  }
  for (int c = 1; c < column && i < text.size() && text[i] != '\n'; ++c) ++i;
  return i;
}

}  // namespace reqcheck::app
