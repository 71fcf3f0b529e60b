// The form view of the request: every field of the request-format table (core's
// reqcheck/request_format.hpp) as a widget (enums as combos), each followed by the findings that
// point at it. Edits rewrite the request text from the parsed document (apply_form, app_state.hpp),
// so the JSON editor and the form never disagree.
#include <algorithm>
#include <cstdlib>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "panels/panels.hpp"
#include "reqcheck/request_format.hpp"

namespace reqcheck::app {
namespace {

using ojson = nlohmann::ordered_json;

// The fields, their kinds, enum values, labels and hints come from the request-format table in
// core (reqcheck/request_format.hpp): the form holds no copy of the format.

/// ImGui wants NUL-terminated text; the table holds string_views.
std::string str(std::string_view v) { return std::string(v); }

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
  std::string removed;            ///< what a Remove button took out this frame ("target 2"), for undo
  bool new_selection = false;     ///< a finding was clicked since the form last scrolled
  bool selection_drawn = false;   ///< the selected pointer itself was drawn this frame
  float label_w = 0.0f;
};

/// An enum value as the form shows it: its label, and the id written to the request beside it.
std::string shown_value(std::string_view id) {
  const std::string label = value_label(id);
  return label == id ? label : label + "   " + std::string(id);
}

bool is_selected(const FormPass& p, const std::string& pointer) { return p.s.selection.active && p.s.selection.pointer == pointer; }

/// True when the selection lies inside `pointer` (so its section is opened).
bool selection_inside(const FormPass& p, const std::string& pointer) {
  const std::string& sel = p.s.selection.pointer;
  return p.new_selection && sel.size() > pointer.size() && sel.compare(0, pointer.size(), pointer) == 0 && sel[pointer.size()] == '/';
}

/// The findings that point at `pointer` (except passes and n/a), drawn under its widget.
void draw_field_findings(FormPass& p, const std::string& pointer) {
  for (const Finding& f : p.s.form_findings) {
    if (f.pointer != pointer) continue;
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

/// A field's ImGui label: hidden (the label is drawn beside it), but named after the field so
/// that the keyboard focus can be announced by name (focus.cpp).
std::string field_id(const FieldSpec& def) { return "##" + std::string(def.label); }

void label(FormPass& p, std::string_view text) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::SameLine(p.label_w);
  ImGui::SetNextItemWidth(-FLT_MIN);
}

/// A value of the wrong JSON type for its widget: shown read-only, to be fixed in the editor.
void draw_foreign(FormPass& p, const FieldSpec& def, const ojson& value) {
  label(p, def.label);
  const std::string text = value.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
  ImGui::TextColored(status_color(Status::fail), "%s  (not a valid %s here: edit it in the JSON tab)", text.c_str(),
                     def.kind == FieldKind::number ? "number" : def.kind == FieldKind::boolean ? "true/false" : "value");
}

void draw_fields(FormPass& p, ojson& obj, std::string_view pattern, const std::string& base);

/// Under the language field, the languages the pack in force accepts (INSTR-06) as buttons that
/// set it; the field stays free text, since any BCP 47 tag can be given (with a translation).
void draw_language_choices(FormPass& p, ojson& obj, const std::string& key, const std::string& current) {
  const std::vector<std::string> choices = language_choices(p.s);
  if (choices.empty()) return;
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Accepted by %s:", p.s.report.policy_id.c_str());
  for (const std::string& lang : choices) {
    ImGui::SameLine();
    ImGui::PushID(lang.c_str());
    const bool chosen = current == lang;
    if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::SmallButton(lang.c_str()) && !chosen) {
      obj[key] = lang;
      p.changed = true;
    }
    if (chosen) ImGui::PopStyleColor();
    ImGui::PopID();
  }
}

/// One scalar field `key` of `obj` (its table entry `def`), at `pointer` in the request.
void draw_scalar(FormPass& p, ojson& obj, const FieldSpec& def, const std::string& key, const std::string& pointer) {
  const bool present = obj.contains(key);
  ojson* value = present ? &obj[key] : nullptr;
  const ImVec2 row_min = ImGui::GetCursorScreenPos();
  switch (def.kind) {
    case FieldKind::string:
    case FieldKind::text:
    case FieldKind::date:
    case FieldKind::datetime: {
      if (value != nullptr && !value->is_string()) {
        draw_foreign(p, def, *value);
        break;
      }
      std::string text = value != nullptr ? value->get<std::string>() : std::string();
      label(p, def.label);
      bool edited = false;
      if (def.kind == FieldKind::text) {
        const float h = ImGui::GetTextLineHeight() * 3 + ImGui::GetStyle().FramePadding.y * 2;
        edited = ImGui::InputTextMultiline(field_id(def).c_str(), &text, ImVec2(-FLT_MIN, h));
      } else {
        edited = ImGui::InputTextWithHint(field_id(def).c_str(), str(def.hint).c_str(), &text);
      }
      if (edited) {
        if (text.empty()) obj.erase(key);
        else obj[key] = text;
        p.changed = true;
      }
      if (pointer == "/language") draw_language_choices(p, obj, key, text);
      break;
    }
    case FieldKind::enum_:
    case FieldKind::constant: {
      if (value != nullptr && !value->is_string()) {
        draw_foreign(p, def, *value);
        break;
      }
      const std::string current = value != nullptr ? value->get<std::string>() : std::string();
      // the format identifier (`schema`) is the app's business: shown only when it is wrong
      if (def.kind == FieldKind::constant && !def.values.empty() && current == def.values.front()) break;
      const bool known = current.empty() || std::find(def.values.begin(), def.values.end(), current) != def.values.end();
      label(p, def.label);
      if (!known) ImGui::PushStyleColor(ImGuiCol_Text, status_color(Status::fail));
      const std::string preview = current.empty() ? std::string("(not stated)") : known ? shown_value(current) : current + "  (not an allowed value)";
      const bool open = ImGui::BeginCombo(field_id(def).c_str(), preview.c_str());
      if (!known) ImGui::PopStyleColor();
      if (open) {
        if (ImGui::Selectable("(not stated)", current.empty())) {
          obj.erase(key);
          p.changed = true;
        }
        for (const std::string_view choice : def.values) {
          if (ImGui::Selectable(shown_value(choice).c_str(), current == choice)) {
            obj[key] = str(choice);
            p.changed = true;
          }
        }
        ImGui::EndCombo();
      }
      break;
    }
    case FieldKind::boolean: {
      if (value != nullptr && !value->is_boolean()) {
        draw_foreign(p, def, *value);
        break;
      }
      const int current = value == nullptr ? 0 : value->get<bool>() ? 1 : 2;
      const char* names[] = {"(not stated)", "yes", "no"};
      int choice = current;
      label(p, def.label);
      if (ImGui::Combo(field_id(def).c_str(), &choice, names, 3) && choice != current) {
        if (choice == 0) obj.erase(key);
        else obj[key] = choice == 1;
        p.changed = true;
      }
      break;
    }
    case FieldKind::number: {
      if (value != nullptr && !value->is_number()) {
        draw_foreign(p, def, *value);
        break;
      }
      std::string text = value != nullptr ? value->dump() : std::string();
      label(p, def.label);
      if (ImGui::InputTextWithHint(field_id(def).c_str(), def.hint.empty() ? "a number" : str(def.hint).c_str(), &text,
                                   ImGuiInputTextFlags_CharsDecimal)) {
        char* end = nullptr;
        const double d = std::strtod(text.c_str(), &end);
        if (text.empty()) {
          obj.erase(key);
          p.changed = true;
        } else if (end != nullptr && *end == '\0') {
          if (d == static_cast<double>(static_cast<long long>(d))) obj[key] = static_cast<long long>(d);
          else obj[key] = d;
          p.changed = true;
        }
      }
      break;
    }
    case FieldKind::object:
    case FieldKind::array: break;
  }
  mark_selection(p, pointer, row_min);
  draw_field_findings(p, pointer);
}

/// An object field `key` of `obj` (table entry `def`), its fields drawn from the table.
void draw_object(FormPass& p, ojson& obj, const FieldSpec& def, const std::string& key, const std::string& pointer, bool top_level) {
  const bool present = obj.contains(key);
  const std::string name = str(def.label);
  if (selection_inside(p, pointer) || (p.new_selection && is_selected(p, pointer))) ImGui::SetNextItemOpen(true);
  const ImVec2 row_min = ImGui::GetCursorScreenPos();
  const ImGuiTreeNodeFlags flags = (top_level ? ImGuiTreeNodeFlags_DefaultOpen : 0) | ImGuiTreeNodeFlags_SpanAvailWidth |
                                   (present ? 0 : ImGuiTreeNodeFlags_Leaf);
  bool open = false;
  if (top_level) {
    open = ImGui::CollapsingHeader(present ? name.c_str() : (name + "  (absent)").c_str(), flags);
  } else {
    open = ImGui::TreeNodeEx(name.c_str(), flags, "%s%s", name.c_str(), present ? "" : "  (absent)");
  }
  mark_selection(p, pointer, row_min);
  draw_field_findings(p, pointer);
  if (!open) return;
  if (!top_level) ImGui::Indent(0);
  if (!present) {
    const std::string add = "Add " + name;
    if (ImGui::SmallButton(add.c_str())) {
      obj[key] = ojson::object();
      p.changed = true;
    }
  } else if (!obj[key].is_object()) {
    draw_foreign(p, def, obj[key]);
  } else {
    draw_fields(p, obj[key], def.pointer, pointer);
    const std::string remove = "Remove " + name;
    if (ImGui::SmallButton(remove.c_str())) {
      obj.erase(key);
      p.changed = true;
      p.removed = "removed " + name;
    }
  }
  if (!top_level) {
    ImGui::Unindent(0);
    ImGui::TreePop();
  }
  ImGui::Spacing();
}

/// An array field `key` of `obj` (table entry `def`): one tree node per element, whose fields
/// are the table's `<pattern>/*/...` entries.
void draw_list(FormPass& p, ojson& obj, const FieldSpec& def, const std::string& key, const std::string& pointer, bool top_level) {
  const ImVec2 row_min = ImGui::GetCursorScreenPos();
  if (selection_inside(p, pointer) || (p.new_selection && is_selected(p, pointer))) ImGui::SetNextItemOpen(true);
  const bool present = obj.contains(key);
  const std::size_t n = present && obj[key].is_array() ? obj[key].size() : 0;
  const std::string element_pattern = str(def.pointer) + "/*";
  const FieldSpec* element = find_field(element_pattern);
  const std::string element_label = str(element != nullptr ? element->label : def.label);
  const std::string title = str(def.label) + " (" + std::to_string(n) + ")###" + key;
  bool open = top_level ? ImGui::CollapsingHeader(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen)
                        : ImGui::TreeNodeEx(title.c_str(), ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth);
  mark_selection(p, pointer, row_min);
  draw_field_findings(p, pointer);
  if (!open) return;
  if (present && !obj[key].is_array()) {
    draw_foreign(p, def, obj[key]);
  } else {
    std::size_t remove_at = n;
    for (std::size_t i = 0; i < n; ++i) {
      ojson& item = obj[key][i];
      const std::string item_ptr = pointer + "/" + std::to_string(i);
      ImGui::PushID(static_cast<int>(i));
      if (selection_inside(p, item_ptr) || (p.new_selection && is_selected(p, item_ptr))) ImGui::SetNextItemOpen(true);
      const ImVec2 item_min = ImGui::GetCursorScreenPos();
      const bool item_open = ImGui::TreeNodeEx("##item", ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth, "%s %zu",
                                               element_label.c_str(), i + 1);
      mark_selection(p, item_ptr, item_min);
      draw_field_findings(p, item_ptr);
      if (item_open) {
        if (item.is_object()) draw_fields(p, item, element_pattern, item_ptr);
        else ImGui::TextColored(status_color(Status::fail), "not an object: edit it in the JSON tab");
        if (ImGui::SmallButton("Remove")) remove_at = i;
        ImGui::TreePop();
      }
      ImGui::PopID();
    }
    if (remove_at < n) {
      obj[key].erase(remove_at);
      p.changed = true;
      p.removed = "removed " + element_label + " " + std::to_string(remove_at + 1);
    }
    const std::string add = "Add to " + str(def.label);
    if (ImGui::SmallButton(add.c_str())) {
      if (!present) obj[key] = ojson::array();
      obj[key].push_back(ojson::object());
      p.changed = true;
    }
  }
  if (!top_level) ImGui::TreePop();
  ImGui::Spacing();
}

/// The fields of the object `obj`, whose table entry is `pattern` ("" for the request itself,
/// `/targets/*` for a target), at `base` in the request.
void draw_fields(FormPass& p, ojson& obj, std::string_view pattern, const std::string& base) {
  const bool top_level = base.empty();
  for (const FieldSpec* def : child_fields(pattern)) {
    const std::string key = str(field_name(*def));
    const std::string pointer = base + "/" + pointer_token(key);
    ImGui::PushID(key.c_str());
    if (def->kind == FieldKind::object) draw_object(p, obj, *def, key, pointer, top_level);
    else if (def->kind == FieldKind::array) draw_list(p, obj, *def, key, pointer, top_level);
    else draw_scalar(p, obj, *def, key, pointer);
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
  ImGui::BeginChild("##form_scroll", ImVec2(0, 0), false, kNavFlat);
  // the findings under the fields change only between interactions (see AppUi::form_findings)
  if (!ImGui::IsAnyItemActive()) {
    s.form_findings.clear();
    for (const Finding& f : s.report.findings)
      if (f.status != Status::pass && f.status != Status::not_applicable) s.form_findings.push_back(f);
  }
  FormPass p{s, false, {}, false, false, 0.0f};
  p.new_selection = s.selection.serial != s.form_seen_selection;
  p.label_w = ImGui::CalcTextSize("Statement of reasons").x + ImGui::GetStyle().ItemSpacing.x * 3 + ImGui::GetStyle().IndentSpacing * 2;
  draw_field_findings(p, "");
  draw_fields(p, s.form_doc, "", "");
  // the selected field is absent or not in the form: the sections on its path were opened instead
  if (p.new_selection) s.form_seen_selection = s.selection.serial;
  ImGui::EndChild();
  // the text before the Remove is one Ctrl+Z away: the form itself has no undo
  if (!p.removed.empty()) keep_for_undo(s, p.removed);
  if (p.changed) apply_form(s);
}

}  // namespace reqcheck::app
