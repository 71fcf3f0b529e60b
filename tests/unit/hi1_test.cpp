// ETSI TS 103 120 (HI-1) import: the XML and JSON renderings of a message give the same
// findings, values are normalised, sources are kept, several authorisations split, and hostile
// XML (deep, huge) is refused with a location.
#include <doctest/doctest.h>

#include "import/etsi_hi1.hpp"
#include "parse/limits.hpp"
#include "support.hpp"

using nlohmann::json;
using testsupport::kSourceDir;
using testsupport::read_file;

namespace {
/// Findings without what differs between renderings: source paths and positions.
json comparable(const json& report) {
  json out = json::array();
  for (auto f : report["findings"]) {
    f.erase("source");
    f.erase("line");
    f.erase("column");
    out.push_back(f);
  }
  return out;
}
const std::string kMessage = "assets/samples/fails-hi1-ip-identification-warrant";
}  // namespace

TEST_CASE("the XML and JSON renderings of a message give the same verdict and findings") {
  const auto xml = testsupport::check(read_file(kSourceDir / (kMessage + ".xml")));
  const auto js = testsupport::check(read_file(kSourceDir / (kMessage + ".hi1.json")));
  CHECK(xml["verdict"] == js["verdict"]);
  CHECK(comparable(xml) == comparable(js));
  CHECK(xml["input_sha256"] != js["input_sha256"]);
}

TEST_CASE("imported values are normalised and keep their source") {
  auto imported = reqcheck::import::import_hi1(read_file(kSourceDir / (kMessage + ".xml")));
  REQUIRE(imported.errors.empty());
  REQUIRE(imported.requests.size() == 1);
  const auto& r = imported.requests[0];
  CHECK(r.request["reference"] == "5b0e9a2c-7d41-4f0b-9c3e-2a1d6e8f4b71");  // UUIDs lower-case
  CHECK(r.request["targets"][0]["value"] == "2001:db8::1");                 // IPv6 compressed
  CHECK(r.request["issuing_authority"]["phone"] == "+493000000000");        // E.164 digits → +
  // each observed time is its own item, the moment itself (not one range from the first to the last)
  REQUIRE(r.request["data_requested"].size() == 2);
  CHECK(r.request["data_requested"][0]["from"] == "2026-10-12T21:14:03Z");
  CHECK(r.request["data_requested"][0]["to"] == "2026-10-12T21:14:03Z");
  CHECK(r.request["data_requested"][1]["from"] == "2026-10-30T06:02:41Z");
  CHECK(r.request["data_requested"][1]["to"] == "2026-10-30T06:02:41Z");
  CHECK(r.request["data_requested"][1]["category"] == "ip_address");
  CHECK(r.request["data_requested"][1].contains("note"));
  const auto* src = r.source_of("/targets/0/role");  // absent: points at the RequestValue
  REQUIRE(src);
  CHECK(src->path.find("/RequestValue") != std::string::npos);
  CHECK(src->line > 0);
  CHECK(std::find(r.missing.begin(), r.missing.end(), "/targets/0/role") != r.missing.end());
  CHECK(std::find(r.missing.begin(), r.missing.end(), "/case/offences") != r.missing.end());

  std::string mapped = read_file(kSourceDir / (kMessage + ".xml"));
  mapped.replace(mapped.find("2001:DB8:0:0:0:0:0:1"), 20, "::ffff:192.0.2.7");
  CHECK(reqcheck::import::import_hi1(mapped).requests[0].request["targets"][0]["value"] == "192.0.2.7");
}

TEST_CASE("the report names the HI-1 element and what to supply") {
  const auto r = testsupport::check(read_file(kSourceDir / (kMessage + ".xml")));
  bool sourced = false;
  for (const auto& f : r["findings"])
    if (f["pointer"] == "/instrument/type") sourced = f.value("source", "").find("AuthorisationLegalType") != std::string::npos;
  CHECK(sourced);
  CHECK(r["notes"].dump().find("/targets/0/role") != std::string::npos);
}

TEST_CASE("several authorisations: a clear finding whole, one request each when split") {
  const std::string two = read_file(kSourceDir / "tests/cases/hi1/HI1-two-authorisations/request.xml");
  const auto parts = reqcheck::split_batch(two);
  REQUIRE(parts.size() == 2);
  const auto first = testsupport::check(parts[0].text), second = testsupport::check(parts[1].text);
  CHECK(parts[1].line == 1);  // a rebuilt message keeps the original's lines
  CHECK(testsupport::status_of(first, "INSTR-01") == "pass");     // the warrant
  CHECK(testsupport::status_of(second, "INSTR-01") == "review");  // the subpoena
  CHECK(testsupport::status_of(second, "DATA-02") == "not_applicable");  // its task belongs to the first
  const auto json_parts = reqcheck::split_batch(read_file(kSourceDir / (kMessage + ".hi1.json")));
  CHECK(json_parts.size() == 1);
}

TEST_CASE("hostile XML is refused quickly with a location") {
  std::string deep = "<HI1Message xmlns=\"http://uri.etsi.org/03120/common/2019/10/Core\">";
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  auto r = testsupport::check(deep);
  CHECK(r["verdict"] == "invalid_input");

  std::string big = "<HI1Message xmlns=\"http://uri.etsi.org/03120/common/2019/10/Core\"><Header>";
  big += std::string(reqcheck::parse::kMaxInputBytes, ' ');
  big += "</Header></HI1Message>";
  r = testsupport::check(big);
  CHECK(r["verdict"] == "invalid_input");
  CHECK(r["findings"][0]["code"] == "INPUT.too_large");
}

TEST_CASE("an HI-1 message converts to an editable reqcheck request") {
  const auto converted = reqcheck::hi1_to_request_json(read_file(kSourceDir / (kMessage + ".xml")));
  auto request = json::parse(converted);
  CHECK(request["schema"] == "reqcheck.request/1");
  CHECK(testsupport::status_of(testsupport::check(converted), "SUBJ-03") == "incomplete");
  request["targets"][0]["role"] = "suspect";  // what a liaison supplies in the form
  CHECK(testsupport::status_of(testsupport::check(request.dump()), "SUBJ-03") == "pass");
  CHECK(reqcheck::hi1_to_request_json("{\"schema\": 1}") == "{\"schema\": 1}");

  // checked with its origin, the completed request still names the HI-1 elements
  reqcheck::CheckOptions o;
  o.now = testsupport::kNow;
  o.hi1_source = read_file(kSourceDir / (kMessage + ".xml"));
  const auto report = json::parse(reqcheck::check_json(request.dump(2), "", o));
  bool sourced = false;
  for (const auto& f : report["findings"])
    if (f["pointer"] == "/instrument/type") sourced = f.value("source", "").find("AuthorisationLegalType") != std::string::npos;
  CHECK(sourced);
  // ... and, since the text checked is the one being edited, each finding's byte range in it
  const std::string edited = request.dump(2);
  const auto typed = reqcheck::check(reqcheck::Policy::bundled(), edited, o);
  for (const auto& f : typed.findings) {
    if (f.pointer != "/instrument/type") continue;
    REQUIRE(f.end > f.offset);
    CHECK(edited.substr(f.offset, f.end - f.offset) == request["instrument"]["type"].dump());
  }
  CHECK(report["notes"].dump().find("/targets/0/role") == std::string::npos);  // supplied
  CHECK(report["notes"].dump().find("/case/offences") != std::string::npos);   // still missing
}

TEST_CASE("an EPOC in HI-1 fills the e-Evidence fields it carries and lists the ones it cannot") {
  const auto xml = read_file(kSourceDir / "tests/cases/hi1/HI1-epoc-fills-eevidence-fields/request.xml");
  auto imported = reqcheck::import::import_hi1(xml);
  REQUIRE(imported.errors.empty());
  REQUIRE(imported.requests.size() == 1);
  const auto& r = imported.requests[0];
  const auto& q = r.request;
  CHECK(q["instrument"]["type"] == "epoc");
  CHECK(q["instrument"]["legal_basis"][0]["law"] == "Regulation (EU) 2023/1543");  // the legal type's act
  CHECK(q["instrument"]["legal_basis"][0]["framework"] == "eu_eevidence");
  CHECK_FALSE(q["instrument"]["legal_basis"][0].contains("provision"));            // not invented
  CHECK(q["issuing_authority"]["type"] == "prosecutor");
  CHECK(q["validating_authority"]["type"] == "court");
  CHECK(q["validating_authority"]["validated_at"] == "2026-11-18T15:00:00+01:00");  // its ApprovalTimestamp
  CHECK(q["validating_authority"]["file_number"] == "351 Gs 77/26");              // its ApprovalReference
  CHECK(q["notification"]["notified"] == true);                                    // EnforcingAuthorityNotified
  CHECK(q["addressee"]["country"] == "IE");                                        // the receiver's country
  CHECK(q["data_requested"][0]["category"] == "ip_address");
  CHECK(q["data_requested"][0]["eevidence_class"] == "user_identification");       // EPOCRequestType
  for (const char* p : {"/addressee/time_zone", "/requester/channel", "/instrument/statement_of_reasons"})
    CHECK(std::find(r.missing.begin(), r.missing.end(), p) != r.missing.end());
  CHECK(std::find(r.missing.begin(), r.missing.end(), "/notification") == r.missing.end());
  CHECK(r.source_of("/validating_authority/validated_at")->path.find("ApprovalTimestamp") != std::string::npos);

  // the same request types in a message that is no EPOC state no e-Evidence class
  std::string court = xml;
  court.replace(court.find("<common:Value>EPOC</common:Value>"), 33, "<common:Value>CourtOrder</common:Value>");
  court.replace(court.find("<common:Name>EPOCLegalType</common:Name>"), 40, "<common:Name>AuthorisationLegalType</common:Name>");
  const auto plain = reqcheck::import::import_hi1(court);
  REQUIRE(plain.requests.size() == 1);
  CHECK(plain.requests[0].request["instrument"]["type"] == "court_order");
  CHECK_FALSE(plain.requests[0].request["data_requested"][0].contains("eevidence_class"));
  CHECK_FALSE(plain.requests[0].request["instrument"].contains("legal_basis"));
}

TEST_CASE("XML that pugixml would take but XML forbids is refused at its place, never imported altered") {
  const std::string base = read_file(kSourceDir / "assets/samples/fails-hi1-subscriber-data-e164.xml");
  const std::string name = "Judge A. Example";
  REQUIRE(base.find(name) != std::string::npos);
  const auto with = [&](const std::string& value) {
    std::string t = base;
    t.replace(t.find(name), name.size(), value);
    return t;
  };
  for (const std::string bad : {"Judge&#xD800;X", "Judge&#0;EVIL", "Judge&#x0;X", "Judge&#x110000;X", "Judge&#99999999999;X", "Judge &foo; X",
                                "Judge&#xZZ;", "Judge&#-1;", "Judge&#x1;X", "Judge&#xFFFE;X", "Judge & X", "Judge\x01X", "Judge\xEF\xBF\xBFX"}) {
    INFO(bad);
    const auto r = testsupport::check(with(bad));
    CHECK(r["verdict"] == "invalid_input");
    REQUIRE(r["findings"].size() >= 1);
    CHECK(r["findings"][0]["code"] == "INPUT.hi1_malformed_xml");
    CHECK(r["findings"][0]["line"] == 53);
    CHECK(reqcheck::hi1_to_request_json(with(bad)) == with(bad));  // not converted: the editor shows the message and its error
  }
  // well-formed references, and a literal `&` where XML allows one, still import
  for (const std::string good : {"Judge &amp; A. Example", "Judge &#65;. &#x42;xample", "<![CDATA[Judge & Co]]>", "Judge<!-- & -->A"}) {
    INFO(good);
    const auto r = testsupport::check(with(good));
    CHECK(r["verdict"] != "invalid_input");
  }
}
