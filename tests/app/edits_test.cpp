// No lost edits (issue 13, point 1): whatever replaces the request (a file, a sample, a paste,
// a form Remove) keeps the text one Ctrl+Z away; a file that cannot be a request is refused and
// the request kept; unsaved edits mark the title and arm the leave-page prompt.
#include <doctest/doctest.h>

#include <limits>
#include <string>

#include "support.hpp"

using namespace reqcheck::app;
using apptest::Fixture;
using apptest::wire;

namespace {

/// Types `extra` at the end of the editor's text, as the editor does.
void type(Fixture& f, const std::string& extra) {
  f.state.request_text.insert(f.state.request_text.rfind('}'), extra);
  note_edit(f.state);
}

}  // namespace

TEST_CASE("an edit marks the request as modified until it is saved") {
  Fixture f;
  init_app(f.state);
  CHECK_FALSE(f.state.modified);
  CHECK_FALSE(f.platform.unsaved);
  type(f, ",\"note\": 1");
  CHECK(f.state.modified);
  CHECK(f.platform.unsaved);
  CHECK(f.platform.title == "• reqcheck — meets-criteria.json");
  save_request(f.state);
  CHECK_FALSE(f.state.modified);
  CHECK_FALSE(f.platform.unsaved);
  CHECK(f.platform.title == "reqcheck — meets-criteria.json");
}

TEST_CASE("opening a file, a sample or a paste over edited text keeps it one undo away") {
  for (const Incoming kind : {Incoming::request, Incoming::drop, Incoming::paste}) {
    CAPTURE(static_cast<int>(kind));
    Fixture f;
    init_app(f.state);
    type(f, ",\"x\": \"my edit\"");
    const std::string edited = f.state.request_text;
    receive(f.state, kind, "other.json", apptest::read_file("assets/samples/fails-data-content.json"));
    CHECK(f.state.request_name == "other.json");
    CHECK_FALSE(f.state.modified);
    CHECK(f.state.notice.find("Ctrl+Z") != std::string::npos);  // says how to get the edits back
    REQUIRE(undo_replace(f.state));
    CHECK(f.state.request_text == edited);
    CHECK(f.state.request_name == "meets-criteria.json");
    CHECK(f.state.modified);  // still not saved
    CHECK(f.platform.unsaved);
    REQUIRE(redo_replace(f.state));
    CHECK(f.state.request_name == "other.json");
    CHECK(wire(f.state.report.verdict) == "does_not_meet");
    CHECK(undo_replace(f.state));
    CHECK(f.state.request_text == edited);
  }
  Fixture f;
  init_app(f.state);
  const std::string first = f.state.request_text;
  REQUIRE(open_sample(f.state, "fails-data-content.json"));
  REQUIRE(undo_replace(f.state));
  CHECK(f.state.request_text == first);
  CHECK_FALSE(undo_replace(f.state));  // the first text replaced nothing
}

TEST_CASE("files that cannot be a request are refused with the reason, and the request is kept") {
  const struct {
    const char* name;
    std::string bytes;
    const char* words;
  } refused[] = {
      {"image.json", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), "PNG image"},
      {"notepad.json", std::string("\xFF\xFE{\0\"\0s\0", 8), "UTF-16"},
      {"empty.json", "", "empty"},
      {"latin1.json", "{\"name\": \"K\xF6ln\"}", "not UTF-8"},
      {"letter.txt", "Dear Sir or Madam,\nplease disclose", "neither JSON"},
  };
  for (const auto& r : refused) {
    const std::string name = r.name;
    CAPTURE(name);
    for (const Incoming kind : {Incoming::request, Incoming::drop, Incoming::paste}) {
      Fixture f;
      init_app(f.state);
      type(f, ",\"x\": 1");
      const std::string edited = f.state.request_text;
      receive(f.state, kind, r.name, r.bytes);
      CHECK(f.state.request_text == edited);
      CHECK(f.state.request_name == "meets-criteria.json");
      CHECK(f.state.modified);
      CHECK(f.state.notice_is_error);
      const bool empty_paste = kind == Incoming::paste && r.bytes.empty();  // the browser may refuse to paste
      CHECK(f.state.notice.find(empty_paste ? "Nothing to paste" : r.words) != std::string::npos);
      if (!empty_paste) CHECK(f.state.notice.find("kept") != std::string::npos);
      CHECK(f.platform.announced == f.state.notice);  // and the page's live region says it
      CHECK(f.state.undo_stack.empty());
    }
  }
}

TEST_CASE("broken JSON is still opened, so that its errors show where they are") {
  Fixture f;
  init_app(f.state);
  receive(f.state, Incoming::drop, "broken.json", "{\"schema\": \"reqcheck.request/1\",,}");
  CHECK(f.state.request_name == "broken.json");
  CHECK(wire(f.state.report.verdict) == "invalid_input");
  CHECK(undo_replace(f.state));
  CHECK(f.state.request_name == "meets-criteria.json");
}

TEST_CASE("a form Remove is undoable") {
  Fixture f;
  init_app(f.state);
  REQUIRE(f.state.form_valid);
  const std::string before = f.state.request_text;
  // what the form's Remove button does: keep the text, change the document, apply it
  keep_for_undo(f.state, "removed Target 1");
  f.state.form_doc["targets"].erase(0);
  apply_form(f.state);
  CHECK(f.state.request_text != before);
  CHECK(f.state.modified);
  REQUIRE(f.state.undo_stack.size() == 1);
  CHECK(f.state.undo_stack.back().why == "removed Target 1");
  REQUIRE(undo_replace(f.state));
  CHECK(f.state.request_text == before);
  CHECK_FALSE(f.state.modified);
  CHECK(f.state.notice.find("removed Target 1") != std::string::npos);
}

TEST_CASE("the undo history is bounded in texts and bytes, the newest always kept") {
  Fixture f;
  init_app(f.state);
  for (std::size_t i = 0; i < kept_max_texts + 10; ++i)
    receive(f.state, Incoming::drop, "r" + std::to_string(i) + ".json", "{\"n\": " + std::to_string(i) + "}");
  CHECK(f.state.undo_stack.size() == kept_max_texts);
  CHECK(f.state.undo_stack.back().name == "r" + std::to_string(kept_max_texts + 8) + ".json");
  f.state.undo_max_bytes = 1 << 20;  // the bound's logic, at a size that is cheap under ASan
  const std::string big(f.state.undo_max_bytes / 2 + 1, ' ');
  receive(f.state, Incoming::drop, "big1.json", "{}" + big);
  receive(f.state, Incoming::drop, "big2.json", "[]" + big);
  receive(f.state, Incoming::drop, "small.json", "{}");
  // two halves do not fit: the older big text went, the newer stays
  CHECK(f.state.undo_stack.back().name == "big2.json");
  std::size_t bytes = 0;
  for (const auto& k : f.state.undo_stack) bytes += k.text.size();
  CHECK(bytes <= f.state.undo_max_bytes);
  CHECK(f.state.undo_stack.size() == 1);
}

TEST_CASE("next_frame_due: the debounced re-check and a notice's expiry, else nothing") {
  Fixture f;
  init_app(f.state);
  f.platform.clock = 100.0;
  CHECK(next_frame_due(f.state) == std::numeric_limits<double>::infinity());
  type(f, " ");
  CHECK(next_frame_due(f.state) == doctest::Approx(100.0 + check_debounce_s));
  f.platform.clock += check_debounce_s;
  tick(f.state);
  CHECK_FALSE(f.state.check_pending);
  CHECK(next_frame_due(f.state) == std::numeric_limits<double>::infinity());
  set_notice(f.state, "hello");
  CHECK(next_frame_due(f.state) == doctest::Approx(f.platform.clock + notice_seconds));
  f.platform.clock += notice_seconds + 0.01;
  CHECK(next_frame_due(f.state) == std::numeric_limits<double>::infinity());
}
