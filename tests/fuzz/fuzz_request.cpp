// libFuzzer target: the JSON text reader (SAX pass with locations and limits) and the request
// reader (DOM → model). Asserts that unreadable text always has a diagnostic with a line, that
// readable text yields a request, and that diagnostics point into the text.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "invariants.hpp"
#include "parse/json_text.hpp"
#include "parse/request_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto doc = reqcheck::parse::read_json(text);
  if (!doc.json && doc.diagnostics.empty()) fuzzsupport::fail("read_json: no document and no diagnostic", text);
  if (doc.json && reqcheck::parse::has_errors(doc.diagnostics)) fuzzsupport::fail("read_json: a document despite errors", text);

  const auto read = reqcheck::parse::read_request(text);
  if (!read.request && !reqcheck::parse::has_errors(read.diagnostics)) fuzzsupport::fail("read_request: no request and no error", text);
  for (const auto& d : read.diagnostics) {
    // a diagnostic must say where: a line within the text (line 1 for the whole text)
    const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    if (d.line < 1 || d.line > lines || d.column < 1) fuzzsupport::fail("diagnostic without a location in the text", d.pointer + ": " + d.message);
    if (d.message.empty()) fuzzsupport::fail("diagnostic without a message", d.pointer);
  }
  return 0;
}
