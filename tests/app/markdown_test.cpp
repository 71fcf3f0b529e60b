// The rule pages as the rules browser draws them: md4c's parse turned into blocks. Each case is
// one thing the hand-written renderer got wrong (issue 13, point 7): tables as raw pipes, `__`
// swallowed, backticks shown, code blocks; and every bundled rule page reads without Markdown
// syntax left in its text.
#include <doctest/doctest.h>

#include <filesystem>

#include "state/markdown.hpp"
#include "support.hpp"

using namespace reqcheck::app;

TEST_CASE("a GitHub table becomes a header and rows of cells, code spans without backticks") {
  const auto blocks = md::parse("Intro.\n\n| type | rule |\n|---|---|\n| `username` | without `__`; 5–32 characters |\n| `phone_number` | E.164 ≤ 15 digits |\n");
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].kind == md::BlockKind::paragraph);
  const md::Block& t = blocks[1];
  REQUIRE(t.kind == md::BlockKind::table);
  REQUIRE(t.header.size() == 2);
  CHECK(md::plain_text(t.header[0]) == "type");
  REQUIRE(t.rows.size() == 2);
  REQUIRE(t.rows[0].size() == 2);
  CHECK(md::plain_text(t.rows[0][0]) == "username");
  CHECK(t.rows[0][0][0].code);
  CHECK(md::plain_text(t.rows[0][1]) == "without __; 5–32 characters");  // `__` kept inside code
  CHECK(md::plain_text(t.rows[1][1]) == "E.164 ≤ 15 digits");
}

TEST_CASE("emphasis and strong are styles, not characters; an intraword __ stays text") {
  const auto blocks = md::parse("A **strong** and *soft* word, snake__case and `code`.\n");
  REQUIRE(blocks.size() == 1);
  const auto& runs = blocks[0].runs;
  CHECK(md::plain_text(runs) == "A strong and soft word, snake__case and code.");
  bool saw_strong = false, saw_em = false, saw_code = false;
  for (const md::Run& r : runs) {
    saw_strong |= r.strong && r.text == "strong";
    saw_em |= r.emphasis && r.text == "soft";
    saw_code |= r.code && r.text == "code";
  }
  CHECK(saw_strong);
  CHECK(saw_em);
  CHECK(saw_code);
}

TEST_CASE("headings, nested and ordered lists, soft breaks joined, code blocks verbatim") {
  const auto blocks = md::parse(
      "## Fix\n\n- first item\n  wrapped here\n  - nested\n- second\n\n3. third\n4. fourth\n\n```json\n{\n  \"a\": 1\n}\n```\n\n---\n");
  REQUIRE(blocks.size() == 8);
  CHECK(blocks[0].kind == md::BlockKind::heading);
  CHECK(blocks[0].level == 2);
  CHECK(md::plain_text(blocks[0].runs) == "Fix");
  CHECK(blocks[1].kind == md::BlockKind::list_item);
  CHECK(blocks[1].level == 1);
  CHECK(md::plain_text(blocks[1].runs) == "first item wrapped here");
  CHECK(blocks[2].level == 2);
  CHECK(md::plain_text(blocks[2].runs) == "nested");
  CHECK(md::plain_text(blocks[3].runs) == "second");
  CHECK(blocks[4].number == 3);
  CHECK(blocks[5].number == 4);
  CHECK(blocks[6].kind == md::BlockKind::code_block);
  CHECK(blocks[6].info == "json");
  CHECK(blocks[6].code == "{\n  \"a\": 1\n}\n");
  CHECK(blocks[7].kind == md::BlockKind::thematic_break);
}

TEST_CASE("entities are decoded, raw HTML is text, a loose list item keeps its paragraphs") {
  auto blocks = md::parse("&le; 10 &#x2264; &amp; <b>x</b>\n");
  REQUIRE(blocks.size() == 1);
  CHECK(md::plain_text(blocks[0].runs) == "≤ 10 ≤ & <b>x</b>");
  blocks = md::parse("- one\n\n  more of one\n\n- two\n");
  REQUIRE(blocks.size() == 3);
  CHECK(blocks[0].kind == md::BlockKind::list_item);
  CHECK(md::plain_text(blocks[0].runs) == "one");
  CHECK(blocks[1].kind == md::BlockKind::paragraph);
  CHECK(blocks[1].level == 1);
  CHECK(md::plain_text(blocks[2].runs) == "two");
}

TEST_CASE("every bundled rule page reads without Markdown syntax left in its text") {
  int pages = 0, tables = 0;
  for (const auto& entry : std::filesystem::directory_iterator(apptest::kSourceDir / "assets/rules")) {
    if (entry.path().extension() != ".md") continue;
    ++pages;
    const std::string text = apptest::read_file(std::filesystem::relative(entry.path(), apptest::kSourceDir));
    const auto blocks = md::parse(text);
    CAPTURE(entry.path().filename().string());
    REQUIRE_FALSE(blocks.empty());
    CHECK(blocks[0].kind == md::BlockKind::heading);
    auto check_runs = [&](const std::vector<md::Run>& runs) {
      for (const md::Run& r : runs) {
        CAPTURE(r.text);
        if (r.code) continue;
        CHECK(r.text.find("|---") == std::string::npos);  // a table left as text
        CHECK(r.text.find('`') == std::string::npos);
        CHECK(r.text.find("**") == std::string::npos);
      }
    };
    for (const md::Block& b : blocks) {
      check_runs(b.runs);
      if (b.kind == md::BlockKind::table) {
        ++tables;
        for (const auto& row : b.rows) {
          CHECK(row.size() == b.header.size());
          for (const auto& cell : row) check_runs(cell);
        }
      }
    }
  }
  CHECK(pages >= 60);
  CHECK(tables >= 2);
}

TEST_CASE("the accessible mirror: md4c's HTML, tables as tables, raw HTML escaped") {
  const std::string html = md::to_html("# T\n\n| a | b |\n|---|---|\n| `x` | <script>y</script> |\n");
  CHECK(html.find("<h1>T</h1>") != std::string::npos);
  CHECK(html.find("<table>") != std::string::npos);
  CHECK(html.find("<code>x</code>") != std::string::npos);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;") != std::string::npos);
}
