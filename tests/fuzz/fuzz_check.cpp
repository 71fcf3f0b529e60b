// libFuzzer target: the whole engine as the CLI and the page call it: split_batch, check
// against the bundled packs, and the JSON, text, Markdown and CSV renderings. Asserts a well-formed report,
// fail-closed verdicts (invariants.hpp) and byte-identical output for the same input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "invariants.hpp"
#include "reqcheck/engine.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  reqcheck::CheckOptions options;
  options.now = "2026-11-30T12:00:00Z";
  const auto requests = reqcheck::split_batch(text);
  if (requests.empty() && !text.empty()) fuzzsupport::fail("split_batch lost a non-empty input", text);
  std::size_t n = 0;
  for (const auto& part : requests) {
    if (part.offset + part.length > text.size() || part.line < 1 || part.column < 1) fuzzsupport::fail("a batch part lies outside its text", text);
    // array elements and NDJSON lines are the batch's own bytes (HI-1 parts are rebuilt messages)
    if (part.length == part.text.size() && text.substr(part.offset, part.length) != part.text)
      fuzzsupport::fail("a batch part is not the text at its offset", text);
    if (++n > 8) break;  // a batch's elements are alike; bound the time per input
    options.first_line = part.line;
    options.first_column = part.column;
    options.first_offset = part.offset;
    const std::string& request = part.text;
    const auto typed = reqcheck::check(reqcheck::Policy::bundled(), request, options);
    const std::string report = reqcheck::report::to_json(typed);
    fuzzsupport::check_report(report);
    if (reqcheck::check_json(request, "", options) != report) fuzzsupport::fail("the same input gave two different reports", request);
    for (const auto& f : typed.findings)
      if (f.end > 0 && (f.offset > f.end || f.end > part.offset + part.length + part.text.size()))
        fuzzsupport::fail("a finding's byte range lies outside the text", request);
    (void)reqcheck::report::to_text(typed);
    (void)reqcheck::report::to_markdown(typed);
    (void)reqcheck::report::to_csv(typed);
  }
  return 0;
}
