// The main menu bar: open, samples, paste, save, downloads and print; check now and format;
// pack choice; help. Ctrl+O/S/P/Enter are caught by web/glue.js (the browser would take them)
// and arrive as the same commands; the menu only shows them.
#include "panels/panels.hpp"

namespace reqcheck::app {
namespace {

void file_menu(AppUi& s) {
  if (!ImGui::BeginMenu("File")) return;
  if (ImGui::MenuItem("Open request…", "Ctrl+O")) s.platform->open_file(Incoming::request);
  if (ImGui::BeginMenu("Open sample", samples_count > 0)) {
    for (std::size_t i = 0; i < samples_count; ++i) {
      if (ImGui::MenuItem(samples[i].name)) open_sample(s, samples[i].name);
    }
    ImGui::EndMenu();
  }
  if (ImGui::MenuItem("Paste request from clipboard", "Ctrl+V")) s.platform->request_paste();
  if (ImGui::MenuItem("Save request", "Ctrl+S")) save_request(s);
  ImGui::Separator();
  const bool has_report = s.checked;
  const bool batch = is_batch(s);
  if (ImGui::MenuItem(batch ? "Download batch reports (JSON)" : "Download report (JSON)", "Ctrl+Shift+S", false, has_report))
    download_report(s, ReportFormat::json);
  if (ImGui::MenuItem(batch ? "Download batch reports (Markdown)" : "Download report (Markdown)", nullptr, false, has_report))
    download_report(s, ReportFormat::markdown);
  if (ImGui::MenuItem(is_batch(s) ? "Print batch (every report)…" : "Print report…", "Ctrl+P", false, has_report)) print_report(s);
  if (ImGui::BeginMenu("Export batch", is_batch(s) && !s.run.rows.empty())) {
    if (ImGui::MenuItem("Results table (CSV)")) download_batch(s, BatchExport::results_csv);
    if (ImGui::MenuItem("Results table (JSON)")) download_batch(s, BatchExport::results_json);
    if (ImGui::MenuItem("Tallies (CSV)")) download_batch(s, BatchExport::tally_csv);
    if (ImGui::MenuItem("Tallies (JSON)")) download_batch(s, BatchExport::tally_json);
    if (ImGui::MenuItem("Every report (NDJSON)")) download_batch(s, BatchExport::reports_ndjson);
    ImGui::EndMenu();
  }
  ImGui::EndMenu();
}

void edit_menu(AppUi& s) {
  if (!ImGui::BeginMenu("Edit")) return;
  const std::string undo = s.undo_stack.empty() ? std::string("Undo") : "Undo " + s.undo_stack.back().why;
  if (ImGui::MenuItem(undo.c_str(), "Ctrl+Z", false, !s.undo_stack.empty())) undo_replace(s);
  const std::string redo = s.redo_stack.empty() ? std::string("Redo") : "Redo " + s.redo_stack.back().why;
  if (ImGui::MenuItem(redo.c_str(), "Ctrl+Shift+Z", false, !s.redo_stack.empty())) redo_replace(s);
  ImGui::EndMenu();
}

void check_menu(AppUi& s) {
  if (!ImGui::BeginMenu("Check")) return;
  if (ImGui::MenuItem("Check now", "Ctrl+Enter")) run_check(s);
  if (ImGui::MenuItem("Format JSON", nullptr, false, s.form_valid)) {
    apply_form(s);  // re-serialises the parsed request, two-space indented, keys in order
    run_check(s);
  }
  ImGui::Separator();
  if (ImGui::MenuItem("Show JSON editor", nullptr, s.request_view == RequestView::editor)) {
    s.request_view = RequestView::editor;
    s.request_view_switch = true;
  }
  if (ImGui::MenuItem("Show form", nullptr, s.request_view == RequestView::form)) {
    s.request_view = RequestView::form;
    s.request_view_switch = true;
  }
  ImGui::EndMenu();
}

void pack_menu(AppUi& s) {
  if (!ImGui::BeginMenu("Pack")) return;
  if (ImGui::MenuItem("Automatic (by service and date received)", nullptr, s.pack_mode == PackMode::automatic)) {
    choose_pack(s, PackMode::automatic, {});
  }
  for (const PackInfo& p : s.packs) {
    const std::string label = p.id + (p.title.empty() ? std::string() : "  —  " + p.title);
    if (ImGui::MenuItem(label.c_str(), nullptr, s.pack_mode == PackMode::bundled && s.pack_id == p.id)) {
      choose_pack(s, PackMode::bundled, p.id);
    }
  }
  if (s.user_policy) {
    const std::string label = "Loaded file: " + s.user_pack_name;
    if (ImGui::MenuItem(label.c_str(), nullptr, s.pack_mode == PackMode::user)) choose_pack(s, PackMode::user, {});
  }
  ImGui::Separator();
  if (ImGui::MenuItem("Load pack file…")) s.platform->open_file(Incoming::pack);
  if (ImGui::MenuItem("Browse rules")) s.right_tab_switch = 1;
  ImGui::EndMenu();
}

}  // namespace

float draw_menu_bar(AppUi& s) {
  if (!ImGui::BeginMainMenuBar()) return 0.0f;
  file_menu(s);
  edit_menu(s);
  check_menu(s);
  pack_menu(s);
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("About and shortcuts")) s.show_about = true;
    ImGui::EndMenu();
  }
  // the request's name, right-aligned, so the user always sees what is being checked
  std::string name = (s.modified ? "• " : "") + s.request_name + (s.check_pending ? "  (checking…)" : "");
  if (s.more_files.size() > 0) name += " and " + std::to_string(s.more_files.size()) + " more";
  const float w = ImGui::CalcTextSize(name.c_str()).x + ImGui::GetStyle().ItemSpacing.x * 2;
  ImGui::SameLine(ImGui::GetWindowWidth() - w);
  ImGui::TextDisabled("%s", name.c_str());
  const float h = ImGui::GetWindowHeight();
  ImGui::EndMainMenuBar();
  return h;
}

}  // namespace reqcheck::app
