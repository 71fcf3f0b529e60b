// Small text helpers shared by the identifier checks and the input parser: ASCII case folding,
// script detection for look-alike identifiers (SUBJ-02), BCP 47 primary subtags, and the edit
// distance behind "did you mean" hints. UTF-8 is assumed valid (the JSON parser checks it).
#include <algorithm>
#include <cctype>
#include <vector>

#include "ident/identifiers.hpp"

namespace reqcheck::ident {
namespace {

/// Decodes the next UTF-8 code point; the input is already valid UTF-8.
char32_t next_code_point(std::string_view s, size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

const char* script_of(char32_t cp) {
  if (cp < 0x80) return std::isalpha(static_cast<int>(cp)) ? "Latin" : nullptr;
  if (cp >= 0x0370 && cp <= 0x03FF) return "Greek";
  if (cp >= 0x0400 && cp <= 0x052F) return "Cyrillic";
  if (cp >= 0x0530 && cp <= 0x058F) return "Armenian";
  if (cp >= 0x0590 && cp <= 0x05FF) return "Hebrew";
  if (cp >= 0x0600 && cp <= 0x06FF) return "Arabic";
  if (cp >= 0x00C0 && cp <= 0x024F) return "Latin with diacritics";
  if (cp >= 0xFF00 && cp <= 0xFFEF) return "full-width forms";
  return "other non-ASCII";
}

}  // namespace

std::string lookalike_script(std::string_view text) {
  std::vector<std::string> scripts;
  bool non_ascii = false;
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    if (cp >= 0x80) non_ascii = true;
    if (const char* sc = script_of(cp); sc && std::find(scripts.begin(), scripts.end(), sc) == scripts.end())
      scripts.push_back(sc);
  }
  if (!non_ascii) return {};
  std::vector<std::string> others;
  for (auto& s : scripts)
    if (s != "Latin") others.push_back(s);
  std::string names;
  for (size_t k = 0; k < others.size(); ++k) names += (k ? ", " : "") + others[k];
  const bool mixed = std::find(scripts.begin(), scripts.end(), "Latin") != scripts.end();
  return mixed ? "mixes Latin letters with " + names + " characters that can look alike"
               : "contains non-ASCII characters (" + names + ")";
}

std::string primary_language(std::string_view tag) {
  const auto end = tag.find_first_of("-_");
  const auto primary = tag.substr(0, end);
  if (primary.size() < 2 || primary.size() > 8) return {};
  for (char c : primary)
    if (!std::isalpha(static_cast<unsigned char>(c))) return {};
  return ascii_lower(primary);
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace reqcheck::ident
