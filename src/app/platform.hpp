// The seam between the portable app and the page: what panels may ask of the browser (files,
// downloads, clipboard, print, the #verdict element) and what the app gives the platform loop
// (a frame, fonts). Implemented by platform_web.cpp, the only file that knows Emscripten.
#pragma once

#include <string>
#include <string_view>

#include "app_state.hpp"

namespace reqcheck::app {

// --- provided by the platform (platform_web.cpp) ----------------------------------------------

/// Opens the page's file picker; the chosen file arrives through `receive` with `kind`.
void platform_open_file(Incoming kind);

/// Offers `content` to the user as a download named `filename` with the MIME type `mime`.
void platform_download(std::string_view filename, std::string_view mime, std::string_view content);

/// Shows the printable view of a report (HTML built from its JSON by the page) and prints it.
void platform_print(std::string_view report_json);

/// Mirrors the verdict into the page's `#verdict` element (`aria-live`), with its counts and
/// the id of the policy pack applied (empty when none could be).
void platform_publish_verdict(std::string_view verdict, std::string_view summary, int failed, int review, std::string_view policy);

/// Puts text on the system clipboard (ImGui's copy).
void platform_copy(std::string_view text);

/// Asks the browser for the clipboard's text; it arrives through `receive` as `Incoming::paste`.
void platform_request_paste();

/// Sets the page title.
void platform_set_title(std::string_view title);

// --- provided by the app (main.cpp) -----------------------------------------------------------

/// Builds the fonts and the style for a device pixel ratio (called at start and on a change).
void app_build_fonts(AppState& s, float scale);

/// Draws one frame of the whole UI (between ImGui::NewFrame and ImGui::Render).
void app_frame(AppState& s);

}  // namespace reqcheck::app
