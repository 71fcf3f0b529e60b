// The report view: the verdict as a coloured banner, counts, the policy in force, deadlines,
// and the findings table with a status filter. Clicking a finding asks the editor or the form
// to select its field. Everything shown, words included, comes from reqcheck_core's typed report.
#include <algorithm>
#include <cstdio>

#include <imgui.h>
#include <imgui_internal.h>

#include "panels/panels.hpp"

namespace reqcheck::app {

ImVec4 status_color(Status status) {
  switch (status) {
    case Status::pass: return {0.40f, 0.80f, 0.45f, 1.0f};
    case Status::fail: return {0.95f, 0.38f, 0.36f, 1.0f};
    case Status::review: return {0.96f, 0.72f, 0.26f, 1.0f};
    case Status::incomplete: return {0.60f, 0.66f, 1.00f, 1.0f};
    case Status::not_applicable: return {0.55f, 0.57f, 0.60f, 1.0f};
  }
  return {0.80f, 0.80f, 0.80f, 1.0f};
}

const char* status_icon(Status status) {
  switch (status) {
    case Status::pass: return "\xE2\x9C\x93";            // ✓
    case Status::fail: return "\xE2\x9C\x97";            // ✗
    case Status::review: return "\xE2\x9A\xA0";          // ⚠
    case Status::incomplete: return "\xE2\x97\x90";      // ◐
    case Status::not_applicable: return "\xE2\x80\x93";  // –
  }
  return "?";
}

ImVec4 verdict_color(Verdict verdict) {
  switch (verdict) {
    case Verdict::meets_criteria: return {0.16f, 0.45f, 0.24f, 1.0f};
    case Verdict::does_not_meet: return {0.58f, 0.16f, 0.16f, 1.0f};
    case Verdict::needs_review: return {0.62f, 0.43f, 0.08f, 1.0f};
    case Verdict::invalid_input: return {0.42f, 0.16f, 0.30f, 1.0f};
  }
  return {0.25f, 0.27f, 0.30f, 1.0f};
}

namespace {

/// `text` with its first letter upper-case (the core's words are lower-case, for inline use).
std::string capitalised(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

/// The banner's first line: an icon and the core's verdict label.
std::string verdict_headline(Verdict verdict) {
  const char* icon = verdict == Verdict::meets_criteria ? "\xE2\x9C\x93"   // ✓
                     : verdict == Verdict::needs_review ? "\xE2\x9A\xA0"  // ⚠
                                                        : "\xE2\x9C\x97";  // ✗
  return std::string(icon) + "  " + capitalised(report::verdict_label(verdict));
}

void draw_banner(AppUi& s) {
  const report::Report& r = s.report;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x;
  const float pad = style.FramePadding.x * 2;
  // the text wraps at narrow widths, so it is drawn first and the background behind it after
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(p0.x + pad, p0.y + pad));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + w - pad * 2);
  ImGui::PushFont(s.fonts.large);
  ImGui::TextWrapped("%s", s.checked ? verdict_headline(r.verdict).c_str() : "Not checked yet");
  ImGui::PopFont();
  if (s.checked) ImGui::TextWrapped("%s", capitalised(report::verdict_words(r.verdict)).c_str());
  const auto c = r.counts();
  ImGui::TextWrapped("%d failed   %d review   %d incomplete   %d passed   %d not applicable", c[static_cast<std::size_t>(Status::fail)],
                     c[static_cast<std::size_t>(Status::review)], c[static_cast<std::size_t>(Status::incomplete)],
                     c[static_cast<std::size_t>(Status::pass)], c[static_cast<std::size_t>(Status::not_applicable)]);
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  const float h = ImGui::GetItemRectMax().y - p0.y + pad;
  dl->ChannelsSetCurrent(0);
  const ImVec4 colour = s.checked ? verdict_color(r.verdict) : ImVec4(0.25f, 0.27f, 0.30f, 1.0f);
  dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), ImGui::GetColorU32(colour), style.FrameRounding * 2);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(p0.x, p0.y + h + style.ItemSpacing.y));
  ImGui::Dummy(ImVec2(w, 0));
}

void draw_policy_line(const AppUi& s) {
  const report::Report& r = s.report;
  std::string policy = r.policy_id.empty() ? std::string("(no pack)") : r.policy_id;
  if (!r.policy_version.empty()) policy += ", version " + r.policy_version;
  const char* how = s.pack_mode == PackMode::automatic ? "chosen by service and date received"
                    : s.pack_mode == PackMode::bundled ? "chosen by you"
                                                       : "from your pack file";
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("Policy applied: %s (%s). Checked at %s.", policy.c_str(), how, r.checked_at.c_str());
  ImGui::PopStyleColor();
  // a pack forced by id that did not apply at receipt: say so where the pack is named
  if (!r.policies.empty() && !r.policies.front().in_force_at_receipt) {
    ImGui::PushStyleColor(ImGuiCol_Text, status_color(Status::review));
    ImGui::TextWrapped("%s This pack was not in force when the request was received: the report says what it would have required, "
                       "not what applies (Pack > Automatic chooses the pack in force).",
                       status_icon(Status::review));
    ImGui::PopStyleColor();
  }
}

void draw_filter(AppUi& s) {
  constexpr Status order[] = {Status::fail, Status::review, Status::incomplete, Status::pass, Status::not_applicable};
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Show:");
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  const auto counts = s.report.counts();
  for (Status st : order) {
    const int i = static_cast<int>(st);
    char label[64];
    std::snprintf(label, sizeof label, "%s %s (%d)", status_icon(st), std::string(report::status_label(st)).c_str(), counts[static_cast<std::size_t>(i)]);
    // keep to the panel's width: a checkbox that would not fit starts a new line
    ImGui::SameLine();
    const float need = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
    if (ImGui::GetCursorScreenPos().x + need > right) ImGui::NewLine();
    ImGui::PushStyleColor(ImGuiCol_Text, status_color(st));
    ImGui::Checkbox(label, &s.show_status[i]);
    ImGui::PopStyleColor();
  }
}

void draw_notes(const AppUi& s) {
  for (const std::string& n : s.report.notes) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", n.c_str());
  }
}

/// One finding as a table row: status, rule, title with message, fix and location, and source.
/// `i` indexes `s.report.findings`; clicking the row selects the finding in the request.
void draw_finding_row(AppUi& s, std::size_t i) {
  const Finding& f = s.report.findings[i];
  ImGui::PushID(static_cast<int>(i));
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  // the whole row is the click target (its height is known only from the previous frame)
  const bool selected = s.selected_finding == static_cast<int>(i);
  const bool hovered = ImGui::TableGetHoveredRow() == ImGui::TableGetRowIndex() && ImGui::IsWindowHovered();
  if (selected || hovered) {
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(selected ? ImGuiCol_Header : ImGuiCol_HeaderHovered, selected ? 1.0f : 0.45f));
  }
  // a row is one keyboard stop (Tab, arrows; Space or Enter shows the finding), named for
  // screen readers by its status, rule and title; the mouse uses the whole row as drawn above
  const std::string status = std::string(report::status_label(f.status));
  const std::string stop = "##" + status + ", " + f.rule + ": " + f.title;
  const ImVec2 cell = ImGui::GetCursorPos();
  ImGui::PushStyleColor(ImGuiCol_HeaderHovered, ImVec4(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_HeaderActive, ImVec4(0, 0, 0, 0));
  const bool activated = ImGui::Selectable(stop.c_str(), false, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap);
  ImGui::PopStyleColor(2);
  ImGui::SetCursorPos(cell);  // the status is drawn over the (invisible) stop
  if (activated || (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left))) {
    s.selected_finding = static_cast<int>(i);
    select_finding(s, f);
  }
  if (hovered && !f.pointer.empty()) ImGui::SetTooltip("Click to show %s in the request", f.pointer.c_str());
  ImGui::TextColored(status_color(f.status), "%s %s", status_icon(f.status), status.c_str());
  ImGui::TableSetColumnIndex(1);
  ImGui::TextUnformatted(f.rule.c_str());
  ImGui::TableSetColumnIndex(2);
  ImGui::TextWrapped("%s", f.title.c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.86f, 0.87f, 0.90f, 1.0f));
  ImGui::TextWrapped("%s", f.message.c_str());
  ImGui::PopStyleColor();
  if (!f.help.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, status_color(Status::incomplete));
    ImGui::TextWrapped("Fix: %s", f.help.c_str());
    ImGui::PopStyleColor();
  }
  if (f.line > 0 && f.source.empty()) ImGui::TextDisabled("line %d, column %d", f.line, f.column);
  if (!f.pointer.empty()) ImGui::TextDisabled("%s", f.pointer.c_str());
  if (!f.source.empty()) ImGui::TextDisabled("HI-1: %s (line %d)", f.source.c_str(), f.line);
  ImGui::TableSetColumnIndex(3);
  ImGui::TextWrapped("%s", f.legal_ref.c_str());
  ImGui::PopID();
}

void draw_findings_table(AppUi& s) {
  // no scrolling of its own: the report scrolls as a whole, so that Tab reaches every row (a
  // table's scrolling child is outside the keyboard navigation of the pane)
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##findings", 4, flags)) return;
  const float icon_w = ImGui::CalcTextSize("incomplete").x + ImGui::GetFontSize();
  ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, icon_w);
  ImGui::TableSetupColumn("Rule", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("INSTR-00").x + ImGui::GetFontSize());
  ImGui::TableSetupColumn("Finding", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn("Source", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableHeadersRow();
  // the platform pack's (and the engine's) findings first, then each profile's under its own
  // heading; within a group in the report's order, which the core makes fails first
  for (const FindingGroup& group : finding_groups(s.report)) {
    if (!group.heading.empty()) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(2);
      // wrapped like the findings, so a long profile title is never cut at the column's edge
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.80f, 0.45f, 1.0f));
      ImGui::TextWrapped("%s", group.heading.c_str());
      ImGui::PopStyleColor();
      ImGui::TableSetColumnIndex(3);
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("%s", group.profile.c_str());
      ImGui::PopStyleColor();
    }
    for (std::size_t i : group.findings)
      if (s.show_status[static_cast<int>(s.report.findings[i].status)]) draw_finding_row(s, i);
  }
  ImGui::EndTable();
}

void draw_deadlines(const AppUi& s) {
  if (s.report.deadlines.empty()) return;
  if (!ImGui::CollapsingHeader("Deadlines", ImGuiTreeNodeFlags_DefaultOpen)) return;
  // each due date as the rule counted it, in the legal zone's offset at that instant, and the
  // time left from the checking time (never from this machine's clock: the report is fixed)
  for (const Deadline& d : s.report.deadlines) {
    const std::string left = report::time_left(d.due, s.report.checked_at);
    ImGui::Bullet();
    ImGui::TextWrapped("%s: %s%s%s%s", d.name.c_str(), d.due.c_str(), d.zone.empty() ? "" : (" (" + d.zone + ")").c_str(),
                       left.empty() ? "" : ": ", left.c_str());
    ImGui::Indent();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s%s", d.rule.empty() ? "" : (d.rule + ": ").c_str(), d.basis.c_str());
    ImGui::PopStyleColor();
    ImGui::Unindent();
  }
}

/// The framework profiles applied on top of the platform pack, each with why it applies.
void draw_profiles(const AppUi& s) {
  std::vector<const report::AppliedPolicy*> profiles;
  for (const auto& p : s.report.policies)
    if (p.kind == "profile") profiles.push_back(&p);
  if (profiles.empty()) return;
  if (!ImGui::CollapsingHeader("Legal-framework profiles", ImGuiTreeNodeFlags_DefaultOpen)) return;
  for (const auto* p : profiles) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s (%s)", p->title.empty() ? p->id.c_str() : p->title.c_str(), p->id.c_str());
    ImGui::Indent();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("applies: %s", p->reason.c_str());
    ImGui::PopStyleColor();
    ImGui::Unindent();
  }
}

}  // namespace

void draw_report(AppUi& s) {
  // below the tabs, the report scrolls as one (the findings table included)
  ImGui::BeginChild("##report_body", ImVec2(0, 0), false, kNavFlat);
  draw_batch_bar(s);
  draw_banner(s);
  draw_policy_line(s);
  const bool batch = is_batch(s);
  if (ImGui::SmallButton(batch ? "Download batch JSON" : "Download JSON")) download_report(s, ReportFormat::json);
  ImGui::SameLine();
  if (ImGui::SmallButton(batch ? "Download batch Markdown" : "Download Markdown")) download_report(s, ReportFormat::markdown);
  ImGui::SameLine();
  if (ImGui::SmallButton(batch ? "Print batch" : "Print")) print_report(s);
  if (batch) {
    ImGui::SameLine();
    if (ImGui::SmallButton("This request: JSON")) download_report(s, ReportFormat::json, false);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Only the report shown, named by its file and line");
  }
  draw_notes(s);
  draw_profiles(s);
  draw_deadlines(s);
  draw_filter(s);
  draw_findings_table(s);
  ImGui::EndChild();
}

}  // namespace reqcheck::app
