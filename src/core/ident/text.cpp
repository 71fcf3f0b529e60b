// Small text helpers shared by the identifier checks and the input parser: ASCII case folding,
// script detection for look-alike identifiers (SUBJ-02), BCP 47 primary subtags, and the edit
// distance behind "did you mean" hints. UTF-8 is assumed valid (the JSON parser checks it).
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "ident/identifiers.hpp"

namespace reqcheck::ident {
namespace {

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

char32_t next_code_point(std::string_view s, size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

bool unicode_space(char32_t cp) {
  // Unicode's White_Space property, the characters a writer may type between digits or leave
  // around an address without seeing them
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool unicode_dash(char32_t cp) {
  // general category Pd plus U+2212 minus: what people type between groups of digits
  return cp == 0x2D || cp == 0x058A || cp == 0x05BE || cp == 0x1400 || cp == 0x1806 || (cp >= 0x2010 && cp <= 0x2015) ||
         cp == 0x2E17 || cp == 0x2E1A || cp == 0x2E3A || cp == 0x2E3B || cp == 0x2E40 || cp == 0x301C || cp == 0x3030 ||
         cp == 0x30A0 || cp == 0xFE31 || cp == 0xFE32 || cp == 0xFE58 || cp == 0xFE63 || cp == 0xFF0D || cp == 0x2212;
}

bool invisible(char32_t cp) {
  return cp == 0xAD || cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5 ||
         (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x206F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) ||
         cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0x1BCA0 && cp <= 0x1BCA3) ||
         (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0000 && cp <= 0xE0FFF);
}

std::string code_point_name(char32_t cp) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out = "U+";
  const int digits = cp > 0xFFFF ? (cp > 0xFFFFF ? 6 : 5) : 4;
  for (int k = digits - 1; k >= 0; --k) out += hex[(cp >> (4 * k)) & 0xF];
  struct Named { char32_t cp; const char* name; };
  // names for the characters a reader cannot tell apart by looking
  static constexpr Named names[] = {
      {0x09, "tab"}, {0x0A, "line feed"}, {0x0D, "carriage return"}, {0xA0, "no-break space"}, {0xAD, "soft hyphen"},
      {0x2002, "en space"}, {0x2003, "em space"}, {0x2007, "figure space"}, {0x2009, "thin space"}, {0x200A, "hair space"},
      {0x200B, "zero width space"}, {0x200C, "zero width non-joiner"}, {0x200D, "zero width joiner"},
      {0x200E, "left-to-right mark"}, {0x200F, "right-to-left mark"}, {0x2010, "hyphen"}, {0x2011, "non-breaking hyphen"},
      {0x2012, "figure dash"}, {0x2013, "en dash"}, {0x2014, "em dash"}, {0x202E, "right-to-left override"},
      {0x202F, "narrow no-break space"}, {0x2060, "word joiner"}, {0x2212, "minus sign"}, {0x3000, "ideographic space"},
      {0xFEFF, "zero width no-break space"}, {0xFF0D, "full-width hyphen-minus"}};
  for (const auto& n : names)
    if (n.cp == cp) return out + " " + n.name;
  return out;
}

std::string lookalike_script(std::string_view text) {
  std::vector<std::string> scripts, hidden;
  bool non_ascii = false;
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    if (cp >= 0x80) non_ascii = true;
    // a character that shows as nothing or as a plain space is named, not counted as a script
    if (cp >= 0x80 && (invisible(cp) || unicode_space(cp))) {
      if (const auto name = code_point_name(cp); std::find(hidden.begin(), hidden.end(), name) == hidden.end()) hidden.push_back(name);
      continue;
    }
    if (const char* sc = script_of(cp); sc && std::find(scripts.begin(), scripts.end(), sc) == scripts.end())
      scripts.push_back(sc);
  }
  if (!non_ascii) return {};
  std::string hidden_names;
  for (size_t k = 0; k < hidden.size(); ++k) hidden_names += (k ? ", " : "") + hidden[k];
  std::vector<std::string> others;
  for (auto& s : scripts)
    if (s != "Latin") others.push_back(s);
  if (others.empty()) return "contains characters that cannot be seen (" + hidden_names + ")";
  std::string names;
  for (size_t k = 0; k < others.size(); ++k) names += (k ? ", " : "") + others[k];
  const bool mixed = std::find(scripts.begin(), scripts.end(), "Latin") != scripts.end();
  const std::string also = hidden.empty() ? "" : ", and characters that cannot be seen (" + hidden_names + ")";
  return (mixed ? "mixes Latin letters with " + names + " characters that can look alike" : "contains non-ASCII characters (" + names + ")") + also;
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
  for (auto& c : out)  // ASCII only, without a call into the C locale per byte
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string ascii_upper(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::size_t first_invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    const std::uint32_t cp = len == 1 ? c
                             : len == 2 ? ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3F)
                             : len == 3 ? ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3F)
                                        : ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3F);
    const std::uint32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : len == 4 ? 0x10000 : 0;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;  // overlong, out of range, surrogate
    i += len;
  }
  return std::string_view::npos;
}


std::string escape_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    const bool c1 = b == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    // bidirectional controls (U+200E/F, U+202A–202E, U+2066–2069) would reorder what follows
    // them on a terminal or a page: a reference could show as another
    if (b == 0xE2 && i + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      const auto b2 = static_cast<unsigned char>(text[i + 2]);
      const bool bidi = (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) || (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9);
      if (bidi) {
        char esc[8];
        std::snprintf(esc, sizeof esc, "\\u%04X", 0x2000 + ((b1 & 0x3F) << 6) + (b2 & 0x3F));
        out += esc;
        i += 2;
        continue;
      }
    }
    if (b < 0x20 || b == 0x7F || c1) {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\u%04X", c1 ? static_cast<unsigned char>(text[++i]) : b);
      out += esc;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string utf8(char32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  std::string out;
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
  return out;
}

}  // namespace reqcheck::ident
