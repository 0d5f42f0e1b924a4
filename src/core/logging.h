#pragma once

namespace vigil::core {

/// Default rules: warnings and above everywhere, info for vigil.*; `verbose` adds vigil.* debug.
/// QT_LOGGING_RULES in the environment still wins, as Qt documents.
void configureLogging(bool verbose);

/// Installs a message handler that prefixes time, level and category ("12:00:01.234 W vigil.http: …").
void installLogFormat();

} // namespace vigil::core
