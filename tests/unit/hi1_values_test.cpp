// HI-1 import: values read as their XSD types say (booleans, date-times), free-text roles never
// guessed, elements matched by namespace URI and local name, and messages without a data
// request told apart (a document alone, lawful interception tasks).
#include <doctest/doctest.h>

#include "import/etsi_hi1.hpp"
#include "support.hpp"

using nlohmann::json;
using testsupport::kSourceDir;
using testsupport::read_file;

namespace {

const std::string kXml = "assets/samples/fails-hi1-ip-identification-warrant.xml";
const std::string kJson = "assets/samples/fails-hi1-ip-identification-warrant.hi1.json";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::string with_emergency(const std::string& value) {
  return replaced(read_file(kSourceDir / kXml), "<common:ApprovalIsEmergency>false<", "<common:ApprovalIsEmergency>" + value + "<");
}

std::string with_role(const std::string& role) {
  std::string text = read_file(kSourceDir / kXml);
  // both approvals (the authorisation's and the document's signature) name the role
  text = replaced(text, "<common:ApproverRole>Judge<", "<common:ApproverRole>" + role + "<");
  return replaced(text, "<common:ApproverRole>Judge<", "<common:ApproverRole>" + role + "<");
}

const json* finding(const json& report, const std::string& rule, const std::string& code = "") {
  for (const auto& f : report["findings"])
    if (f["rule"] == rule && (code.empty() || f.value("code", "") == code)) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("an xs:boolean is read in its lexical space: true, false, 1, 0, white space collapsed") {
  for (const char* yes : {"true", "1", " true ", "\n  1\n"}) {
    INFO(yes);
    auto imported = reqcheck::import::import_hi1(with_emergency(yes));
    REQUIRE(imported.errors.empty());
    CHECK(imported.requests[0].request.contains("emergency"));
    CHECK(testsupport::status_of(testsupport::check(with_emergency(yes)), "EMER-01") == "fail");
  }
  for (const char* no : {"false", "0"}) {
    auto imported = reqcheck::import::import_hi1(with_emergency(no));
    REQUIRE(imported.errors.empty());
    CHECK_FALSE(imported.requests[0].request.contains("emergency"));
  }
  for (const char* bad : {"yes", "True", "2", ""}) {
    INFO(bad);
    const auto r = testsupport::check(with_emergency(bad));
    CHECK(r["verdict"] == "invalid_input");
    const json* f = finding(r, "INPUT", "INPUT.hi1_invalid_value");
    REQUIRE(f);
    CHECK((*f)["line"].get<int>() > 1);
  }
}

TEST_CASE("the header timestamp is a QualifiedMicrosecondDateTime") {
  const auto r = testsupport::check(replaced(read_file(kSourceDir / kXml), "09:30:00.000000+01:00", "09:30:00+01:00"));
  CHECK(r["verdict"] == "invalid_input");
  CHECK(finding(r, "INPUT", "INPUT.invalid_datetime"));
}

TEST_CASE("observed times become one item each, the moment stated, never one range between them") {
  for (const auto& file : {kXml, kJson}) {
    auto imported = reqcheck::import::import_hi1(read_file(kSourceDir / file));
    REQUIRE(imported.errors.empty());
    const auto& items = imported.requests[0].request["data_requested"];
    REQUIRE(items.size() == 2);
    for (const auto& item : items) {
      CHECK(item["from"] == item["to"]);
      CHECK(item["note"].get<std::string>().find("observed time") != std::string::npos);
    }
  }
}

TEST_CASE("a free-text role maps only on a whole, known term; otherwise AUTH-01 reviews") {
  // "court" must not win over "prosecutor" because it is tested first
  const auto r = testsupport::check(with_role("Public Prosecutor at the Regional Court"));
  CHECK(testsupport::status_of(r, "AUTH-01", "/issuing_authority/type") == "review");
  auto imported = reqcheck::import::import_hi1(with_role("Public Prosecutor at the Regional Court"));
  REQUIRE(imported.errors.empty());
  const auto& q = imported.requests[0].request;
  CHECK_FALSE(q["issuing_authority"].contains("type"));
  CHECK(q["issuing_authority"]["role"] == "Public Prosecutor at the Regional Court");
  CHECK_FALSE(q["instrument"]["signatory"].contains("role"));
  for (const auto& pair : std::initializer_list<std::pair<const char*, const char*>>{
           {"Judge", "judge"}, {"public  prosecutor", "prosecutor"}, {"Investigating_Judge", "investigating_judge"}, {"COURT", "court"}}) {
    const char* role = pair.first;  // named, not bound: clang 14 (wasm) cannot capture bindings in INFO
    const char* type = pair.second;
    INFO(role);
    auto ok = reqcheck::import::import_hi1(with_role(role));
    REQUIRE(ok.errors.empty());
    CHECK(ok.requests[0].request["issuing_authority"]["type"] == type);
  }
  for (const char* vague : {"Judge or Prosecutor", "Court Clerk", "Chief of Police Prosecutions", "Regional Court"}) {
    INFO(vague);
    auto none = reqcheck::import::import_hi1(with_role(vague));
    REQUIRE(none.errors.empty());
    CHECK_FALSE(none.requests[0].request["issuing_authority"].contains("type"));
  }
}

TEST_CASE("a native request with a role but no type: AUTH-01 reviews; with a type the role is informative") {
  auto q = testsupport::base_request();
  q["issuing_authority"].erase("type");
  q["issuing_authority"]["role"] = "Senior Officer";
  CHECK(testsupport::status_of(testsupport::check(q.dump()), "AUTH-01", "/issuing_authority/type") == "review");
  q["issuing_authority"]["type"] = "court";
  CHECK(testsupport::status_of(testsupport::check(q.dump()), "AUTH-01") == "pass");
}

TEST_CASE("elements are matched by namespace URI and local name, never by local name or prefix alone") {
  const std::string xml = read_file(kSourceDir / kXml);
  // another prefix bound to the same URI reads the same
  std::string renamed = xml;
  for (std::string::size_type at; (at = renamed.find("common:")) != std::string::npos;) renamed.replace(at, 7, "c:");
  renamed = replaced(renamed, "xmlns:common=", "xmlns:c=");
  auto same = reqcheck::import::import_hi1(renamed);
  REQUIRE(same.errors.empty());
  CHECK(same.requests[0].request["issuing_authority"]["type"] == "judge");
  // the same local names in a foreign namespace are not read
  const std::string foreign = replaced(xml, "xmlns:common=\"http://uri.etsi.org/03120/common/2016/02/Common\"",
                                       "xmlns:common=\"http://example.org/not-etsi\"");
  auto other = reqcheck::import::import_hi1(foreign);
  REQUIRE(other.errors.empty());
  CHECK_FALSE(other.requests[0].request["issuing_authority"].contains("type"));
  CHECK_FALSE(other.requests[0].request["instrument"].contains("issued_on"));
  // an xsi:type in a foreign namespace is no AuthorisationObject
  const std::string foreign_type =
      replaced(xml, "xsi:type=\"auth:AuthorisationObject\"", "xmlns:x=\"http://example.org/x\" xsi:type=\"x:AuthorisationObject\"");
  auto typed = reqcheck::import::import_hi1(foreign_type);
  REQUIRE(typed.errors.empty());
  CHECK_FALSE(typed.requests[0].request["instrument"].contains("valid_until"));
}

TEST_CASE("a message with only a document says what the document is") {
  const std::string xml = read_file(kSourceDir / kXml);
  // keep only the third ActionRequest (the DocumentObject)
  const auto first = xml.find("<ActionRequest>");
  const auto third = xml.find("<ActionRequest>", xml.find("<ActionRequest>", first + 1) + 1);
  const std::string doc_only = xml.substr(0, first) + xml.substr(third);
  const auto r = testsupport::check(doc_only);
  CHECK(r["verdict"] == "invalid_input");
  const json* f = finding(r, "INPUT", "INPUT.hi1_document_only");
  REQUIRE(f);
  const std::string message = (*f)["message"];
  CHECK(message.find("Warrant") != std::string::npos);
  CHECK(message.find("351 Gs 1234/26") != std::string::npos);
  CHECK(message.find("Judge A. Example") != std::string::npos);
}

TEST_CASE("a message of lawful interception tasks is not a disclosure request") {
  const std::string xml = replaced(read_file(kSourceDir / kXml), "task:LDTaskObject", "task:LITaskObject");
  const auto r = testsupport::check(xml);
  CHECK(r["verdict"] == "invalid_input");
  CHECK(finding(r, "INPUT", "INPUT.hi1_interception_task"));
  CHECK_FALSE(finding(r, "INPUT", "INPUT.hi1_no_request"));
}

TEST_CASE("a message is split by its authorisations' xsi:type URI, whatever the prefix") {
  std::string xml = read_file(kSourceDir / "tests/cases/hi1/HI1-two-authorisations/request.xml");
  // the second authorisation's type written with a prefix of its own, bound to the same URI
  const auto second = xml.find("xsi:type=\"auth:AuthorisationObject\"", xml.find("xsi:type=\"auth:AuthorisationObject\"") + 1);
  REQUIRE(second != std::string::npos);
  xml.replace(second, std::string("xsi:type=\"auth:AuthorisationObject\"").size(),
              "xmlns:a2=\"http://uri.etsi.org/03120/common/2020/09/Authorisation\" xsi:type=\"a2:AuthorisationObject\"");
  CHECK(reqcheck::import::split_hi1(xml).size() == 2);
  // a type that only ends in AuthorisationObject, in another namespace, is not an authorisation
  std::string foreign = xml;
  foreign.replace(foreign.find("xmlns:a2=\"http://uri.etsi.org/03120/common/2020/09/Authorisation\""),
                  std::string("xmlns:a2=\"http://uri.etsi.org/03120/common/2020/09/Authorisation\"").size(), "xmlns:a2=\"http://example.org/a\"");
  CHECK(reqcheck::import::split_hi1(foreign).size() == 1);
}
