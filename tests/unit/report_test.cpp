// The report: verdict ranking, order, determinism, digests, renderings, batches, and that a
// missing received_at is said and replaced by the checking time.
#include <doctest/doctest.h>

#include "report/digest.hpp"
#include "reqcheck/report.hpp"
#include "support.hpp"

using nlohmann::json;

TEST_CASE("sha256 is the standard digest") {
  CHECK(reqcheck::report::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(reqcheck::report::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("verdict follows the worst finding") {
  using namespace reqcheck::report;
  std::vector<Finding> f(2);
  f[0].rule = "AUTH-01";
  f[1].rule = "AUTH-02";
  f[0].status = f[1].status = Status::pass;
  CHECK(verdict_of(f) == Verdict::meets_criteria);
  f[1].status = Status::incomplete;
  CHECK(verdict_of(f) == Verdict::needs_review);
  f[0].status = Status::fail;
  CHECK(verdict_of(f) == Verdict::does_not_meet);
  f[1].rule = "INPUT";
  f[1].status = Status::fail;
  CHECK(verdict_of(f) == Verdict::invalid_input);
  CHECK(verdict_of({}) == Verdict::needs_review);
}

TEST_CASE("same input, pack and now give byte-identical reports, sorted by pointer then rule") {
  const std::string req = testsupport::base_request().dump();
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  const auto a = reqcheck::check_json(req, "", o), b = reqcheck::check_json(req, "", o);
  CHECK(a == b);
  const auto r = json::parse(a);
  CHECK(r["verdict"] == "meets_criteria");
  CHECK(r["input_sha256"] == reqcheck::report::sha256_hex(req));
  CHECK(r["notes"].dump().find("may still decline") != std::string::npos);
  for (std::size_t i = 1; i < r["findings"].size(); ++i) {
    const auto &p = r["findings"][i - 1], &n = r["findings"][i];
    CHECK((p["pointer"] < n["pointer"] || (p["pointer"] == n["pointer"] && p["rule"] <= n["rule"])));
  }
  for (const auto& f : r["findings"]) {
    CHECK_FALSE(f["legal_ref"].get<std::string>().empty());
    CHECK_FALSE(f["message"].get<std::string>().empty());
    if (f["status"] != "pass" && f["status"] != "not_applicable") CHECK_FALSE(f["help"].get<std::string>().empty());
  }
}

TEST_CASE("a missing received_at is said, and the checking time stands in") {
  auto req = testsupport::base_request();
  req.erase("received_at");
  const auto r = testsupport::check(req.dump());
  CHECK(r["received_at_defaulted"] == true);
  CHECK(r["received_at"].is_null());
  CHECK(r["notes"].dump().find("stands in") != std::string::npos);
}

TEST_CASE("a bad --now is invalid input, not a crash") {
  reqcheck::CheckOptions o;
  o.now = "yesterday";
  CHECK(json::parse(reqcheck::check_json(testsupport::base_request().dump(), "", o))["verdict"] == "invalid_input");
}

TEST_CASE("markdown escapes HTML and keeps values as code") {
  auto req = testsupport::base_request();
  req["targets"][0]["value"] = "<img src=x onerror=alert(1)>";
  req["case"]["offences"][0]["provision"] = "</script><b>|x|</b>";
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  const auto md = reqcheck::report_to_markdown(reqcheck::check_json(req.dump(), "", o));
  CHECK(md.find("<img") == std::string::npos);
  CHECK(md.find("</script>") == std::string::npos);
  CHECK(md.find("# reqcheck report") == 0);
  CHECK(reqcheck::report_to_markdown("not a report").find("not a reqcheck report") != std::string::npos);
  const auto text = reqcheck::report_to_text(reqcheck::check_json(req.dump(), "", o));
  CHECK(text.find("verdict:") == 0);
}

TEST_CASE("split_batch reads arrays and NDJSON, and leaves everything else whole") {
  CHECK(reqcheck::split_batch("[{\"a\":1},{\"b\":2}]").size() == 2);
  CHECK(reqcheck::split_batch("{\"a\":1}\n{\"b\":2}\n\n{\"c\":3}\n").size() == 3);
  CHECK(reqcheck::split_batch("{\"a\":1}").size() == 1);
  CHECK(reqcheck::split_batch("{\n \"a\": 1\n}").size() == 1);
  CHECK(reqcheck::split_batch("{broken").size() == 1);
  CHECK(reqcheck::split_batch("{\"a\":1}\n{broken").size() == 1);
  CHECK(reqcheck::split_batch("").size() == 1);
}
