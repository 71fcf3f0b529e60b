// The HI-1 → reqcheck.request/1 mapping. Dictionary values (Owner / Name / Value) are matched
// exactly: a value under another dictionary Name is not read. TS 103 280 values are normalised
// (E.164 digits, compressed and IPv4-mapped IPv6, lower-case UUIDs) and QualifiedDateTimes must
// carry a zone.
#include "import/etsi_hi1.hpp"

#include <algorithm>
#include <set>

#include <pugixml.hpp>

#include "ident/identifiers.hpp"
#include "ident/rfc3339.hpp"
#include "parse/codes.hpp"
#include "parse/json_text.hpp"

namespace reqcheck::import {
namespace {

using ojson = nlohmann::ordered_json;

/// Value of a dictionary element {Owner, Name, Value}, if its Name is one of `names`.
std::string dictionary_value(const Node* n, std::initializer_list<std::string_view> names) {
  if (!n) return {};
  const Node* v = n->child("Value");
  if (!v) return n->children.empty() ? n->text : std::string{};
  const Node* name = n->child("Name");
  if (name && std::find(names.begin(), names.end(), name->text) == names.end()) return {};
  return v->text;
}

std::string map_legal_type(const std::string& v) {
  static const std::map<std::string, std::string> table = {
      {"EPOC", "epoc"}, {"EPOCPR", "epoc_pr"}, {"EPOC-PR", "epoc_pr"}, {"Warrant", "warrant"}, {"CourtOrder", "court_order"},
      {"ProductionOrder", "production_order"}, {"Subpoena", "subpoena"}, {"EmergencyRequest", "emergency_request"},
      {"PreservationRequest", "preservation_request"}, {"MLAT", "mlat_request"}, {"OverseasProductionOrder", "overseas_production_order"}};
  auto it = table.find(v);
  return it == table.end() ? std::string{} : it->second;
}

std::string map_request_type(const std::string& v) {
  static const std::map<std::string, std::string> table = {{"SubscriberData", "subscriber_data"},
                                                           {"TrafficData", "traffic_data"},
                                                           {"StoredContentData", "content_data"},
                                                           {"UserIdentifyingData", "ip_address"},
                                                           {"IdentityAssociation", "ip_address"}};
  auto it = table.find(v);
  return it == table.end() ? std::string("other") : it->second;
}

std::string map_role(const std::string& role) {
  const std::string r = ident::ascii_lower(role);
  if (r.find("investigating") != std::string::npos) return "investigating_judge";
  if (r.find("judge") != std::string::npos || r.find("magistrate") != std::string::npos) return "judge";
  if (r.find("court") != std::string::npos) return "court";
  if (r.find("prosecut") != std::string::npos) return "prosecutor";
  if (r.find("police") != std::string::npos || r.find("officer") != std::string::npos) return "police";
  return {};
}

std::string map_format(const std::string& format, const std::string& value) {
  if (format == "InternationalE164") return "phone_number";
  if (format == "IPv4Address" || format == "IPv6Address") return "ip_address";
  if (format == "EmailAddress" || format == "InternationalizedEmailAddress") return "email";
  if (format == "ServiceAccessIdentifier" || format == "TelegramUsername" || format == "Username") {
    if (ident::telegram_link(value).ok) return "link";
    if (!value.empty() && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) return "user_id";
    return "username";
  }
  return {};
}

/// Builds one request, recording the source of every value it sets.
class Builder {
 public:
  explicit Builder(ImportedRequest& out, parse::Diagnostics& errors) : out_(out), errors_(errors) {}

  void set(const std::string& pointer, ojson value, const Node* from) {
    out_.request[ojson::json_pointer(pointer)] = std::move(value);
    if (from) out_.sources[pointer] = Source{from->path, from->line, from->column};
  }
  bool has(const std::string& pointer) const { return out_.request.contains(ojson::json_pointer(pointer)); }
  void source(const std::string& pointer, const Node* from) {
    if (from) out_.sources.emplace(pointer, Source{from->path, from->line, from->column});
  }

  /// Sets a date-time field from a QualifiedDateTime element (zone mandatory).
  void set_time(const std::string& pointer, const Node* n) {
    if (!n || n->text.empty()) return;
    ident::TimeError err;
    if (!ident::parse_rfc3339_datetime(n->text, &err)) {
      auto d = parse::diag("INPUT.invalid_datetime", pointer,
                           "`" + n->text + "` at " + n->path + " is not a QualifiedDateTime: " + err.message,
                           "TS 103 280 date-times carry seconds and a zone, e.g. `2026-11-20T09:30:00Z`");
      d.line = n->line;
      d.column = n->column;
      errors_.push_back(std::move(d));
      source(pointer, n);
      return;
    }
    set(pointer, n->text, n);
  }

 private:
  ImportedRequest& out_;
  parse::Diagnostics& errors_;
};

struct Objects {
  std::vector<const Node*> auths, tasks, docs;
};

Objects collect(const Node& root) {
  Objects o;
  const Node* actions = root.at("Payload/RequestPayload/ActionRequests");
  if (!actions) return o;
  for (const Node* a : actions->all("ActionRequest")) {
    const Node* create = a->child("CREATE");
    const Node* obj = create ? create->child("HI1Object") : nullptr;
    if (!obj) continue;
    if (obj->type == "AuthorisationObject") o.auths.push_back(obj);
    else if (obj->type == "LDTaskObject") o.tasks.push_back(obj);
    else if (obj->type == "DocumentObject") o.docs.push_back(obj);
  }
  return o;
}

/// True if `obj` belongs with the authorisation `auth_id`: it names it among its associated
/// objects, or names no object at all.
bool associated(const Node* obj, const std::string& auth_id) {
  const Node* assoc = obj->child("AssociatedObjects");
  if (!assoc || assoc->children.empty()) return true;
  for (const Node* a : assoc->all("AssociatedObject"))
    if (ident::ascii_lower(a->text) == auth_id) return true;
  return false;
}

void map_approval(Builder& b, const Node* approval, bool validating) {
  const Node* who = approval->child("ApproverDetails");
  const std::string base = validating ? "/validating_authority" : "/issuing_authority";
  if (who) {
    const std::string role = who->child("ApproverRole") ? map_role(who->child("ApproverRole")->text) : "";
    if (!role.empty()) b.set(base + "/type", role, who->child("ApproverRole"));
    if (const Node* name = who->child("ApproverName")) {
      if (validating) b.set("/validating_authority/name", name->text, name);
      else {
        b.set("/instrument/signatory/name", name->text, name);
        if (!role.empty()) b.set("/instrument/signatory/role", role, who->child("ApproverRole"));
      }
    }
    for (const Node* contact : who->all("ApproverContactDetails")) {
      if (const Node* mail = contact->child("EmailAddress"); mail && !b.has(base + "/email")) b.set(base + "/email", mail->text, mail);
      if (const Node* phone = contact->child("PhoneNumber"); phone && !b.has(base + "/phone")) {
        auto e = ident::e164(phone->text);
        b.set(base + "/phone", e.ok ? e.normalised : phone->text, phone);
      }
    }
  }
  if (!validating) {
    b.set_time("/instrument/issued_on", approval->child("ApprovalTimestamp"));
    if (const Node* sig = approval->child("ApprovalDigitalSignature")) b.set("/instrument/signed", true, sig);
  }
  if (const Node* em = approval->child("ApprovalIsEmergency"); em && em->text == "true") b.set("/emergency", ojson::object(), em);
}

void map_authorisation(Builder& b, const Node* auth) {
  if (const Node* ref = auth->child("AuthorisationReference")) b.set("/instrument/reference", ref->text, ref);
  if (const Node* lt = auth->child("AuthorisationLegalType")) {
    const std::string type = map_legal_type(dictionary_value(lt, {"AuthorisationLegalType", "EPOCLegalType"}));
    if (!type.empty()) b.set("/instrument/type", type, lt);
    else b.source("/instrument/type", lt);
  }
  if (const Node* span = auth->child("AuthorisationTimespan")) b.set_time("/instrument/valid_until", span->child("EndTime"));
  for (const Node* approval : auth->all("AuthorisationApprovalDetails")) {
    const std::string type = dictionary_value(approval->child("ApprovalType"), {"ApprovalType"});
    map_approval(b, approval, type == "ValidatingAuthority");
  }
  if (!b.has("/instrument/issued_on")) b.set_time("/instrument/issued_on", auth->child("AuthorisationCreationTimestamp"));
  if (const Node* flags = auth->child("AuthorisationFlags"))
    for (const Node* f : flags->all("AuthorisationFlag"))
      if (dictionary_value(f, {"AuthorisationFlag", "EPOCAuthorisationFlag"}) == "IsEmergency") b.set("/emergency", ojson::object(), f);
  if (const Node* j = auth->child("AuthorisationJurisdiction")) b.source("/instrument/legal_basis", j);
  if (const Node* t = auth->child("AuthorisationTypeOfCase")) b.set("/case/summary", t->text, t);
  if (const Node* m = auth->child("AuthorisationManualInformation")) b.set("/instrument/statement_of_reasons", m->text, m);
}

void map_document(Builder& b, const Node* doc) {
  const std::string type = dictionary_value(doc->child("DocumentType"), {"DocumentType", "EPOCDocumentType"});
  if (type == "Warrant" && !b.has("/instrument/type")) b.set("/instrument/type", "warrant", doc->child("DocumentType"));
  if (const Node* ref = doc->child("DocumentReference"); ref && !b.has("/instrument/reference")) b.set("/instrument/reference", ref->text, ref);
  if (const Node* sig = doc->child("DocumentSignature")) {
    b.set("/instrument/signed", true, sig);
    if (!b.has("/instrument/signatory/name")) map_approval(b, sig, false);
  }
}

void map_task(Builder& b, const Node* task, std::size_t& target_index, std::size_t& item_index) {
  const Node* details = task->child("RequestDetails");
  if (!details) return;
  const std::string item = "/data_requested/" + std::to_string(item_index++);
  const Node* type = details->child("Type");
  b.set(item + "/category", type ? map_request_type(dictionary_value(type, {"RequestType", "EPOCRequestType"})) : "other", type ? type : details);
  b.source(item, details);
  if (details->child("StartTime") || details->child("EndTime")) {
    b.set_time(item + "/from", details->child("StartTime"));
    b.set_time(item + "/to", details->child("EndTime"));
  } else {
    std::vector<const Node*> observed;
    if (const Node* o = details->child("ObservedTime")) observed.push_back(o);
    if (const Node* os = details->child("ObservedTimes"))
      for (const auto& c : os->children) observed.push_back(&c);
    if (!observed.empty()) {
      auto key = [](const Node* n) { auto t = ident::parse_rfc3339_datetime(n->text); return t ? t->instant : decltype(t->instant){}; };
      auto [lo, hi] = std::minmax_element(observed.begin(), observed.end(), [&](const Node* a, const Node* c) { return key(a) < key(c); });
      b.set_time(item + "/from", *lo);
      b.set_time(item + "/to", *hi);
    }
  }
  if (const Node* values = details->child("RequestValues")) {
    for (const Node* rv : values->all("RequestValue")) {
      const std::string target = "/targets/" + std::to_string(target_index++);
      const Node* value = rv->child("Value");
      const Node* format = rv->at("FormatType/FormatName");
      std::string text = value ? value->text : "";
      const std::string type = map_format(format ? format->text : "", text);
      if (type == "ip_address") {
        if (auto ip = ident::ip_address(text); ip.ok) text = ip.normalised;
      }
      b.source(target, rv);
      if (!type.empty()) b.set(target + "/type", type, format);
      if (value) b.set(target + "/value", text, value);
    }
  }
}

/// Fields the rules need that HI-1 has no element for, listed when still absent.
void list_missing(ImportedRequest& r) {
  const auto& q = r.request;
  auto absent = [&](const std::string& p) { return !q.contains(ojson::json_pointer(p)); };
  for (const char* p : {"/language", "/requester", "/case/offences", "/instrument/legal_basis", "/instrument/type"})
    if (absent(p)) r.missing.push_back(p);
  if (q.contains("targets"))
    for (std::size_t i = 0; i < q["targets"].size(); ++i) {
      r.missing.push_back("/targets/" + std::to_string(i) + "/role");
      if (!q["targets"][i].contains("type")) r.missing.push_back("/targets/" + std::to_string(i) + "/type");
    }
  if (q.contains("emergency"))
    for (const char* f : {"threat", "person_at_risk", "why_this_data"}) r.missing.push_back(std::string("/emergency/") + f);
}

}  // namespace

const Source* ImportedRequest::source_of(const std::string& pointer) const {
  std::string p = pointer;
  while (true) {
    if (auto it = sources.find(p); it != sources.end()) return &it->second;
    if (p.empty()) return nullptr;
    p = p.substr(0, p.rfind('/'));
  }
}

Hi1Import import_hi1(std::string_view text) {
  Hi1Import out;
  auto tree = read_hi1_tree(text);
  out.form = tree.form;
  out.errors = tree.errors;
  if (!out.errors.empty()) return out;
  const Node& root = tree.root;
  const Objects objects = collect(root);
  if (objects.auths.empty() && objects.tasks.empty()) {
    auto d = parse::diag("INPUT.hi1_no_request", "", "the message carries no request: no CREATE of an AuthorisationObject or LDTaskObject");
    d.line = root.line;
    d.column = root.column;
    out.errors.push_back(std::move(d));
    return out;
  }
  std::vector<const Node*> auths = objects.auths;
  if (auths.empty()) auths.push_back(nullptr);  // tasks without an authorisation: one request, no instrument
  for (const Node* auth : auths) {
    ImportedRequest r;
    r.request = ojson::object();
    Builder b(r, out.errors);
    b.set("/schema", "reqcheck.request/1", nullptr);
    const Node* hdr = root.child("Header");
    if (hdr) {
      if (const Node* id = hdr->child("TransactionIdentifier")) b.set("/reference", ident::ascii_lower(id->text), id);
      b.set_time("/received_at", hdr->child("Timestamp"));
      if (const Node* rcv = hdr->at("ReceiverIdentifier/UniqueIdentifier")) b.set("/service", ident::ascii_lower(rcv->text), rcv);
      if (const Node* name = hdr->at("SenderIdentifier/UniqueIdentifier")) b.set("/issuing_authority/name", name->text, name);
      if (const Node* cc = hdr->at("SenderIdentifier/CountryCode")) b.set("/issuing_authority/country", cc->text, cc);
    }
    std::string auth_id;
    if (auth) {
      if (const Node* oid = auth->child("ObjectIdentifier")) auth_id = ident::ascii_lower(oid->text);
      map_authorisation(b, auth);
    }
    std::size_t target_index = 0, item_index = 0;
    for (const Node* task : objects.tasks)
      if (!auth || associated(task, auth_id)) map_task(b, task, target_index, item_index);
    for (const Node* doc : objects.docs)
      if (!auth || associated(doc, auth_id)) map_document(b, doc);
    list_missing(r);
    out.requests.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string> split_hi1(std::string_view text) {
  auto imported = import_hi1(text);
  if (!imported.errors.empty() || imported.requests.size() <= 1) return {std::string(text)};
  const std::size_t n = imported.requests.size();
  std::vector<std::string> parts;
  // The other authorisations' ActionRequests become empty placeholders, so that every remaining
  // element keeps its path (ActionRequest[k]) and, in XML, its line and column.
  for (std::size_t keep = 0; keep < n; ++keep) {
    if (imported.form == Hi1Form::json) {
      auto j = nlohmann::json::parse(text, nullptr, false);
      auto& list = j["HI1Message"]["Payload"]["RequestPayload"]["ActionRequests"]["ActionRequest"];
      std::size_t auth_index = 0;
      for (auto& a : list) {
        const auto* obj = a.contains("CREATE") && a["CREATE"].contains("HI1Object") ? &a["CREATE"]["HI1Object"] : nullptr;
        const bool is_auth = obj && obj->is_object() && obj->value("@xsi:type", "").find("AuthorisationObject") != std::string::npos;
        if (is_auth && auth_index++ != keep) a = nlohmann::json::object();
      }
      parts.push_back(j.dump(2));
      continue;
    }
    pugi::xml_document doc;
    doc.load_buffer(text.data(), text.size());
    std::size_t auth_index = 0;
    std::vector<std::pair<std::size_t, std::size_t>> drop;  // byte ranges of whole elements
    for (auto node : doc.select_nodes("//*[local-name()='ActionRequest']")) {
      const auto el = node.node();
      const auto obj = el.select_node(".//*[local-name()='HI1Object']").node();
      bool is_auth = false;
      for (auto a : obj.attributes())
        if (std::string_view(a.value()).find("AuthorisationObject") != std::string_view::npos) is_auth = true;
      if (!is_auth || auth_index++ == keep) continue;
      const std::size_t begin = text.rfind('<', static_cast<std::size_t>(el.offset_debug()));
      const std::string close = "</" + std::string(el.name()) + ">";
      const std::size_t end = text.find(close, begin);
      if (begin == std::string_view::npos || end == std::string_view::npos) return {std::string(text)};
      drop.emplace_back(begin, end + close.size());
    }
    std::string part(text);
    for (auto it = drop.rbegin(); it != drop.rend(); ++it) {
      const auto removed = std::string_view(part).substr(it->first, it->second - it->first);
      const auto name = text.substr(it->first + 1, text.find_first_of(" \t\r\n>", it->first) - it->first - 1);
      part.replace(it->first, it->second - it->first,
                   "<" + std::string(name) + "/>" + std::string(static_cast<std::size_t>(std::count(removed.begin(), removed.end(), '\n')), '\n'));
    }
    parts.push_back(std::move(part));
  }
  return parts;
}

}  // namespace reqcheck::import
