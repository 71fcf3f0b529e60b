// The page's first look at a file before it replaces the request in the editor: a file that
// cannot be a request at all (an image, an archive, UTF-16 text, nothing) is refused with the
// reason, so that a wrong file never costs the liaison the request being edited.
#include <cstdio>
#include <string>

#include "ident/identifiers.hpp"
#include "reqcheck/engine.hpp"

namespace reqcheck {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

/// The kind of a binary file by its first bytes (its "magic number"), or nullptr.
const char* binary_kind(std::string_view b) {
  struct Magic {
    std::string_view bytes;
    const char* kind;
  };
  static constexpr Magic magics[] = {
      {"\x89PNG", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF8", "a GIF image"},
      {"%PDF", "a PDF document: copy the request's details into the form, or open its JSON export"},
      {"PK\x03\x04", "a ZIP archive (a .docx, .xlsx or .odt document is one): unpack it, or export the request as JSON"},
      {std::string_view("\xD0\xCF\x11\xE0", 4), "an old Microsoft Office document (.doc, .xls, .msg)"},
      {"{\\rtf", "an RTF document: save the request as plain UTF-8 text"},
      {"\x1F\x8B", "a gzip archive: unpack it first"},
  };
  for (const auto& m : magics)
    if (starts_with(b, m.bytes)) return m.kind;
  return nullptr;
}

}  // namespace

std::string not_request_text(std::string_view b) {
  if (const char* kind = binary_kind(b)) return std::string("it is ") + kind;
  // a byte order mark, or NULs between ASCII letters, give UTF-16 and UTF-32 away
  if (starts_with(b, std::string_view("\xFF\xFE\0\0", 4)) || starts_with(b, std::string_view("\0\0\xFE\xFF", 4)))
    return "it is UTF-32 text: save it as UTF-8";
  if (starts_with(b, "\xFF\xFE") || starts_with(b, "\xFE\xFF") ||
      (b.size() >= 2 && ((b[0] == '\0') != (b[1] == '\0'))))
    return "it is UTF-16 text (as Windows Notepad may save it): save it as UTF-8";
  if (const auto nul = b.find('\0'); nul != std::string_view::npos)
    return "it holds NUL bytes (the first at byte " + std::to_string(nul) + "): a binary file, not text";
  if (const auto bad = ident::first_invalid_utf8(b); bad != std::string_view::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(b[bad]));
    return "it is not UTF-8 text (byte " + std::string(hex) + " at byte " + std::to_string(bad) +
           "; perhaps Latin-1 or Windows-1252): save it as UTF-8";
  }
  std::string_view t = b;
  if (starts_with(t, "\xEF\xBB\xBF")) t.remove_prefix(3);
  const auto first = t.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return b.empty() ? "it is empty" : "it holds only blanks";
  const char c = t[first];
  if (c != '{' && c != '[' && c != '<')
    return "it is text, but neither JSON (a request starts with `{`, a batch with `[` or with a request per line) nor an "
           "HI-1 XML message (`<`)";
  return "";
}

}  // namespace reqcheck
