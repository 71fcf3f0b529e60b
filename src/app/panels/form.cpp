// The form view of the request: every field of request-format.md as a widget (enums as combos),
// each followed by the findings that point at it. Edits rewrite the request text from the
// parsed document (AppUi::apply_form), so the JSON editor and the form never disagree.
#include <algorithm>
#include <cstdlib>
#include <span>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "panels/panels.hpp"

namespace reqcheck::app {
namespace {

using ojson = nlohmann::ordered_json;

enum class Kind { text, longtext, date, datetime, choice, boolean, number, object, list };

/// One field of the request format: its key, label, widget and, for objects and lists, the
/// fields of the object (of each element, for lists).
struct FieldDef {
  const char* key;
  const char* label;
  Kind kind;
  std::span<const char* const> choices = {};
  std::span<const FieldDef> children = {};
  const char* hint = "";
};

// --- the request format, version 1 (shared/design/request-format.md) ------------------------

constexpr const char* instrument_types[] = {"court_order", "warrant", "subpoena", "sca_2703d_order", "production_order",
                                            "epoc", "epoc_pr", "dsa_article_10_order", "overseas_production_order",
                                            "emergency_request", "preservation_request", "mlat_request", "police_request",
                                            "letter", "other"};
constexpr const char* authority_types[] = {"court", "judge", "investigating_judge", "prosecutor", "police",
                                           "administrative_authority", "central_authority", "other"};
constexpr const char* channels[] = {"portal", "email", "post", "fax", "other"};
constexpr const char* offence_categories[] = {"terrorism", "violent_extremism", "child_sexual_abuse", "drug_trafficking",
                                              "illegal_goods", "weapons_trafficking", "fraud", "scam", "human_trafficking",
                                              "cybercrime", "threats_of_violence", "doxxing", "extortion", "money_laundering",
                                              "copyright_infringement", "political_speech", "defamation",
                                              "unauthorised_assembly", "other"};
constexpr const char* target_types[] = {"user_id", "username", "phone_number", "link", "ip_address", "email", "display_name"};
constexpr const char* target_roles[] = {"suspect", "accused", "witness", "victim", "person_at_risk", "unknown"};
constexpr const char* data_categories[] = {"ip_address", "phone_number", "subscriber_data", "traffic_data", "content_data",
                                           "location_data", "contacts", "other"};
constexpr const char* schemas[] = {"reqcheck.request/1"};

constexpr FieldDef signatory_fields[] = {
    {"name", "Name", Kind::text},
    {"role", "Role", Kind::choice, authority_types},
};
constexpr FieldDef legal_basis_fields[] = {
    {"law", "Law", Kind::text, {}, {}, "e.g. StPO"},
    {"provision", "Provision", Kind::text, {}, {}, "e.g. § 100k"},
    {"jurisdiction", "Jurisdiction", Kind::text, {}, {}, "ISO 3166-1 alpha-2 or EU"},
};
constexpr FieldDef instrument_fields[] = {
    {"type", "Type", Kind::choice, instrument_types},
    {"reference", "Reference", Kind::text, {}, {}, "docket / order number"},
    {"issued_on", "Issued on", Kind::date, {}, {}, "YYYY-MM-DD or date-time"},
    {"valid_until", "Valid until", Kind::date, {}, {}, "YYYY-MM-DD or date-time"},
    {"signed", "Signed", Kind::boolean},
    {"signatory", "Signatory", Kind::object, {}, signatory_fields},
    {"legal_basis", "Legal basis", Kind::list, {}, legal_basis_fields},
    {"statement_of_reasons", "Statement of reasons", Kind::longtext},
    {"redress", "Redress", Kind::longtext},
};
constexpr FieldDef authority_fields[] = {
    {"name", "Name", Kind::text},
    {"type", "Type", Kind::choice, authority_types},
    {"country", "Country", Kind::text, {}, {}, "ISO 3166-1 alpha-2, e.g. DE, GB"},
    {"email", "E-mail", Kind::text},
    {"phone", "Phone", Kind::text, {}, {}, "E.164, e.g. +4930..."},
};
constexpr FieldDef supervisor_fields[] = {
    {"name", "Name", Kind::text},
    {"phone", "Phone", Kind::text, {}, {}, "E.164"},
};
constexpr FieldDef requester_fields[] = {
    {"name", "Name", Kind::text},
    {"agency", "Agency", Kind::text},
    {"email", "E-mail", Kind::text},
    {"phone", "Phone", Kind::text, {}, {}, "E.164"},
    {"reply_to", "Reply to", Kind::text, {}, {}, "if different from the e-mail"},
    {"supervisor", "Supervisor", Kind::object, {}, supervisor_fields},
    {"channel", "Channel", Kind::choice, channels},
};
constexpr FieldDef offence_fields[] = {
    {"category", "Category", Kind::choice, offence_categories},
    {"description", "Description", Kind::longtext},
    {"provision", "Provision", Kind::text, {}, {}, "e.g. § 29 BtMG"},
    {"max_sentence_years", "Max. sentence (years)", Kind::number},
};
constexpr FieldDef case_fields[] = {
    {"reference", "Reference", Kind::text},
    {"summary", "Summary", Kind::longtext},
    {"offences", "Offences", Kind::list, {}, offence_fields},
};
constexpr FieldDef target_fields[] = {
    {"type", "Type", Kind::choice, target_types},
    {"value", "Value", Kind::text, {}, {}, "e.g. @username, +4930..., https://t.me/name"},
    {"role", "Role", Kind::choice, target_roles},
};
constexpr FieldDef data_item_fields[] = {
    {"category", "Category", Kind::choice, data_categories},
    {"from", "From", Kind::date, {}, {}, "YYYY-MM-DD or date-time"},
    {"to", "To", Kind::date, {}, {}, "YYYY-MM-DD or date-time"},
    {"note", "Note", Kind::text},
};
constexpr FieldDef emergency_fields[] = {
    {"threat", "Threat", Kind::longtext},
    {"person_at_risk", "Person at risk", Kind::text},
    {"why_this_data", "Why this data", Kind::longtext},
    {"deadline_hours", "Deadline (hours)", Kind::number},
};
constexpr FieldDef non_disclosure_fields[] = {
    {"requested", "Requested", Kind::boolean},
    {"until", "Until", Kind::date, {}, {}, "YYYY-MM-DD"},
    {"order_reference", "Order reference", Kind::text},
};
constexpr FieldDef request_fields[] = {
    {"schema", "Schema", Kind::choice, schemas},
    {"reference", "Your reference", Kind::text},
    {"received_at", "Received at", Kind::datetime, {}, {}, "YYYY-MM-DDThh:mm:ss+01:00"},
    {"service", "Service", Kind::text, {}, {}, "e.g. telegram"},
    {"language", "Language", Kind::text, {}, {}, "BCP 47, e.g. en"},
    {"instrument", "Instrument", Kind::object, {}, instrument_fields},
    {"issuing_authority", "Issuing authority", Kind::object, {}, authority_fields},
    {"validating_authority", "Validating authority", Kind::object, {}, authority_fields},
    {"requester", "Requester", Kind::object, {}, requester_fields},
    {"case", "Case", Kind::object, {}, case_fields},
    {"targets", "Targets", Kind::list, {}, target_fields},
    {"data_requested", "Data requested", Kind::list, {}, data_item_fields},
    {"emergency", "Emergency", Kind::object, {}, emergency_fields},
    {"non_disclosure", "Non-disclosure", Kind::object, {}, non_disclosure_fields},
};

/// Escapes a key for a JSON Pointer (RFC 6901).
std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

/// Drawing context of one form pass: the state, and where the selection was drawn.
struct FormPass {
  AppUi& s;
  bool changed = false;
  bool new_selection = false;     ///< a finding was clicked since the form last scrolled
  bool selection_drawn = false;   ///< the selected pointer itself was drawn this frame
  float label_w = 0.0f;
};

bool is_selected(const FormPass& p, const std::string& pointer) { return p.s.selection.serial != 0 && p.s.selection.pointer == pointer; }

/// True when the selection lies inside `pointer` (so its section is opened).
bool selection_inside(const FormPass& p, const std::string& pointer) {
  const std::string& sel = p.s.selection.pointer;
  return p.new_selection && sel.size() > pointer.size() && sel.compare(0, pointer.size(), pointer) == 0 && sel[pointer.size()] == '/';
}

/// The findings that point at `pointer` (except passes and n/a), drawn under its widget.
void draw_field_findings(FormPass& p, const std::string& pointer) {
  const auto& findings = p.s.report.findings;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    if (f.pointer != pointer || f.status == Status::pass || f.status == Status::not_applicable) continue;
    ImGui::Indent(p.label_w);
    ImGui::PushStyleColor(ImGuiCol_Text, status_color(f.status));
    ImGui::TextWrapped("%s %s: %s", status_icon(f.status), f.rule.c_str(), f.message.c_str());
    ImGui::PopStyleColor();
    if (!f.help.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("%s", f.help.c_str());
      ImGui::PopStyleColor();
    }
    ImGui::Unindent(p.label_w);
  }
}

/// Marks the row just drawn when it is the selected field, and scrolls to it once.
void mark_selection(FormPass& p, const std::string& pointer, ImVec2 row_min) {
  if (!is_selected(p, pointer)) return;
  p.selection_drawn = true;
  const ImVec2 row_max(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x, ImGui::GetItemRectMax().y);
  ImGui::GetWindowDrawList()->AddRect(ImVec2(row_min.x - 3, row_min.y - 2), ImVec2(row_max.x + 1, row_max.y + 2),
                                      ImGui::GetColorU32(ImVec4(0.95f, 0.75f, 0.25f, 1.0f)), 3.0f, 0, 2.0f);
  if (p.new_selection) {
    ImGui::SetScrollHereY(0.3f);
    p.s.form_seen_selection = p.s.selection.serial;
    p.new_selection = false;
  }
}

void label(FormPass& p, const char* text) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(text);
  ImGui::SameLine(p.label_w);
  ImGui::SetNextItemWidth(-FLT_MIN);
}

/// A value of the wrong JSON type for its widget: shown read-only, to be fixed in the editor.
void draw_foreign(FormPass& p, const FieldDef& def, const ojson& value) {
  label(p, def.label);
  const std::string text = value.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
  ImGui::TextColored(status_color(Status::fail), "%s  (not a valid %s here: edit it in the JSON tab)", text.c_str(),
                     def.kind == Kind::number ? "number" : def.kind == Kind::boolean ? "true/false" : "value");
}

void draw_fields(FormPass& p, ojson& obj, std::span<const FieldDef> defs, const std::string& base);

void draw_scalar(FormPass& p, ojson& obj, const FieldDef& def, const std::string& pointer) {
  const bool present = obj.contains(def.key);
  ojson* value = present ? &obj[def.key] : nullptr;
  const ImVec2 row_min = ImGui::GetCursorScreenPos();
  switch (def.kind) {
    case Kind::text:
    case Kind::longtext:
    case Kind::date:
    case Kind::datetime: {
      if (value != nullptr && !value->is_string()) {
        draw_foreign(p, def, *value);
        break;
      }
      std::string text = value != nullptr ? value->get<std::string>() : std::string();
      label(p, def.label);
      bool edited = false;
      if (def.kind == Kind::longtext) {
        const float h = ImGui::GetTextLineHeight() * 3 + ImGui::GetStyle().FramePadding.y * 2;
        edited = ImGui::InputTextMultiline("##v", &text, ImVec2(-FLT_MIN, h));
      } else {
        edited = ImGui::InputTextWithHint("##v", def.hint, &text);
      }
      if (edited) {
        if (text.empty()) obj.erase(def.key);
        else obj[def.key] = text;
        p.changed = true;
      }
      break;
    }
    case Kind::choice: {
      if (value != nullptr && !value->is_string()) {
        draw_foreign(p, def, *value);
        break;
      }
      const std::string current = value != nullptr ? value->get<std::string>() : std::string();
      const bool known = current.empty() || std::find(def.choices.begin(), def.choices.end(), current) != def.choices.end();
      label(p, def.label);
      if (!known) ImGui::PushStyleColor(ImGuiCol_Text, status_color(Status::fail));
      const std::string preview = current.empty() ? std::string("(not stated)") : known ? current : current + "  (not an allowed value)";
      const bool open = ImGui::BeginCombo("##v", preview.c_str());
      if (!known) ImGui::PopStyleColor();
      if (open) {
        if (ImGui::Selectable("(not stated)", current.empty())) {
          obj.erase(def.key);
          p.changed = true;
        }
        for (const char* choice : def.choices) {
          if (ImGui::Selectable(choice, current == choice)) {
            obj[def.key] = choice;
            p.changed = true;
          }
        }
        ImGui::EndCombo();
      }
      break;
    }
    case Kind::boolean: {
      if (value != nullptr && !value->is_boolean()) {
        draw_foreign(p, def, *value);
        break;
      }
      const int current = value == nullptr ? 0 : value->get<bool>() ? 1 : 2;
      const char* names[] = {"(not stated)", "yes", "no"};
      int choice = current;
      label(p, def.label);
      if (ImGui::Combo("##v", &choice, names, 3) && choice != current) {
        if (choice == 0) obj.erase(def.key);
        else obj[def.key] = choice == 1;
        p.changed = true;
      }
      break;
    }
    case Kind::number: {
      if (value != nullptr && !value->is_number()) {
        draw_foreign(p, def, *value);
        break;
      }
      std::string text = value != nullptr ? value->dump() : std::string();
      label(p, def.label);
      if (ImGui::InputTextWithHint("##v", "a number", &text, ImGuiInputTextFlags_CharsDecimal)) {
        char* end = nullptr;
        const double d = std::strtod(text.c_str(), &end);
        if (text.empty()) {
          obj.erase(def.key);
          p.changed = true;
        } else if (end != nullptr && *end == '\0') {
          if (d == static_cast<double>(static_cast<long long>(d))) obj[def.key] = static_cast<long long>(d);
          else obj[def.key] = d;
          p.changed = true;
        }
      }
      break;
    }
    case Kind::object:
    case Kind::list: break;
  }
  mark_selection(p, pointer, row_min);
  draw_field_findings(p, pointer);
}

void draw_object(FormPass& p, ojson& obj, const FieldDef& def, const std::string& pointer, bool top_level) {
  const bool present = obj.contains(def.key);
  if (selection_inside(p, pointer) || (p.new_selection && is_selected(p, pointer))) ImGui::SetNextItemOpen(true);
  const ImVec2 row_min = ImGui::GetCursorScreenPos();
  const ImGuiTreeNodeFlags flags = (top_level ? ImGuiTreeNodeFlags_DefaultOpen : 0) | ImGuiTreeNodeFlags_SpanAvailWidth |
                                   (present ? 0 : ImGuiTreeNodeFlags_Leaf);
  bool open = false;
  if (top_level) {
    open = ImGui::CollapsingHeader(present ? def.label : (std::string(def.label) + "  (absent)").c_str(), flags);
  } else {
    open = ImGui::TreeNodeEx(def.label, flags, "%s%s", def.label, present ? "" : "  (absent)");
  }
  mark_selection(p, pointer, row_min);
  draw_field_findings(p, pointer);
  if (!open) return;
  if (!top_level) ImGui::Indent(0);
  if (!present) {
    const std::string add = "Add " + std::string(def.label);
    if (ImGui::SmallButton(add.c_str())) {
      obj[def.key] = ojson::object();
      p.changed = true;
    }
  } else if (!obj[def.key].is_object()) {
    draw_foreign(p, def, obj[def.key]);
  } else {
    draw_fields(p, obj[def.key], def.children, pointer);
    const std::string remove = "Remove " + std::string(def.label);
    if (ImGui::SmallButton(remove.c_str())) {
      obj.erase(def.key);
      p.changed = true;
    }
  }
  if (!top_level) {
    ImGui::Unindent(0);
    ImGui::TreePop();
  }
  ImGui::Spacing();
}

void draw_list(FormPass& p, ojson& obj, const FieldDef& def, const std::string& pointer, bool top_level) {
  const ImVec2 row_min = ImGui::GetCursorScreenPos();
  if (selection_inside(p, pointer) || (p.new_selection && is_selected(p, pointer))) ImGui::SetNextItemOpen(true);
  const bool present = obj.contains(def.key);
  const std::size_t n = present && obj[def.key].is_array() ? obj[def.key].size() : 0;
  const std::string title = std::string(def.label) + " (" + std::to_string(n) + ")###" + def.key;
  bool open = top_level ? ImGui::CollapsingHeader(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen)
                        : ImGui::TreeNodeEx(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth);
  mark_selection(p, pointer, row_min);
  draw_field_findings(p, pointer);
  if (!open) return;
  if (present && !obj[def.key].is_array()) {
    draw_foreign(p, def, obj[def.key]);
  } else {
    std::size_t remove_at = n;
    for (std::size_t i = 0; i < n; ++i) {
      ojson& item = obj[def.key][i];
      const std::string item_ptr = pointer + "/" + std::to_string(i);
      ImGui::PushID(static_cast<int>(i));
      if (selection_inside(p, item_ptr) || (p.new_selection && is_selected(p, item_ptr))) ImGui::SetNextItemOpen(true);
      const ImVec2 item_min = ImGui::GetCursorScreenPos();
      const bool item_open = ImGui::TreeNodeEx("##item", ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth, "%s %zu",
                                               def.label, i + 1);
      mark_selection(p, item_ptr, item_min);
      draw_field_findings(p, item_ptr);
      if (item_open) {
        if (item.is_object()) draw_fields(p, item, def.children, item_ptr);
        else ImGui::TextColored(status_color(Status::fail), "not an object: edit it in the JSON tab");
        if (ImGui::SmallButton("Remove")) remove_at = i;
        ImGui::TreePop();
      }
      ImGui::PopID();
    }
    if (remove_at < n) {
      obj[def.key].erase(remove_at);
      p.changed = true;
    }
    const std::string add = "Add to " + std::string(def.label);
    if (ImGui::SmallButton(add.c_str())) {
      if (!present) obj[def.key] = ojson::array();
      obj[def.key].push_back(ojson::object());
      p.changed = true;
    }
  }
  if (!top_level) ImGui::TreePop();
  ImGui::Spacing();
}

void draw_fields(FormPass& p, ojson& obj, std::span<const FieldDef> defs, const std::string& base) {
  const bool top_level = base.empty();
  for (const FieldDef& def : defs) {
    const std::string pointer = base + "/" + pointer_token(def.key);
    ImGui::PushID(def.key);
    if (def.kind == Kind::object) draw_object(p, obj, def, pointer, top_level);
    else if (def.kind == Kind::list) draw_list(p, obj, def, pointer, top_level);
    else draw_scalar(p, obj, def, pointer);
    ImGui::PopID();
  }
}

}  // namespace

void draw_form(AppUi& s) {
  if (!s.form_valid) {
    ImGui::Spacing();
    ImGui::TextColored(status_color(Status::fail), "%s %s", status_icon(Status::fail), s.form_error.c_str());
    ImGui::TextWrapped("Your text is kept as it is. Go to the Request JSON tab to correct it.");
    if (ImGui::Button("Show the JSON")) {
      s.request_view = RequestView::editor;
      s.request_view_switch = true;
    }
    return;
  }
  ImGui::TextDisabled("Fields left empty are removed from the request. Findings show under their field.");
  ImGui::BeginChild("##form_scroll", ImVec2(0, 0), false);
  FormPass p{s};
  p.new_selection = s.selection.serial != s.form_seen_selection;
  p.label_w = ImGui::CalcTextSize("Statement of reasons").x + ImGui::GetStyle().ItemSpacing.x * 3 + ImGui::GetStyle().IndentSpacing * 2;
  draw_field_findings(p, "");
  draw_fields(p, s.form_doc, request_fields, "");
  // the selected field is absent or not in the form: the sections on its path were opened instead
  if (p.new_selection) s.form_seen_selection = s.selection.serial;
  ImGui::EndChild();
  if (p.changed) apply_form(s);
}

}  // namespace reqcheck::app
